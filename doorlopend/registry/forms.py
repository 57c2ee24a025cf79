"""The upload form of the register import."""

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import services
from .models import Sector


class ImportUploadForm(forms.Form):
    sector = forms.ChoiceField(
        label=gettext_lazy("Kind of file"),
        choices=[
            ("", gettext_lazy("Automatic: a list of vo school locations")),
            (Sector.MBO.value, gettext_lazy("List of mbo institutions")),
            (Sector.HBO.value, gettext_lazy("List of hbo institutions")),
        ],
        required=False,
        help_text=gettext_lazy(
            "A file with a VESTIGINGSCODE (or VESTIGINGSNUMMER) column is a vo list; institution lists need their sector."
        ),
    )
    file = forms.FileField(
        label=gettext_lazy("File"),
        help_text=gettext_lazy(
            "A CSV file from DUO's open education data, separated by semicolons."
        ),
        widget=forms.FileInput(attrs={"accept": ".csv,text/csv,text/plain"}),
    )

    def clean_file(self) -> UploadedFile:
        upload = self.cleaned_data["file"]
        limit = settings.MAX_IMPORT_UPLOAD_BYTES
        if upload.size > limit:
            raise forms.ValidationError(
                _("This file is %(size)s; the largest file accepted is %(limit)s."),
                code="too_large",
                params={
                    "size": filesizeformat(upload.size),
                    "limit": filesizeformat(limit),
                },
            )
        # The worker would refuse it too, but a binary file deserves an answer right away.
        problem = services.binary_problem(upload.read())
        upload.seek(0)
        if problem is not None:
            raise forms.ValidationError(problem.reason, code="binary")
        return upload
