"""Forms of the facilitator: action points, a note per theme, and the phase of the hour."""

from __future__ import annotations

import secrets

from django import forms
from django.utils.translation import gettext_lazy as _

from doorlopend.core.forms import DateField
from doorlopend.instruments.definition import Definition
from doorlopend.partnerships.forms import MemberChoiceField
from doorlopend.partnerships.models import Membership, Organisation, Partnership
from doorlopend.partnerships.selectors import members_who_may

from ..choices import ActionStatus, Phase

# The fields an action point form hands to the services, by their model names.
POINT_FIELDS = (
    "title",
    "theme_key",
    "owner_member",
    "owner_organisation",
    "due_date",
    "status",
)


class ActionPointForm(forms.Form):
    title = forms.CharField(label=_("What"), max_length=300)
    theme_key = forms.ChoiceField(label=_("Theme"), required=False)
    owner_member = MemberChoiceField(
        label=_("Owner: a person"),
        queryset=Membership.objects.none(),
        required=False,
        empty_label="—",
    )
    owner_organisation = forms.ModelChoiceField(
        label=_("or an organisation"),
        queryset=Organisation.objects.none(),
        required=False,
        empty_label="—",
    )
    due_date = DateField(
        label=_("Due date"),
        required=False,
    )
    status = forms.ChoiceField(
        label=_("Status"), choices=ActionStatus.choices, initial=ActionStatus.OPEN
    )
    # One token per rendered form: a second submit of the same form creates nothing.
    token = forms.CharField(widget=forms.HiddenInput, required=False, max_length=64)

    def __init__(
        self,
        *args,
        partnership: Partnership,
        definition: Definition | None = None,
        with_token: bool = False,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.with_token = with_token
        themes = definition.themes if definition else ()
        choices = [("", "—"), *((t.key, t.title) for t in themes)]
        current = self.initial.get("theme_key")
        if current and current not in {key for key, _label in choices}:
            choices.append((current, current))  # keep what an older point has
        self.fields["theme_key"].choices = choices
        self.fields["owner_member"].queryset = members_who_may(
            partnership=partnership, perm="reflection.view"
        )
        self.fields["owner_organisation"].queryset = Organisation.objects.filter(
            partnership=partnership
        )
        if not with_token:
            del self.fields["token"]
        elif not self.is_bound:
            self.fields["token"].initial = secrets.token_urlsafe(16)

    def clean_token(self) -> str:
        token = self.cleaned_data.get("token", "")
        if not token:
            # Re-shown with a fresh token, so that the next submit can go through.
            self.data = self.data.copy()
            self.data["token"] = secrets.token_urlsafe(16)
            raise forms.ValidationError(
                _("This form was incomplete. Please fill it in again."),
                code="no_token",
            )
        return token

    def clean(self) -> dict:
        data = super().clean()
        if data.get("owner_member") and data.get("owner_organisation"):
            message = _("Choose either a person or an organisation as owner, not both.")
            self.add_error("owner_member", forms.ValidationError(message, "two_owners"))
        return data

    def point_fields(self) -> dict:
        return {name: self.cleaned_data[name] for name in POINT_FIELDS}


class ThemeNoteForm(forms.Form):
    text = forms.CharField(
        label=_("Notes"),
        required=False,
        max_length=10_000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class PhaseForm(forms.Form):
    phase = forms.ChoiceField(choices=Phase.choices)
