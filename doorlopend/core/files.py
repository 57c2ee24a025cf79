"""Files people upload and download: one set of rules for every module.

Uploads are checked for type and size with a message that says which and why, and stored
under a random directory so one file's address tells nothing about another's. Stored files
go out only through views (after the tenancy guard), always as attachments.
"""

from __future__ import annotations

import mimetypes
import secrets
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.db.models.fields.files import FieldFile
from django.http import FileResponse, Http404
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _


def random_upload_path(folder: str, filename: str) -> str:
    return f"{folder}/{secrets.token_hex(12)}/{PurePath(filename).name}"


def upload_check(upload, *, allowed: frozenset[str], limit: int) -> None:
    """Refuse a file whose extension is not in `allowed` or that is over `limit` bytes."""
    extension = PurePath(upload.name).suffix.lower()
    if extension not in allowed:
        raise ValidationError(
            _("Files of type %(ext)s are not accepted. Accepted: %(allowed)s.")
            % {
                "ext": extension or _("(none)"),
                "allowed": ", ".join(sorted(e.lstrip(".") for e in allowed)),
            },
            code="file_type",
        )
    if upload.size > limit:
        raise ValidationError(
            _("The file is %(size)s; the limit is %(limit)s.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
            code="file_size",
        )


def content_type_of(name: str) -> str:
    return mimetypes.guess_type(name)[0] or "application/octet-stream"


def stored_file_response(
    file: FieldFile, *, filename: str = "", content_type: str = ""
) -> FileResponse:
    """A stored file as a download; 404 when there is none or it is gone from storage."""
    if not file:
        raise Http404("No file stored.")
    try:
        handle = file.open("rb")
    except FileNotFoundError:
        raise Http404("The file is gone.") from None
    filename = filename or PurePath(file.name).name
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=filename,
        content_type=content_type or content_type_of(filename),
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
