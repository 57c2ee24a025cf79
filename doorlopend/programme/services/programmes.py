"""Programmes: create, change, delete; from the template; copied to the next school year."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from doorlopend.partnerships.models import Membership, Partnership
from doorlopend.routes.models import Leerroute

from .. import templates
from ..elements import newest_elements_version
from ..models import AssignmentPair, ItemRating, Programme, ProgrammeItem

PAIR_FIELDS = (
    "title",
    "leerweg",
    "eindopdracht",
    "startopdracht",
    "vo_owner_id",
    "vo_contact",
    "mbo_owner_id",
    "mbo_contact",
    "criteria",
    "vo_when",
    "mbo_when",
)
ITEM_FIELDS = (
    "title",
    "description",
    "level",
    "year",
    "period",
    "leerweg",
    "profile",
    "mbo_leerweg",
    "crebo",
    "audience",
    "form",
    "place",
)


def may_manage(*, by: Membership) -> None:
    if not by.has_perm("programme.manage"):
        raise PermissionDenied


def _check_route(partnership: Partnership, leerroute: Leerroute | None) -> None:
    if leerroute is not None and leerroute.partnership_id != partnership.pk:
        raise ValidationError(
            {"leerroute": _("Choose a leerroute of this partnership.")}
        )


def _save(programme: Programme) -> Programme:
    programme.full_clean()
    programme.save()
    return programme


@transaction.atomic
def programme_create(
    *,
    partnership: Partnership,
    by: Membership,
    name: str,
    school_year: int,
    leerroute: Leerroute | None = None,
    description: str = "",
    source: str = "",
) -> Programme:
    """A new, empty programme, rated on the newest version of the 7 elementen."""
    may_manage(by=by)
    _check_route(partnership, leerroute)
    return _save(
        Programme(
            partnership=partnership,
            name=name,
            school_year=school_year,
            leerroute=leerroute,
            description=description,
            source=source,
            elements_version=newest_elements_version(),
            created_by=by.user,
        )
    )


@transaction.atomic
def programme_update(
    *,
    programme: Programme,
    by: Membership,
    name: str,
    school_year: int,
    leerroute: Leerroute | None,
    description: str,
) -> Programme:
    may_manage(by=by)
    _check_route(programme.partnership, leerroute)
    programme.name = name
    programme.school_year = school_year
    programme.leerroute = leerroute
    programme.description = description
    return _save(programme)


@transaction.atomic
def programme_delete(*, programme: Programme, by: Membership) -> None:
    """The programme with its items, ratings and eind- and startopdrachten."""
    may_manage(by=by)
    programme.delete()


@transaction.atomic
def programme_from_template(
    *,
    partnership: Partnership,
    by: Membership,
    school_year: int,
    leerroute: Leerroute | None = None,
    key: str = templates.DEFAULT,
) -> Programme:
    """The example programme (a data file) copied into the partnership's own programme,
    its items in place and linked as in the example, its eind- and startopdracht too.
    The items are not rated: rating them is the werkgroep's own judgement."""
    template = templates.template_load(key)
    programme = programme_create(
        partnership=partnership,
        by=by,
        name=template.name,
        school_year=school_year,
        leerroute=leerroute,
        description=template.description,
        source=template.attribution,
    )
    made: dict[str, ProgrammeItem] = {}
    for entry in template.items:
        made[entry.key] = ProgrammeItem.objects.create(
            programme=programme, **entry.fields
        )
    for entry in template.items:
        if entry.leads_to:
            made[entry.key].leads_to = made[entry.leads_to]
            made[entry.key].save(update_fields=["leads_to"])
    for pair in template.pairs:
        AssignmentPair.objects.create(programme=programme, **pair)
    return programme


@transaction.atomic
def programme_copy_next_year(*, programme: Programme, by: Membership) -> Programme:
    """The same programme for the next school year: items, their organisations, ratings,
    samenhang and eind- and startopdrachten. Links to this year's plan activities stay
    behind: the next year's plan has its own."""
    may_manage(by=by)
    copy = _save(
        Programme(
            partnership=programme.partnership,
            name=programme.name,
            school_year=programme.school_year + 1,
            leerroute=programme.leerroute,
            description=programme.description,
            source=_("Copied from %(programme)s") % {"programme": programme},
            elements_version=programme.elements_version,
            created_by=by.user,
        )
    )
    items = list(
        ProgrammeItem.objects.filter(programme=programme)
        .prefetch_related("organisations", "ratings")
        .order_by("pk")
    )
    new: dict[int, ProgrammeItem] = {}
    for item in items:
        new[item.pk] = ProgrammeItem.objects.create(
            programme=copy, **{f: getattr(item, f) for f in ITEM_FIELDS}
        )
        new[item.pk].organisations.set(item.organisations.all())
    ItemRating.objects.bulk_create(
        ItemRating(item=new[item.pk], element=r.element, score=r.score, why=r.why)
        for item in items
        for r in item.ratings.all()
    )
    for item in items:
        if item.leads_to_id in new:
            new[item.pk].leads_to = new[item.leads_to_id]
            new[item.pk].save(update_fields=["leads_to"])
    for pair in AssignmentPair.objects.filter(programme=programme).order_by("pk"):
        AssignmentPair.objects.create(
            programme=copy, **{f: getattr(pair, f) for f in PAIR_FIELDS}
        )
    return copy
