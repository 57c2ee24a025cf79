"""Helpers for the browser tests: accessibility checks, screenshots, error watching.

Used through the fixtures in `conftest.py` (`axe_check`, `screenshot`), or imported
directly: `from tests.browser.support import axe_check`.
"""

from __future__ import annotations

import re
import sqlite3
from functools import cache
from pathlib import Path

from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection
from django_scopes import scopes_disabled
from playwright.sync_api import ConsoleMessage, Error, Page, Request, Response

from doorlopend.partnerships.models import Partnership

BROWSER_DIR = Path(__file__).resolve().parent
AXE_JS = BROWSER_DIR / "vendor" / "axe.min.js"
SCREENSHOT_DIR = BROWSER_DIR / "screenshots"

# axe reports minor and moderate findings too; these two levels fail a test.
FAILING_IMPACTS = ("serious", "critical")
WIDTHS = (1280, 375)


# The database as the session's first `load_demo` left it (SQLite only).
_demo_copy: sqlite3.Connection | None = None


def load_demo() -> None:
    """`manage.py load_demo`, once per session: later tests get a copy of the database as
    that first load left it (SQLite's backup API: milliseconds instead of seconds).

    Only into an empty database, as each browser test starts (after the previous test's
    flush); else, and on PostgreSQL, the real command.
    """
    global _demo_copy
    connection.ensure_connection()
    with scopes_disabled():
        empty = not Partnership.objects.exists()
    if connection.vendor != "sqlite" or not empty:
        call_command("load_demo", verbosity=0)
    elif _demo_copy is not None:
        _demo_copy.backup(connection.connection)
        # The flush's post_migrate made new content types; the copy has the first ones.
        ContentType.objects.clear_cache()
    else:
        call_command("load_demo", verbosity=0)
        _demo_copy = sqlite3.connect(":memory:", check_same_thread=False)
        connection.connection.backup(_demo_copy)


@cache
def _axe_source() -> str:
    return AXE_JS.read_text(encoding="utf-8")


def axe_check(page: Page, *, context: str | None = None) -> list[dict]:
    """Run axe-core on the page as it is now; fail on any serious or critical violation.

    axe is injected with `page.evaluate`, i.e. through the DevTools protocol, which the
    page's Content-Security-Policy does not govern: no `unsafe-inline`/`unsafe-eval` and no
    `bypass_csp` needed, so the page is checked under the CSP it really has. Returns the
    violations of every impact, for a test that wants to look at the minor ones too.
    """
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(_axe_source())
    violations = page.evaluate(
        """async (context) => {
            const results = await window.axe.run(context || document, {resultTypes: ["violations"]});
            return results.violations.map((v) => ({
                id: v.id,
                impact: v.impact,
                help: v.help,
                helpUrl: v.helpUrl,
                nodes: v.nodes.map((n) => ({
                    target: n.target.map(String).join(" "),
                    summary: (n.failureSummary || "").split("\\n").slice(1)
                        .map((line) => line.trim()).filter(Boolean).join("; "),
                })),
            }));
        }""",
        context,
    )
    failing = [v for v in violations if v["impact"] in FAILING_IMPACTS]
    if failing:
        lines = [
            f"axe-core found {len(failing)} serious/critical violation(s) on {page.url}:"
        ]
        for v in failing:
            lines.append(f"- {v['id']} [{v['impact']}] {v['help']} ({v['helpUrl']})")
            for node in v["nodes"]:
                lines.append(
                    f"    at {node['target']}"
                    + (f": {node['summary']}" if node["summary"] else "")
                )
        raise AssertionError("\n".join(lines))
    return violations


def focus_top(page: Page) -> None:
    """Make the next Tab land on the first focusable element (the skip link).

    Needed on pages with an autofocused field (the login page): a plain blur() would leave
    the browser's sequential-focus starting point at that field.
    """
    page.evaluate(
        """() => {
            document.body.setAttribute("tabindex", "-1");
            document.body.focus();
            document.body.removeAttribute("tabindex");
        }"""
    )


def assert_focus_visible(page: Page, *, max_tabs: int = 60) -> int:
    """Tab through the page; every element that takes the focus must show a 3px outline.

    Returns the number of elements visited. Starts from the top of the document.
    """
    focus_top(page)
    seen: list[str] = []
    problems: list[str] = []
    for _ in range(max_tabs):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            """() => {
                const el = document.activeElement;
                if (!el || el === document.body) return null;
                const style = getComputedStyle(el);
                return {
                    html: el.outerHTML.slice(0, 80),
                    outline: style.outlineStyle + " " + style.outlineWidth,
                };
            }"""
        )
        if focused is None or (seen and focused["html"] == seen[0]):
            break  # wrapped around to the start
        seen.append(focused["html"])
        if focused["outline"] not in ("solid 3px",):
            problems.append(f"{focused['html']} has outline {focused['outline']}")
    if problems:
        raise AssertionError(
            f"Focus is hard to see on {page.url}:\n" + "\n".join(problems)
        )
    return len(seen)


def _slug(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "-", name).strip("-") or "page"


def screenshot(
    page: Page, name: str, *, widths: tuple[int, ...] = WIDTHS
) -> list[Path]:
    """Save full-page PNGs of the page at each width (default 1280 and 375 px).

    Also fails when the page scrolls sideways at a width: at 375 px (a phone) only boxes
    such as `.table-scroll` may scroll horizontally, never the page itself.
    """
    SCREENSHOT_DIR.mkdir(exist_ok=True)
    original = page.viewport_size or {"width": 1280, "height": 800}
    paths = []
    try:
        for width in widths:
            page.set_viewport_size({"width": width, "height": original["height"]})
            overflow = page.evaluate(
                "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            path = SCREENSHOT_DIR / f"{_slug(name)}-{width}.png"
            # caret="initial": hiding the caret leaves style="" on every input, which htmx
            # later copies while settling a swap — a CSP violation the app never causes.
            page.screenshot(path=str(path), full_page=True, caret="initial")
            paths.append(path)
            if overflow > 0:
                raise AssertionError(
                    f"{page.url} scrolls sideways by {overflow}px at {width}px wide (see {path.name})"
                )
    finally:
        page.set_viewport_size(original)
    return paths


# Sub-resources whose failure means a broken page (a missing stylesheet, script, image).
_ASSET_TYPES = {"stylesheet", "script", "image", "font"}


class BrowserErrors(list):
    """What went wrong in any page of a test, as readable lines: JS errors, CSP violations,
    console.error() calls, missing static files and server errors behind htmx requests.

    A page that is itself answered with 404 or 403 is not an error here: tests visit those
    on purpose (another partnership's URL must be a 404).
    """

    def watch(self, page: Page) -> Page:
        page.on("console", self._on_console)
        page.on(
            "pageerror",
            lambda error: self.append(f"{page.url}: uncaught {_error_text(error)}"),
        )
        page.on("response", self._on_response)
        page.on("requestfailed", self._on_request_failed)
        return page

    def _on_console(self, message: ConsoleMessage) -> None:
        # Chromium reports CSP violations and console.error() calls as console errors.
        # It also logs every HTTP error status as "Failed to load resource", the page's
        # own 404 included; _on_response judges those instead.
        if message.type == "error" and not message.text.startswith(
            "Failed to load resource"
        ):
            location = message.location.get("url") or ""
            self.append(f"{location}: console error: {message.text}")

    def _on_response(self, response: Response) -> None:
        request = response.request
        if request.is_navigation_request() or response.status < 400:
            return
        # Chromium asks for /favicon.ico on its own when a page names no icon.
        if response.url.endswith("/favicon.ico"):
            return
        # A 4xx answer to an htmx request can be the app's intended answer; a 5xx never is.
        if request.resource_type in _ASSET_TYPES or response.status >= 500:
            self.append(
                f"{request.method} {response.url} ({request.resource_type}): "
                f"HTTP {response.status}"
            )

    def _on_request_failed(self, request: Request) -> None:
        failure = request.failure or ""
        # Navigating away cancels what the old page was still loading: not an error.
        if "ERR_ABORTED" in failure or request.is_navigation_request():
            return
        self.append(f"{request.method} {request.url}: request failed: {failure}")

    def csp_violations(self) -> list[str]:
        return [line for line in self if "Content Security Policy" in line]


def _error_text(error: Error) -> str:
    return f"{error.name}: {error.message}" if error.name else error.message
