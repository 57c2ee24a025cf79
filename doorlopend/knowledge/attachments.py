"""Files attached to a practice: the same types and limit as roadmap evidence, through
the one check of core.files."""

from __future__ import annotations

from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from doorlopend.core.files import random_upload_path, upload_check
from doorlopend.roadmaps.evidence import ALLOWED_EXTENSIONS


def attachment_upload_to(instance, filename: str) -> str:
    return random_upload_path("knowledge/attachments", filename)


def attachment_check(upload) -> None:
    """Refuse a file of a type or size we do not take, saying which and why."""
    upload_check(
        upload, allowed=ALLOWED_EXTENSIONS, limit=settings.ROADMAP_EVIDENCE_MAX_BYTES
    )


def attachment_help() -> str:
    return _("Accepted: %(types)s; at most %(limit)s.") % {
        "types": ", ".join(sorted(e.lstrip(".") for e in ALLOWED_EXTENSIONS)),
        "limit": filesizeformat(settings.ROADMAP_EVIDENCE_MAX_BYTES),
    }
