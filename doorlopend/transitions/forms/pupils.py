"""Forms of the pupil, signal and privacy pages. No logic: the services decide."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from doorlopend.audit.models import Action
from doorlopend.core.forms import DateField

from ..choices import RouteKind, Status
from ..models import Transition
from ..selectors.pupils import NO_STATUS


class PupilFilterForm(forms.Form):
    cohort = forms.TypedChoiceField(
        label=_("Year of transition"), coerce=int, required=False, empty_value=None
    )
    status = forms.ChoiceField(
        label=_("Current status"),
        required=False,
        choices=[("", _("all")), (NO_STATUS, _("no status yet")), *Status.choices],
    )
    route_kind = forms.ChoiceField(
        label=_("Route"),
        required=False,
        choices=[("", _("all")), *RouteKind.choices],
    )
    with_signal = forms.BooleanField(
        label=_("Only with an open signal"), required=False
    )
    name = forms.CharField(
        label=_("Name contains"),
        required=False,
        max_length=100,
    )

    def __init__(self, *args, cohorts: list[int], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cohort"].choices = [(c, str(c)) for c in cohorts]


class StatusAddForm(forms.Form):
    transition = forms.TypedChoiceField(label=_("Year of transition"), coerce=int)
    status = forms.ChoiceField(label=_("Status"), choices=Status.choices)
    on = DateField(label=_("Date"))

    def __init__(self, *args, transitions: list[Transition], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["transition"].choices = [
            (t.pk, f"{t.cohort} · {t.receiving_organisation or _('no mbo school yet')}")
            for t in transitions
        ]
        if len(transitions) == 1:
            self.fields["transition"].initial = transitions[0].pk
            self.fields["transition"].widget = forms.HiddenInput()
        self.fields["on"].initial = timezone.localdate()


class InterventionForm(forms.Form):
    what = forms.CharField(
        label=_("What"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "For example: a talk with the pupil and parents about a new choice."
        ),
    )
    who = forms.CharField(label=_("Who"), max_length=200)
    on = DateField(label=_("When"))
    outcome = forms.CharField(
        label=_("Outcome"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Leave empty if it has not happened yet."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["on"].initial = timezone.localdate()


class SignalCloseForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for closing"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("For example: registered at another mbo school after all."),
    )


class EraseForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason and reference of the request"),
        max_length=250,
        help_text=_(
            "For example: request of the parents of 3 March 2027, reference AVG-2027-012."
        ),
    )
    confirm = forms.BooleanField(
        label=_("I understand that this cannot be undone."), required=True
    )


class PrivacyLogFilterForm(forms.Form):
    date_from = DateField(label=_("From"), required=False)
    date_to = DateField(
        label=_("Up to and including"),
        required=False,
    )
    action = forms.ChoiceField(
        label=_("Action"), required=False, choices=[("", _("all")), *Action.choices]
    )

    def clean(self):
        data = super().clean()
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and start > end:
            raise forms.ValidationError(
                _("The start date lies after the end date."), code="order"
            )
        return data
