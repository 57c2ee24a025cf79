"""Every date field of every form hands the browser's date picker an ISO value.

An <input type="date"> reads only YYYY-MM-DD. A value in the page's Dutch format
(04-12-2026) shows as an empty field, and the decaan retypes the date every time.
"""

from __future__ import annotations

import copy
import datetime
import importlib
import pkgutil
import re
from pathlib import Path

import pytest
from django import forms
from django.utils import translation

import doorlopend
from doorlopend.core.forms import DateField, DateInput

DAY = datetime.date(2026, 12, 4)
INPUT = re.compile(r"<input\b[^>]*>")
ROOT = Path(doorlopend.__file__).resolve().parent


def _project_forms() -> list[type[forms.BaseForm]]:
    for module in pkgutil.walk_packages(doorlopend.__path__, "doorlopend."):
        if ".forms" in module.name and ".tests" not in module.name:
            importlib.import_module(module.name)
    found, todo = [], list(forms.BaseForm.__subclasses__())
    while todo:
        cls = todo.pop()
        todo.extend(cls.__subclasses__())
        if cls.__module__.startswith("doorlopend.") and ".tests" not in cls.__module__:
            found.append(cls)
    return found


def _date_fields() -> list[tuple[str, str, forms.Field]]:
    fields = []
    for cls in _project_forms():
        for name, field in cls.base_fields.items():
            if isinstance(field, forms.DateField):
                fields.append((f"{cls.__module__}.{cls.__qualname__}", name, field))
    return fields


def _render(name: str, field: forms.Field, **kwargs) -> str:
    """The field as its form renders it, in a form of its own (no constructor needs)."""
    probe = type("Probe", (forms.Form,), {name: copy.deepcopy(field)})(**kwargs)
    [tag] = INPUT.findall(str(probe[name]))
    return tag


def test_the_walk_finds_the_date_fields_people_use():
    names = {(form.rsplit(".", 1)[-1], name) for form, name, _ in _date_fields()}
    assert ("InterventionForm", "on") in names
    assert ("StatusAddForm", "on") in names
    assert ("GoalForm", "deadline") in names
    assert len(names) >= 20


@pytest.mark.parametrize(
    ("form", "name", "field"),
    [pytest.param(*f, id=f"{f[0].rsplit('.', 1)[-1]}.{f[1]}") for f in _date_fields()],
)
def test_every_date_input_carries_an_iso_value(form, name, field):
    assert isinstance(field, DateField), f"{form}.{name}: use core.forms.DateField"
    assert isinstance(field.widget, DateInput), f"{form}.{name}: use core DateInput"
    with translation.override("nl"):
        shown = _render(name, field, initial={name: DAY})
        bound = _render(name, field, data={name: "2026-12-04"})
    for tag in (shown, bound):
        assert 'type="date"' in tag, f"{form}.{name}: {tag}"
        assert 'value="2026-12-04"' in tag, f"{form}.{name}: {tag}"


def test_no_form_builds_its_own_date_widget():
    """Fields added in a form's __init__ escape the walk; the code itself is checked."""
    own = re.compile(r"forms\.(DateField|DateInput|DateTimeInput)\(|\"type\": \"date\"")
    offenders = [
        str(path.relative_to(ROOT))
        for path in ROOT.rglob("*.py")
        if "tests" not in path.parts
        and path != ROOT / "core" / "forms.py"
        and own.search(path.read_text())
    ]
    assert not offenders, f"use core.forms.DateField in {offenders}"
