"""The form that makes an API key; the service holds the rules."""

from __future__ import annotations

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from doorlopend.core.forms import DateField
from doorlopend.partnerships.models import Membership
from doorlopend.transitions.access import WRITE_PERM, schools_where

from .scopes import PARTNERSHIP_KEYS, SCHOOL_KEYS, scope_choices


class TokenForm(forms.Form):
    name = forms.CharField(
        label=_("Name"),
        max_length=100,
        help_text=_("Which system uses the key, e.g. “Magister” or “dashboard”."),
    )
    organisation = forms.TypedChoiceField(
        label=_("School"),
        required=False,
        coerce=int,
        empty_value=None,
        help_text=_("Only for a key that sends or reads your school's pupils."),
    )
    scopes = forms.MultipleChoiceField(
        label=_("What the key may do"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one thing the key may do.")},
    )
    expires_on = DateField(
        label=_("Works until"),
        help_text=_("At most a year from today."),
    )

    def __init__(self, *args, membership: Membership, **kwargs):
        kwargs.setdefault(
            "initial",
            {"expires_on": timezone.localdate() + datetime.timedelta(days=90)},
        )
        super().__init__(*args, **kwargs)
        choices = []
        if membership.has_perm(PARTNERSHIP_KEYS):
            choices += scope_choices(school=False)
        self.schools = []
        if membership.has_perm(SCHOOL_KEYS):
            choices += scope_choices(school=True)
            self.schools = schools_where(membership, WRITE_PERM)
        self.fields["scopes"].choices = choices
        self.fields["organisation"].choices = [("", _("— the whole partnership —"))] + [
            (s.pk, s.name) for s in self.schools
        ]
        if not self.schools:
            del self.fields["organisation"]

    def school(self):
        pk = self.cleaned_data.get("organisation")
        return next((s for s in self.schools if s.pk == pk), None)
