"""A programme's PDF: asked for from the programme's pages, made by the document task.

A programme's PDF is a `GeneratedDocument` of kind `programme` (route None), of the whole
programme or of one leerweg's line; each request makes a new version beside the old ones.
A second click while one is waiting or being made gets that one.
"""

from __future__ import annotations

from django.db import transaction
from django.urls import reverse

from doorlopend.core.job_runner import job_enqueue
from doorlopend.core.jobs import ACTIVE
from doorlopend.partnerships.models import Membership
from doorlopend.programme.models import Programme

from .models import GeneratedDocument, Kind

KIND = Kind.PROGRAMME


def programme_pdf_in_progress(
    *, programme: Programme, leerweg: str = ""
) -> GeneratedDocument | None:
    return (
        GeneratedDocument.objects.filter(
            partnership_id=programme.partnership_id,
            programme=programme,
            leerweg=leerweg,
            kind=KIND,
            status__in=ACTIVE,
        )
        .order_by("-created_at", "-pk")
        .first()
    )


def programme_pdf_url(slug: str, programme_id: int, leerweg: str = "") -> str:
    """The page a programme's PDF (of one leerweg's line) is made, awaited and kept on."""
    url = reverse("programme_pdf:programme_pdf", args=[slug, programme_id])
    return f"{url}?leerweg={leerweg}" if leerweg else url


@transaction.atomic
def programme_pdf_request(
    *, programme: Programme, leerweg: str = "", by: Membership, language: str = ""
) -> GeneratedDocument:
    """Queue a new version of the programme's PDF (of `leerweg`'s line, if given)."""
    # Lock the programme: two clicks at once must not both find nothing pending.
    Programme.objects.select_for_update().filter(pk=programme.pk).first()
    pending = programme_pdf_in_progress(programme=programme, leerweg=leerweg)
    if pending is not None:
        return pending
    document = GeneratedDocument(
        partnership_id=programme.partnership_id,
        programme=programme,
        leerweg=leerweg,
        kind=KIND,
        created_by=by.user,
        language=language,
    )
    document.full_clean()
    document.save()
    job_enqueue(document)
    return document
