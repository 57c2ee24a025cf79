"""A chart's numbers are rounded as the table beside it rounds them (`floatformat`)."""

import ast
from pathlib import Path

import pytest
from django.template.defaultfilters import floatformat
from django.utils import translation

import doorlopend
from doorlopend.core.charts import figure


@pytest.mark.parametrize(
    ("value", "places", "dutch"),
    [(3.95, 1, "4,0"), (3.25, 1, "3,3"), (82.5, 0, "83"), (3.0, 1, "3,0")],
)
def test_a_chart_label_says_what_the_table_says(value, places, dutch):
    with translation.override("nl"):
        assert figure(value, places) == dutch == floatformat(value, places)
    with translation.override("en"):
        assert figure(value, places) == dutch.replace(",", ".")


def test_no_figure_is_an_empty_label():
    assert figure(None) == ""


def test_no_code_rounds_a_figure_with_number_format():
    """`number_format(x, 1)` cuts 3.95 to "3,9" where the page's table says "4,0"."""
    root = Path(doorlopend.__file__).resolve().parent
    offenders = []
    for path in root.rglob("*.py"):
        if "tests" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if (
                isinstance(node, ast.Call)
                and getattr(node.func, "id", getattr(node.func, "attr", ""))
                == "number_format"
                and len(node.args) > 1
                and isinstance(node.args[1], ast.Constant)
                and node.args[1].value >= 0
            ):
                offenders.append(f"{path.relative_to(root)}:{node.lineno}")
    assert not offenders, f"use core.charts.figure in {offenders}"
