from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Figure


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


class ProgressPageForm(forms.Form):
    is_public = forms.TypedChoiceField(
        label=_("Public progress page"),
        choices=[
            ("1", _("On: anyone with the link sees our progress")),
            ("0", _("Off: the link shows nothing")),
        ],
        coerce=lambda v: v == "1",
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose whether the page is on or off.")},
    )
    figures = forms.MultipleChoiceField(
        label=_("Figures on the page"),
        choices=Figure.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    noindex = forms.BooleanField(
        label=_("Ask search engines not to list the page"), required=False
    )
    new_link = forms.BooleanField(
        label=_("Make a new link (the old link stops working)"), required=False
    )
