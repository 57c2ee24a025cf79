"""A route's projectplan and agreements as the stuurgroep approves them (approvals
registry, one kind per document kind, the route as target).

The version submitted is the newest one made (status done): its stored content text and
hash are what the stuurgroep fixes; making a new version with other content is a change
that needs approval again.
"""

from __future__ import annotations

from functools import partial

from django.urls import reverse
from django.utils.text import format_lazy

from doorlopend.approvals.registry import ApprovableKind, Snapshot, approvable_register
from doorlopend.core.jobs import JobState
from doorlopend.partnerships.models import Partnership
from doorlopend.routes.models import Leerroute

from .models import GeneratedDocument, Kind

APPROVABLE = (Kind.PROJECTPLAN, Kind.AGREEMENT, Kind.FINANCIAL)


def latest_made(
    partnership: Partnership, route_id: int, kind: str
) -> GeneratedDocument | None:
    return (
        GeneratedDocument.objects.filter(
            partnership=partnership, route_id=route_id, kind=kind, status=JobState.DONE
        )
        .select_related("route")
        .order_by("-created_at", "-pk")
        .first()
    )


def document_snapshot(kind: str, partnership: Partnership, target_id: int):
    document = latest_made(partnership, target_id, kind)
    if document is None:
        return None
    return Snapshot(
        title=f"{Kind(kind).label.capitalize()} {document.route.name}",
        content_text=document.content_text,
        url=reverse(
            "documents:route_documents",
            kwargs={"partnership_slug": partnership.slug, "route_id": target_id},
        ),
        version_id=document.pk,
    )


def route_of(partnership: Partnership, target_id: int) -> bool:
    return Leerroute.objects.filter(partnership=partnership, pk=target_id).exists()


def register() -> None:
    for kind in APPROVABLE:
        approvable_register(
            ApprovableKind(
                str(kind),
                format_lazy("{}", Kind(kind).label),
                partial(document_snapshot, str(kind)),
                owns=route_of,
            )
        )
