"""Evidence uploaded to a roadmap item: which files are accepted, and where they go."""

from __future__ import annotations

import secrets
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

# What people hand in as evidence: documents, spreadsheets, slides, pictures.
ALLOWED_EXTENSIONS = frozenset(
    {
        ".pdf",
        ".docx",
        ".xlsx",
        ".pptx",
        ".odt",
        ".ods",
        ".odp",
        ".txt",
        ".csv",
        ".png",
        ".jpg",
        ".jpeg",
    }
)


def evidence_upload_to(instance, filename: str) -> str:
    # A random directory: a file's address cannot be guessed from another's.
    return f"roadmaps/evidence/{secrets.token_hex(12)}/{PurePath(filename).name}"


def evidence_check(upload) -> None:
    """Refuse a file of a type or size we do not take, saying which and why."""
    extension = PurePath(upload.name).suffix.lower()
    if extension not in ALLOWED_EXTENSIONS:
        raise ValidationError(
            _("Files of type %(ext)s are not accepted. Accepted: %(allowed)s.")
            % {
                "ext": extension or _("(none)"),
                "allowed": ", ".join(sorted(e.lstrip(".") for e in ALLOWED_EXTENSIONS)),
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
