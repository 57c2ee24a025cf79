"""Every page fits a phone, a tablet and a laptop.

The pages are found from the URL patterns (`site_pages.discover`), each visited as a role
that reaches it, at 375, 768 and 1280 px (about four minutes). On each, `fit_check.js` looks for a box that
sticks out of the viewport outside a scroll box, a box that scrolls sideways without the
visible, keyboard-reachable `.table-scroll`, and a heading with a word broken over two
lines. With PAGE_SHOTS=1 in the environment, screenshots of every page at every width go
to tests/browser/screenshots/pages/ (for looking at them; the checks do not need them, and
the 400-odd full-page PNGs took more of the test's time than the checks).
"""

import os
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext

from . import site_pages
from .support import SCREENSHOT_DIR, load_demo

pytestmark = pytest.mark.django_db(transaction=True)

WIDTHS = (375, 768, 1280)
CHECK = (Path(__file__).parent / "fit_check.js").read_text(encoding="utf-8")
SHOTS = SCREENSHOT_DIR / "pages" if os.environ.get("PAGE_SHOTS") == "1" else None


@pytest.fixture
def pages(db) -> tuple[list[site_pages.Page], dict]:
    load_demo()
    site_pages.lengthen_names()
    return site_pages.discover()


def test_every_page_fits_every_width(pages, live_server, new_context):
    found, clients = pages
    if SHOTS:
        SHOTS.mkdir(parents=True, exist_ok=True)
    browsers: dict[str | None, BrowserContext] = {}
    problems = []
    for page in found:
        if page.user not in browsers:
            context = new_context()
            context.add_cookies(
                [
                    {"name": name, "value": morsel.value, "url": live_server.url}
                    for name, morsel in clients[page.user].cookies.items()
                ]
            )
            browsers[page.user] = context
        context = browsers[page.user]
        tab = context.pages[0] if context.pages else context.new_page()
        tab.set_viewport_size({"width": WIDTHS[0], "height": 800})
        tab.goto(live_server.url + page.url)
        for width in WIDTHS:
            # Loaded once, as a phone; wider screens by resizing (a quarter of the time).
            tab.set_viewport_size({"width": width, "height": 800})
            for problem in tab.evaluate(CHECK, {"width": width}):
                problems.append(f"{page.label} at {width}px ({page.url}): {problem}")
            if SHOTS:
                tab.screenshot(
                    path=str(SHOTS / f"{page.label}-{width}.png"),
                    full_page=True,
                    caret="initial",
                )
    assert len(found) > 100, "the discovery found too few pages"
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems)


PLANTED = """<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><title>Planted</title><style>
  body { margin: 0; font: 16px sans-serif; }
  .narrow { width: 150px; font-size: 16px; overflow-wrap: anywhere; }
  .wide { width: 600px; }
  .box { overflow-x: auto; }
</style></head><body><main>
  <h1 class="narrow">Samenwerkingsverband Rivierenland</h1>
  <h2 class="narrow">info@samenwerkingsverband-rivierenland.nl</h2>
  <div class="wide" id="sticks-out">te breed</div>
  <div class="box" id="bare-box"><div class="wide">schuift zonder hint</div></div>
  <div class="box table-scroll" id="good-box" tabindex="0" role="region" aria-label="Tabel">
    <div class="wide">schuift met hint</div>
  </div>
</main></body></html>"""


def test_the_check_finds_what_does_not_fit(live_server, page):
    url = live_server.url + "/__planted_fit__/"
    page.route(
        url,
        lambda route: route.fulfill(
            status=200, content_type="text/html; charset=utf-8", body=PLANTED
        ),
    )
    page.set_viewport_size({"width": 375, "height": 600})
    page.goto(url)

    problems = page.evaluate(CHECK, {"width": 375})

    assert len(problems) == 3, problems
    assert any("sticks out" in p and "#sticks-out" in p for p in problems)
    assert any("without a cue" in p and "#bare-box" in p for p in problems)
    assert any("broken over" in p and '"Samenwerkingsverband"' in p for p in problems)
    # The e-mail address may break; the named scroll box with its shadow may scroll; on
    # a laptop the boxes fit and only the narrow heading is left.
    page.set_viewport_size({"width": 1280, "height": 600})
    problems = page.evaluate(CHECK, {"width": 1280})
    assert len(problems) == 1 and "Samenwerkingsverband" in problems[0], problems
