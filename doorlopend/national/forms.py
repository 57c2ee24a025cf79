from django import forms
from django.utils.translation import gettext_lazy as _


class ParticipationForm(forms.Form):
    takes_part = forms.TypedChoiceField(
        label=_("National picture"),
        choices=[
            ("1", _("Our aggregates count in the national picture")),
            ("0", _("Our aggregates do not count")),
        ],
        coerce=lambda v: v == "1",
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose whether your aggregates count.")},
    )
