"""'Your document is ready': to whoever asked for it, once the worker has made it."""

from __future__ import annotations

from django.urls import reverse
from django.utils.text import format_lazy

from doorlopend.accounts.models import NotificationKind
from doorlopend.accounts.notifications import REPORT_READY, notify, site_url
from doorlopend.core.jobs import JobState

from .models import GeneratedDocument, Kind
from .programme_services import programme_pdf_url


def document_ready_tell(document: GeneratedDocument) -> bool:
    if document.status != JobState.DONE or document.created_by is None:
        return False
    slug = document.partnership.slug
    if document.route_id:
        path = reverse(
            "documents:route_documents",
            kwargs={"partnership_slug": slug, "route_id": document.route_id},
        )
        named = document.route.name
    elif document.programme_id:
        path = programme_pdf_url(slug, document.programme_id, document.leerweg)
        named = document.programme.name
    else:
        path = reverse("progress_report:report", kwargs={"partnership_slug": slug})
        named = document.partnership.name
    return notify(
        user=document.created_by,
        kind=NotificationKind.REPORT_READY,
        templates=REPORT_READY,
        context={
            # The kind's label is lazy: it reads in the recipient's language.
            "title": format_lazy("{} – {}", Kind(document.kind).label, named),
            "url": site_url() + path,
            "partnership": document.partnership,
        },
        once=f"report_ready:documents.document:{document.pk}",
    )
