from django import forms
from django.utils.translation import gettext_lazy as _


class EntryFilterForm(forms.Form):
    actor = forms.CharField(
        label=_("Who (e-mail contains)"), required=False, max_length=254
    )
    object_type = forms.CharField(
        label=_("Object type"),
        required=False,
        max_length=100,
        help_text=_("For example transitions.pupil"),
    )
