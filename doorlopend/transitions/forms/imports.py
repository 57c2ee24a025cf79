"""Forms of the pupil file imports: the upload, and the column mapping.

The upload never touches Django's temporary files: `PrivateUploadHandler` writes the file
straight to PRIVATE_UPLOAD_ROOT under a random name, hashing it while it arrives, and stops
reading once it passes TRANSITIONS_MAX_UPLOAD_BYTES.
"""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.core.files.uploadhandler import FileUploadHandler, StopUpload
from django.core.validators import MaxValueValidator, MinValueValidator
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..choices import ImportKind
from ..services.imports import StoredUpload, UploadWriter, upload_discard
from ..services.imports.columns import fields_for
from ..services.imports.rights import fits


class StoredUploadedFile(UploadedFile):
    """What the form sees of a file the handler already stored."""

    def __init__(self, name: str, stored: StoredUpload):
        super().__init__(file=None, name=name, size=stored.size)
        self.stored = stored

    def close(self):  # nothing open: the handler closed it
        return None


class PrivateUploadHandler(FileUploadHandler):
    """Streams the one file of the upload form to PRIVATE_UPLOAD_ROOT."""

    def __init__(self, request=None):
        super().__init__(request)
        self.writer: UploadWriter | None = None
        self.too_large = False
        self.stored: list[StoredUpload] = []

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self.writer = UploadWriter()

    def receive_data_chunk(self, raw_data, start):
        if start + len(raw_data) > settings.TRANSITIONS_MAX_UPLOAD_BYTES:
            self.too_large = True
            self.writer.discard()
            self.writer = None
            raise StopUpload(connection_reset=False)
        self.writer.write(raw_data)
        return None

    def file_complete(self, file_size):
        stored = self.writer.close()
        self.writer = None
        self.stored.append(stored)
        return StoredUploadedFile(self.file_name or "upload", stored)

    def upload_interrupted(self):
        if self.writer is not None:
            self.writer.discard()

    def discard_all(self) -> None:
        """Drop every file stored for a form that was not accepted."""
        for stored in self.stored:
            upload_discard(stored)


class ImportUploadForm(forms.Form):
    school = forms.ChoiceField(label=gettext_lazy("School"))
    kind = forms.ChoiceField(
        label=gettext_lazy("Kind of file"),
        choices=ImportKind.choices,
        widget=forms.RadioSelect,
        help_text=gettext_lazy(
            "A vo school uploads its list of leavers; an mbo school its registrations and statuses."
        ),
    )
    cohort = forms.IntegerField(
        label=gettext_lazy("Year of transition"),
        help_text=gettext_lazy(
            "The calendar year in which the pupils leave vmbo; a column in the file may say otherwise per pupil."
        ),
    )
    file = forms.FileField(
        label=gettext_lazy("File"),
        help_text=gettext_lazy("A CSV or XLSX file exported by your school's system."),
        widget=forms.FileInput(attrs={"accept": ".csv,.txt,.xlsx,text/csv,text/plain"}),
    )

    def __init__(self, *args, schools, too_large: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.schools = {str(s.pk): s for s in schools}
        self.too_large = too_large
        self.fields["school"].choices = [(str(s.pk), s.name) for s in schools]
        if len(schools) == 1:
            self.fields["school"].initial = str(schools[0].pk)
        year = timezone.localdate().year
        self.fields["cohort"].initial = year
        self.fields["cohort"].min_value = 2000
        self.fields["cohort"].max_value = year + 2
        self.fields["cohort"].validators.extend(
            [MinValueValidator(2000), MaxValueValidator(year + 2)]
        )
        if too_large:
            self.fields["file"].required = False

    def clean_school(self):
        return self.schools[self.cleaned_data["school"]]

    def clean(self):
        data = super().clean()
        school, kind = data.get("school"), data.get("kind")
        # The import refuses it too (rights.py); here the decaan hears it before uploading.
        if school and kind and not fits(kind, school):
            message = (
                _("A list of leavers comes from a vo school; %(school)s is not one.")
                if kind == ImportKind.LEAVERS
                else _(
                    "A list of registrations and statuses comes from an mbo school; %(school)s is not one."
                )
            )
            self.add_error("kind", message % {"school": school.name})
        return data

    def clean_file(self):
        if self.too_large:
            raise forms.ValidationError(
                _(
                    "This file is larger than %(limit)s, the largest file accepted. Split it, or ask the coördinator to import it by command."
                ),
                code="too_large",
                params={"limit": filesizeformat(settings.TRANSITIONS_MAX_UPLOAD_BYTES)},
            )
        upload = self.cleaned_data["file"]
        if not isinstance(
            upload, StoredUploadedFile
        ):  # only with another upload handler
            raise forms.ValidationError(
                _("The file could not be received. Try again."), code="not_stored"
            )
        return upload


class ColumnMappingForm(forms.Form):
    """One select per field of ours, offering the columns found in the file."""

    def __init__(
        self,
        *args,
        kind: str,
        headers: list[str],
        initial_columns: dict[str, str],
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        choices = [("", _("— not in the file —")), *((h, h) for h in headers if h)]
        for field in fields_for(kind):
            label = (
                field.label
                if not field.required
                else _("%(label)s (required)") % {"label": field.label}
            )
            self.fields[field.name] = forms.ChoiceField(
                label=label,
                help_text=field.help,
                choices=choices,
                required=False,
                initial=initial_columns.get(field.name, ""),
            )
