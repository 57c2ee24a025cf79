"""Form fields shared by modules."""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError


class DutchDecimalField(forms.DecimalField):
    """A number (money, hours, a target) typed as people type it in the Netherlands.

    Accepts "12,5", "12.500,50", "12500.50" and "€ 1 250" alike, whatever the page's
    language; shows a stored value with a decimal comma.
    """

    def __init__(self, **kwargs):
        kwargs.setdefault("max_digits", 12)
        kwargs.setdefault("decimal_places", 2)
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "decimal"}))
        super().__init__(**kwargs)

    def to_python(self, value):
        if isinstance(value, str):
            value = value.strip().removeprefix("€")
            value = "".join(value.split()).replace("\u00a0", "")
            if "," in value:
                value = value.replace(".", "").replace(",", ".")
        return super().to_python(value)

    def prepare_value(self, value):
        if isinstance(value, Decimal):
            return format(value.normalize(), "f").replace(".", ",")
        return value


class DateInput(forms.DateInput):
    """The browser's date picker, always given an ISO value.

    An <input type="date"> reads only YYYY-MM-DD: a value in the page's own format
    (04-12-2026) leaves the field empty, and people retype the date every time.
    """

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class DateField(forms.DateField):
    """A date typed with the browser's date picker; every form's date field is one."""

    widget = DateInput


class TimeInput(forms.TimeInput):
    """The browser's time picker, always given hours and minutes (09:30)."""

    input_type = "time"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%H:%M")


def service_errors_add(form: forms.Form, error: ValidationError) -> None:
    """A service's ValidationError onto `form`: each message on its field where the form
    has that field, else on the form as a whole, so the page shows every one beside what
    was typed."""
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, error)
