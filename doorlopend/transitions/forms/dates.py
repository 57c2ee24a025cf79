"""The form of the dates page: registration deadline and start check of one year."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from doorlopend.core.forms import DateField

from ..models import CohortSettings
from ..services.cohort_settings import cohort_dates_validate

FIRST_YEAR, LAST_YEAR = 2000, 2100


class CohortDatesForm(forms.Form):
    """One year's dates; prefixed per year, so that every year on the page has its own ids."""

    registration_deadline = DateField(
        label=gettext_lazy("Registration deadline"),
    )
    start_check_on = DateField(
        label=gettext_lazy("Start check"),
    )
    # The doorstroomdossier's dates; empty: the default.
    dossier_complete_by = DateField(
        label=gettext_lazy("Dossier complete by"), required=False
    )
    dossier_read_by = DateField(label=gettext_lazy("Dossier read by"), required=False)

    def __init__(self, *args, cohort: int, **kwargs):
        kwargs.setdefault("prefix", f"y{cohort}")
        super().__init__(*args, **kwargs)
        self.cohort = cohort
        defaults = {
            "registration_deadline": (
                _(
                    "Pupils without a registration at an mbo school by then are signalled."
                ),
                CohortSettings.default_deadline(cohort),
            ),
            "start_check_on": (
                _("Registered pupils who have not started by then are signalled."),
                CohortSettings.default_start_check(cohort),
            ),
            "dossier_complete_by": (
                _(
                    "Pupils whose doorstroomdossier is not complete and approved by then are signalled."
                ),
                CohortSettings.default_dossier_complete_by(cohort),
            ),
            "dossier_read_by": (
                _(
                    "Approved dossiers the mbo school has not read by then are signalled."
                ),
                CohortSettings.default_dossier_read_by(cohort),
            ),
        }
        for name, (meaning, default) in defaults.items():
            self.fields[name].help_text = _("%(meaning)s Default: %(date)s.") % {
                "meaning": meaning,
                "date": date_format(default, "j F Y"),
            }

    def clean(self) -> dict:
        data = super().clean()
        deadline, check = data.get("registration_deadline"), data.get("start_check_on")
        if deadline and check:
            try:
                cohort_dates_validate(
                    cohort=self.cohort,
                    registration_deadline=deadline,
                    start_check_on=check,
                    dossier_complete_by=data.get("dossier_complete_by"),
                    dossier_read_by=data.get("dossier_read_by"),
                )
            except ValidationError as e:
                for name, errors in e.error_dict.items():
                    self.add_error(name, errors)
        return data


def cohort_from(value: str | None) -> int | None:
    """The year a submitted form is for, or None when it is no plausible year."""
    try:
        year = int(value or "")
    except ValueError:
        return None
    return year if FIRST_YEAR <= year <= LAST_YEAR else None
