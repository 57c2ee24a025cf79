"""Evidence uploaded to a roadmap item: which files are accepted, and where they go."""

from __future__ import annotations

from django.conf import settings

from doorlopend.core.files import random_upload_path, upload_check

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
    return random_upload_path("roadmaps/evidence", filename)


def evidence_check(upload) -> None:
    """Refuse a file of a type or size we do not take, saying which and why."""
    upload_check(
        upload, allowed=ALLOWED_EXTENSIONS, limit=settings.ROADMAP_EVIDENCE_MAX_BYTES
    )
