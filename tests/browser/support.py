"""Helpers for the browser tests: accessibility checks, screenshots, error watching.

Used through the fixtures in `conftest.py` (`axe_check`, `screenshot`), or imported
directly: `from tests.browser.support import axe_check`.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from playwright.sync_api import ConsoleMessage, Error, Page

BROWSER_DIR = Path(__file__).resolve().parent
AXE_JS = BROWSER_DIR / "vendor" / "axe.min.js"
SCREENSHOT_DIR = BROWSER_DIR / "screenshots"

# axe reports minor and moderate findings too; these two levels fail a test.
FAILING_IMPACTS = ("serious", "critical")
WIDTHS = (1280, 375)


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


def assert_focus_visible(page: Page, *, max_tabs: int = 60) -> int:
    """Tab through the page; every element that takes the focus must show a 3px outline.

    Returns the number of elements visited. Starts from the top of the document.
    """
    # Focusing <body> moves the browser's sequential-focus starting point to the top (a
    # plain blur() would leave it at an autofocused field).
    page.evaluate(
        """() => {
            document.body.setAttribute("tabindex", "-1");
            document.body.focus();
            document.body.removeAttribute("tabindex");
        }"""
    )
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
            page.screenshot(path=str(path), full_page=True)
            paths.append(path)
            if overflow > 0:
                raise AssertionError(
                    f"{page.url} scrolls sideways by {overflow}px at {width}px wide (see {path.name})"
                )
    finally:
        page.set_viewport_size(original)
    return paths


class BrowserErrors(list):
    """JS errors and CSP violations reported by any page of a test, as readable lines."""

    def watch(self, page: Page) -> Page:
        page.on("console", self._on_console)
        page.on(
            "pageerror",
            lambda error: self.append(f"{page.url}: uncaught {_error_text(error)}"),
        )
        return page

    def _on_console(self, message: ConsoleMessage) -> None:
        # Chromium reports CSP violations, failed resources (404 on a static file) and
        # console.error() calls as console errors.
        if message.type == "error":
            location = message.location.get("url") or ""
            # Chromium asks for /favicon.ico on its own when a page names no icon.
            if location.endswith("/favicon.ico"):
                return
            self.append(f"{location}: console error: {message.text}")

    def csp_violations(self) -> list[str]:
        return [line for line in self if "Content Security Policy" in line]


def _error_text(error: Error) -> str:
    return f"{error.name}: {error.message}" if error.name else error.message
