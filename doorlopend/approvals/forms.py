from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Decision


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Approve or reject"),
        choices=Decision.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose approve or reject.")},
    )
    comment = forms.CharField(
        label=_("Comment"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required when you reject: say what has to change."),
    )

    def clean(self):
        data = super().clean()
        if (
            data.get("decision") == Decision.REJECT
            and not data.get("comment", "").strip()
        ):
            self.add_error("comment", _("Say why you reject it."))
        return data


class SubmitForm(forms.Form):
    note = forms.CharField(
        label=_("Note to the stuurgroep"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
