"""The browser-test harness itself: axe-core runs under a strict CSP and catches violations,
and a CSP violation on a page is reported. Without these a broken harness would pass silently.
"""

import pytest
from playwright.sync_api import Page, Route

from .support import axe_check

pytestmark = pytest.mark.django_db(transaction=True)

PLANTED = """<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><title>Planted violations</title></head>
<body><main>
  <h1>Planted</h1>
  <img src="/static/img/favicon.svg">
  <p style="color: #c8c8c8; background: #ffffff">Light grey on white.</p>
  <script>window.inlineScriptRan = true;</script>
</main></body></html>"""


def _serve_planted(route: Route) -> None:
    # Inline styles allowed so the low-contrast paragraph renders; scripts from 'self' only.
    route.fulfill(
        status=200,
        content_type="text/html; charset=utf-8",
        headers={"Content-Security-Policy": "script-src 'self'"},
        body=PLANTED,
    )


def test_axe_runs_under_strict_csp_and_reports_violations(
    live_server, page: Page, browser_errors
):
    url = live_server.url + "/__planted__/"
    page.route(url, _serve_planted)
    page.goto(url)

    # The CSP is in force: the inline script was refused, and the refusal was reported.
    assert page.evaluate("() => window.inlineScriptRan === undefined")
    assert browser_errors.csp_violations(), browser_errors
    browser_errors.clear()

    with pytest.raises(AssertionError) as failure:
        axe_check(page)

    message = str(failure.value)
    assert "image-alt [critical]" in message
    assert "color-contrast [serious]" in message
    assert "at img" in message
    # Injecting axe itself broke no rule of the policy.
    assert not browser_errors


def test_missing_asset_is_an_error_but_a_404_page_is_not(
    live_server, page: Page, browser_errors
):
    # A page answered with 404 is what a test of a foreign URL expects: no error.
    response = page.goto(live_server.url + "/no-such-page/")
    assert response is not None and response.status == 404
    assert not browser_errors

    # A stylesheet that 404s breaks the page: reported.
    url = live_server.url + "/__missing_asset__/"
    page.route(
        url,
        lambda route: route.fulfill(
            status=200,
            content_type="text/html; charset=utf-8",
            body='<!doctype html><html lang="nl"><head><title>x</title>'
            '<link rel="stylesheet" href="/static/css/does-not-exist.css">'
            "</head><body><main><h1>x</h1></main></body></html>",
        ),
    )
    page.goto(url)
    page.wait_for_load_state("load")
    assert len(browser_errors) == 1, browser_errors
    assert "does-not-exist.css (stylesheet): HTTP 404" in browser_errors[0]
    browser_errors.clear()
