"""The document of a council's decision: which files are accepted, and where they go."""

from __future__ import annotations

import mimetypes
import secrets
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

# A decision of the MR/OR/studentenraad arrives as minutes, a signed letter or a scan.
CONSENT_EXTENSIONS = frozenset({".pdf", ".docx", ".odt", ".png", ".jpg", ".jpeg"})


def consent_upload_to(instance, filename: str) -> str:
    # A random directory: a file's address cannot be guessed from another's.
    return f"routes/consent/{secrets.token_hex(12)}/{PurePath(filename).name}"


def consent_document_check(upload) -> None:
    """Refuse a file of a type or size we do not take, saying which and why."""
    extension = PurePath(upload.name).suffix.lower()
    if extension not in CONSENT_EXTENSIONS:
        raise ValidationError(
            _("Files of type %(ext)s are not accepted. Accepted: %(allowed)s.")
            % {
                "ext": extension or _("(none)"),
                "allowed": ", ".join(sorted(e.lstrip(".") for e in CONSENT_EXTENSIONS)),
            },
            code="file_type",
        )
    limit = settings.ROADMAP_EVIDENCE_MAX_BYTES
    if upload.size > limit:
        raise ValidationError(
            _("The file is %(size)s; the limit is %(limit)s.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
            code="file_size",
        )


def content_type_of(name: str) -> str:
    return mimetypes.guess_type(name)[0] or "application/octet-stream"
