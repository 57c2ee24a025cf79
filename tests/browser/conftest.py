"""Browser tests: Playwright driving Debian's chromium against pytest-django's live_server.

Every test under tests/browser is marked `browser` (so `make test` skips them and
`make test-browser` runs them), needs `@pytest.mark.django_db(transaction=True)` (the live
server runs in another thread and must see the test's data), and fails when a page logs a
JavaScript error or a Content-Security-Policy violation.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext

from . import support

BROWSER_DIR = Path(__file__).resolve().parent
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    # Without these chromium keeps calling home; this machine's closed network refuses it.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_configure(config: pytest.Config) -> None:
    # pytest-playwright 0.10 defines its fallback `base_url` fixture as a method, which
    # pytest 9 warns about on every run; nothing of ours to fix.
    config.addinivalue_line(
        "filterwarnings",
        "ignore:Session-scoped fixtures defined as instance methods:pytest.PytestRemovedIn10Warning",
    )


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(
    config: pytest.Config, items: list[pytest.Item]
) -> None:
    # tryfirst: the marker must be there before `-m "not browser"` deselects by it.
    for item in items:
        if BROWSER_DIR in item.path.parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session", autouse=True)
def _allow_orm_beside_playwright() -> Iterator[None]:
    # Playwright's sync API keeps an asyncio loop running in the test thread; Django would
    # then refuse ORM calls from the test (SynchronousOnlyOperation). The calls are in fact
    # synchronous. Set for the rest of the session once a browser test starts: the browser
    # stays up until the session ends.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    yield
    if previous is None:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture(scope="session")
def django_db_modify_db_settings(
    django_db_modify_db_settings: None, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """A SQLite test database in a file, not Django's shared-cache in-memory one.

    The live server answers on several threads. In a shared-cache memory database a
    thread that writes locks whole tables and a reader on another thread fails at once
    with "database table is locked" (no busy wait), e.g. a page polling the live results
    while the report is being written. A file in WAL mode lets readers go on and makes
    writers wait their turn, as in production.
    """
    from django.conf import settings

    database = settings.DATABASES["default"]
    if database["ENGINE"] == "django.db.backends.sqlite3":
        name = tmp_path_factory.mktemp("db") / "browser-tests.sqlite3"
        database.setdefault("TEST", {})["NAME"] = str(name)
        database.setdefault("OPTIONS", {})["timeout"] = 20


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    """Debian's chromium, never a browser downloaded by `playwright install`."""
    if not os.path.exists(CHROMIUM):
        pytest.exit(
            f"{CHROMIUM} is missing: apt-get install -y chromium fonts-dejavu-core",
            returncode=1,
        )
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": CHROMIUM_ARGS,
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict) -> dict:
    return {
        **browser_context_args,
        "viewport": {"width": 1280, "height": 800},
        "locale": "nl-NL",
        "timezone_id": "Europe/Amsterdam",
    }


@pytest.fixture
def browser_errors() -> Iterator[support.BrowserErrors]:
    """Errors seen by any page of the test; the test fails if any are left at its end.

    A test that provokes an error on purpose inspects the list and clears it.
    """
    errors = support.BrowserErrors()
    yield errors
    if errors:
        pytest.fail(
            "The browser reported errors:\n" + "\n".join(f"- {e}" for e in errors)
        )


@pytest.fixture
def new_context(
    new_context: Callable[..., BrowserContext], browser_errors: support.BrowserErrors
) -> Callable[..., BrowserContext]:
    """pytest-playwright's context factory, watching every page it opens for errors.

    Covers `page`, `context` and second contexts made with `new_context()` (e.g. a second
    user accepting an invitation).
    """

    def make(**kwargs) -> BrowserContext:
        context = new_context(**kwargs)
        # The live server answers in milliseconds: fail a stuck click or navigation after
        # 10 s instead of Playwright's 30 s, which keeps a broken CI run short.
        context.set_default_timeout(10_000)
        context.on("page", browser_errors.watch)
        return context

    return make


@pytest.fixture
def axe_check() -> Callable[..., list[dict]]:
    """axe_check(page): fail on serious/critical accessibility violations (see support.py)."""
    return support.axe_check


@pytest.fixture
def screenshot() -> Callable[..., list[Path]]:
    """screenshot(page, name): full-page PNGs at 1280 and 375 px in tests/browser/screenshots/."""
    return support.screenshot
