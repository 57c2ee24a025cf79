"""The year and grouping the figures pages show (GET forms; a bad value falls back)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from ..selectors.figures import DIMENSIONS
from ..selectors.sankey import MIDDLES


class _YearForm(forms.Form):
    cohort = forms.TypedChoiceField(
        label=_("Year of transition"),
        coerce=int,
    )

    def __init__(self, data, *, cohorts: list[int]) -> None:
        super().__init__(data)
        self.fields["cohort"].choices = [(c, str(c)) for c in cohorts]
        self.default_cohort = cohorts[0] if cohorts else None

    def value(self, name: str, default):
        """The cleaned value of `name`, or `default` when absent or invalid."""
        if not self.is_bound:
            return default
        self.is_valid()  # fills cleaned_data with the fields that are valid
        return self.cleaned_data.get(name) or default

    @property
    def chosen_cohort(self) -> int | None:
        return self.value("cohort", self.default_cohort)


# Not a grouping: the partnership's totals alone (regular against leerroute).
WHOLE = "partnership"


class FiguresFilterForm(_YearForm):
    dimension = forms.ChoiceField(
        label=_("Group by"),
        choices=[
            *DIMENSIONS.items(),
            (WHOLE, _("none: the whole partnership")),
        ],
        required=False,
    )

    @property
    def chosen_dimension(self) -> str:
        return self.value("dimension", "sending")


class SankeyFilterForm(_YearForm):
    middle = forms.ChoiceField(
        label=_("Via"), choices=list(MIDDLES.items()), required=False
    )

    @property
    def chosen_middle(self) -> str:
        return self.value("middle", "receiving")


def filter_form(cls, request, *, cohorts: list[int]):
    """Bound to the query string, or to the defaults on a first visit."""
    return cls(request.GET or None, cohorts=cohorts)
