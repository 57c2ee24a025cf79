"""Publish as a practice in one step: a programme item, a plan activity or a reflection
action point becomes a draft practice carrying its text and elements, linked to it.

Asking twice for the same source returns the draft made the first time (a double
click, or a second member a minute later), so one source has at most one draft.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from doorlopend.partnerships.models import Membership
from doorlopend.planning.models import Activity
from doorlopend.programme.elements import newest_elements_version
from doorlopend.programme.models import ItemRating, ProgrammeItem, Score
from doorlopend.reflection.models import ActionPoint

from .. import search
from ..models import Practice, PracticeStatus
from .practices import ordered_elements


def _start(*, by: Membership, partnership_id: int, source: dict) -> Practice | None:
    if by.partnership_id != partnership_id or not by.has_perm("knowledge.write"):
        raise PermissionDenied
    return Practice.objects.filter(
        partnership=partnership_id, status=PracticeStatus.DRAFT, **source
    ).first()


def _finish(practice: Practice, elements) -> Practice:
    practice.elements = ordered_elements(practice, elements)
    practice.full_clean(exclude=["partnership", "elements_version", "created_by"])
    practice.save()
    search.index(practice)
    return practice


@transaction.atomic
def practice_from_item(*, item: ProgrammeItem, by: Membership) -> Practice:
    """Title, what happens, for whom (school type, year, leerweg) and the elements the
    item serves (rated somewhat or clearly)."""
    programme = item.programme
    existing = _start(
        by=by, partnership_id=programme.partnership_id, source={"source_item": item}
    )
    if existing is not None:
        return existing
    practice = Practice(
        partnership_id=programme.partnership_id,
        created_by=by.user,
        elements_version=newest_elements_version(),
        source_item=item,
        title=item.title,
        description=item.description,
        level=item.level,
        year=item.year,
        leerweg=item.leerweg,
    )
    served = ItemRating.objects.filter(item=item, score__gte=Score.ENIGSZINS)
    return _finish(practice, served.values_list("element", flat=True))


@transaction.atomic
def practice_from_activity(*, activity: Activity, by: Membership) -> Practice:
    """Title, what happens (type, place, materials), what it achieved (its evaluation),
    its costs and its elements."""
    existing = _start(
        by=by,
        partnership_id=activity.partnership_id,
        source={"source_activity": activity},
    )
    if existing is not None:
        return existing
    what = activity.get_kind_display().capitalize()
    if activity.place:
        what = _("%(kind)s in %(place)s.") % {"kind": what, "place": activity.place}
    else:
        what += "."
    practice = Practice(
        partnership_id=activity.partnership_id,
        created_by=by.user,
        elements_version=newest_elements_version(),
        source_activity=activity,
        title=activity.title,
        description="\n\n".join(p for p in (what, activity.materials.strip()) if p),
        results=activity.evaluation,
        costs_amount=activity.costs or None,
    )
    return _finish(practice, activity.elements)


@transaction.atomic
def practice_from_action(*, action: ActionPoint, by: Membership) -> Practice:
    """The action point's text; its theme as the element when the theme is one of the
    7 elementen (the action points of a school's LOB-scan)."""
    existing = _start(
        by=by, partnership_id=action.partnership_id, source={"source_action": action}
    )
    if existing is not None:
        return existing
    practice = Practice(
        partnership_id=action.partnership_id,
        created_by=by.user,
        elements_version=newest_elements_version(),
        source_action=action,
        title=action.title[:200],
        description=action.title,
    )
    if action.session_id:
        practice.description += "\n\n" + _(
            "Agreed in the reflection session “%(title)s”."
        ) % {"title": action.session.title}
    return _finish(practice, [action.theme_key] if action.theme_key else [])
