"""Notes on a region analysis (a route's, or the partnership's whole region's): what
people know, with its source."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from doorlopend.partnerships.models import Membership, Partnership
from doorlopend.routes.models import Leerroute

from ..models import Note


@transaction.atomic
def note_add(
    *,
    by: Membership,
    question: int,
    text: str,
    source: str,
    route: Leerroute | None = None,
    partnership: Partnership | None = None,
) -> Note:
    """Add a note to `route`'s analysis, or (no route) to the partnership's; the same
    note sent twice (a double click) is saved once."""
    if not by.has_perm("region.manage"):
        raise PermissionDenied(_("You may not add notes."))
    if route is not None:
        partnership = route.partnership
    # One lock per analysis, so two identical posts cannot both pass the check below.
    lock = route if route is not None else partnership
    type(lock).objects.select_for_update().get(pk=lock.pk)
    text, source = text.strip(), source.strip()
    same = Note.objects.filter(
        partnership=partnership,
        route=route,
        question=question,
        text=text,
        source=source,
    ).first()
    if same is not None:
        return same
    return Note.objects.create(
        partnership=partnership,
        route=route,
        question=question,
        text=text,
        source=source,
        created_by=by.user,
    )


def note_delete(*, note: Note, by: Membership) -> None:
    if not by.has_perm("region.manage"):
        raise PermissionDenied(_("You may not delete notes."))
    note.delete()
