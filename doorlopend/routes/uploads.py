"""The document of a council's decision: which files are accepted, and where they go."""

from __future__ import annotations

from django.conf import settings

from doorlopend.core.files import random_upload_path, upload_check

# A decision of the MR/OR/studentenraad arrives as minutes, a signed letter or a scan.
CONSENT_EXTENSIONS = frozenset({".pdf", ".docx", ".odt", ".png", ".jpg", ".jpeg"})


def consent_upload_to(instance, filename: str) -> str:
    return random_upload_path("routes/consent", filename)


def consent_document_check(upload) -> None:
    """Refuse a file of a type or size we do not take, saying which and why."""
    upload_check(
        upload, allowed=CONSENT_EXTENSIONS, limit=settings.ROADMAP_EVIDENCE_MAX_BYTES
    )
