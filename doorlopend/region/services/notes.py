"""Notes on a route's region analysis: what people know, with its source."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from doorlopend.partnerships.models import Membership
from doorlopend.routes.models import Leerroute

from ..models import Note


@transaction.atomic
def note_add(
    *, route: Leerroute, by: Membership, question: int, text: str, source: str
) -> Note:
    """Add a note; the same note sent twice (a double click) is saved once."""
    if not by.has_perm("region.manage"):
        raise PermissionDenied(_("You may not add notes."))
    type(route).objects.select_for_update().get(pk=route.pk)
    text, source = text.strip(), source.strip()
    same = Note.objects.filter(
        route=route, question=question, text=text, source=source
    ).first()
    if same is not None:
        return same
    return Note.objects.create(
        partnership=route.partnership,
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
