"""Where code lives shows what it does: a grep for a template name finds its view, forms
and demo data sit in `forms/` and `demo/` packages, reads sit in selectors, and no module
grows past what a reader can hold (400 lines, tests included)."""

from __future__ import annotations

import re
from pathlib import Path

import doorlopend

ROOT = Path(doorlopend.__file__).parent
MAX_LINES = 400


def _sources() -> list[Path]:
    return [p for p in ROOT.rglob("*.py") if "migrations" not in p.parts]


def test_no_python_file_over_400_lines():
    too_long = {
        str(p.relative_to(ROOT)): n
        for p in _sources()
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert too_long == {}


def test_forms_and_demo_data_are_packages_not_loose_modules():
    loose = sorted(
        str(p.relative_to(ROOT))
        for app in ROOT.iterdir()
        if app.is_dir()
        for p in app.glob("*.py")
        if re.fullmatch(r"(forms|demo)_\w+\.py", p.name)
    )
    assert loose == []


def test_template_names_are_written_out():
    # `render(request, T + "enter.html")` hides the view from a grep for the template.
    built = re.compile(
        r"""\w+\s*\+\s*["'][^"']*\.html["']|f["'][^"']*\{[^"']*\.html["']"""
    )
    hits = [
        f"{p.relative_to(ROOT)}:{i}"
        for p in _sources()
        if p != Path(__file__)
        for i, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
        if built.search(line)
    ]
    assert hits == []


def test_figure_and_trend_reads_live_in_selectors():
    moved_away = [
        "transitions/services/figures.py",
        "transitions/services/figures_sankey.py",
        "reflection/results.py",
        "reflection/trends.py",
    ]
    assert [m for m in moved_away if (ROOT / m).exists()] == []


def test_template_comments_of_one_line_end_on_it():
    # Django reads `{# … #}` on one line only: one spread over lines shows on the page
    # as text. A longer note is a {% comment %} block.
    hits = [
        f"{p.relative_to(ROOT)}:{i}"
        for p in ROOT.rglob("*.html")
        for i, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
        if "{#" in line and "#}" not in line.split("{#", 1)[1]
    ]
    assert hits == []
