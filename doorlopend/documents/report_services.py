"""Documents of the whole partnership (the voortgangsrapportage, the regional covenant):
asked for on their page, made by the document task.

Such a document is a `GeneratedDocument` of the partnership without a route; each request
makes a new version beside the old ones. A second click while one is waiting or being
made gets that one.
"""

from __future__ import annotations

from django.db import transaction

from doorlopend.core.job_runner import job_enqueue
from doorlopend.partnerships.models import Membership, Partnership

from .models import GeneratedDocument, Kind
from .services import IN_PROGRESS

KIND = Kind.PROGRESS_REPORT


def report_in_progress(
    *, partnership: Partnership, kind: str = KIND
) -> GeneratedDocument | None:
    return (
        GeneratedDocument.objects.filter(
            partnership=partnership,
            route__isnull=True,
            kind=kind,
            status__in=IN_PROGRESS,
        )
        .order_by("-created_at", "-pk")
        .first()
    )


def report_request(
    *, partnership: Partnership, by: Membership, language: str = ""
) -> GeneratedDocument:
    """Queue a new version of the partnership's voortgangsrapportage."""
    return partnership_document_request(
        partnership=partnership, kind=KIND, by=by, language=language
    )


@transaction.atomic
def partnership_document_request(
    *, partnership: Partnership, kind: str, by: Membership, language: str = ""
) -> GeneratedDocument:
    """Queue a new version of the partnership's document `kind` (one of
    kinds.PARTNERSHIP_SPECS)."""
    # Lock the partnership: two clicks at once must not both find nothing pending.
    Partnership.objects.select_for_update().filter(pk=partnership.pk).first()
    pending = report_in_progress(partnership=partnership, kind=kind)
    if pending is not None:
        return pending
    document = GeneratedDocument(
        partnership=partnership,
        route=None,
        kind=kind,
        created_by=by.user,
        language=language,
    )
    document.full_clean()
    document.save()
    job_enqueue(document)
    return document
