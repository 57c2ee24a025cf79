"""The upload of an open-data file with its provenance, and a note with its source."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from doorlopend.core.files import upload_check
from doorlopend.core.forms import DateField

from .models import DataKind, Note

ALLOWED = frozenset({".csv", ".xlsx"})
LIMIT = 5 * 1024 * 1024


class DataSetForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Kind of data"),
        choices=DataKind.choices,
        error_messages={"required": _("Choose which kind of data the file holds.")},
    )
    file = forms.FileField(
        label=_("File (CSV or XLSX)"),
        error_messages={"required": _("Choose the file to import.")},
    )
    source_name = forms.CharField(
        label=_("Source"),
        max_length=200,
        help_text=_("The table's name as the publisher gives it."),
        error_messages={"required": _("Give the name of the source.")},
    )
    publisher = forms.CharField(
        label=_("Publisher"),
        max_length=100,
        help_text=_("For example DUO, UWV or CBS."),
        error_messages={"required": _("Give who publishes the data.")},
    )
    reference_date = DateField(
        label=_("Reference date"),
        help_text=_("The date the figures are about (peildatum)."),
        error_messages={
            "required": _("Give the date the figures are about."),
            "invalid": _("Give a date, for example 1 October 2025."),
        },
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        try:
            upload_check(upload, allowed=ALLOWED, limit=LIMIT)
        except ValidationError as error:
            raise forms.ValidationError(error.messages) from error
        return upload


class NoteForm(forms.ModelForm):
    class Meta:
        model = Note
        fields = ["question", "text", "source"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}
        error_messages = {
            "question": {"required": _("Choose the question the note answers.")},
            "text": {"required": _("Write what you know.")},
            "source": {"required": _("Say where it comes from.")},
        }
