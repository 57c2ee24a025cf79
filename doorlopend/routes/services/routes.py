"""Writes of a leerroute: creating it (with its parties and step plan), changing, deleting."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from doorlopend.partnerships.models import (
    Membership,
    Organisation,
    OrganisationKind,
    Partnership,
)

from ..models import Consent, Leerroute, Party
from ..parts import route_parts
from .files import files_delete_on_commit

# Everything of a route the form edits; the schools are set apart (a many-to-many).
ROUTE_FIELDS = (
    "name",
    "mbo_location",
    "leerweg",
    "profile",
    "crebo",
    "qualification",
    "mbo_leerweg",
    "start_year",
    "start_date",
    "duration_years",
    "aims",
    "overstapoptie",
    "examination",
    "design",
    "communication",
)


@dataclass
class RouteChange:
    """What saving a route did to its parties, for the message people read afterwards."""

    route: Leerroute
    added: list[Organisation] = field(default_factory=list)
    removed: list[Organisation] = field(default_factory=list)
    # Parties of schools no longer in the route, kept because they hold agreements.
    kept: list[Party] = field(default_factory=list)


def school_year_bounds(start_year: int) -> tuple[datetime.date, datetime.date]:
    """A Dutch school year runs from 1 August to 31 July."""
    return datetime.date(start_year, 8, 1), datetime.date(start_year + 1, 7, 31)


def _schools_check(
    *, partnership: Partnership, vmbo_locations: list, mbo_location
) -> dict[str, str]:
    errors = {}
    if not vmbo_locations:
        errors["vmbo_locations"] = _("Choose at least one vmbo school location.")
    elif any(
        o.partnership_id != partnership.pk or o.kind != OrganisationKind.VO
        for o in vmbo_locations
    ):
        errors["vmbo_locations"] = _(
            "The vmbo locations must be vo schools of this partnership."
        )
    if mbo_location is None:
        errors["mbo_location"] = _("Choose the mbo school.")
    elif (
        mbo_location.partnership_id != partnership.pk
        or mbo_location.kind != OrganisationKind.MBO
    ):
        errors["mbo_location"] = _(
            "The mbo school must be an mbo school of this partnership."
        )
    return errors


def _route_check(route: Leerroute, vmbo_locations: list) -> None:
    """Every rule of a route, each message on its field."""
    errors = _schools_check(
        partnership=route.partnership,
        vmbo_locations=vmbo_locations,
        mbo_location=getattr(route, "mbo_location", None),
    )
    route.name = (route.name or "").strip()
    duplicate = (
        Leerroute.objects.filter(partnership=route.partnership, name__iexact=route.name)
        .exclude(pk=route.pk)
        .exists()
    )
    if duplicate:
        errors["name"] = _("This partnership already has a route with this name.")
    if route.start_year and route.start_date is None:
        route.start_date = school_year_bounds(route.start_year)[0]
    if route.start_year and route.start_date:
        first, last = school_year_bounds(route.start_year)
        if not first <= route.start_date <= last:
            errors["start_date"] = _(
                "The start date must lie in the school year %(year)s, from 1 August "
                "%(first)s to 31 July %(last)s."
            ) % {
                "year": f"{route.start_year}-{route.start_year + 1}",
                "first": route.start_year,
                "last": route.start_year + 1,
            }
    try:
        route.full_clean(exclude=["partnership", "mbo_location", "created_by"])
    except ValidationError as e:
        for name, messages in e.message_dict.items():
            errors.setdefault(name, messages[0])
    if errors:
        raise ValidationError(errors)


def _save(route: Leerroute) -> None:
    try:
        with transaction.atomic():
            route.save()
    except IntegrityError:  # a second submit that raced the first
        raise ValidationError(
            {"name": _("This partnership already has a route with this name.")}
        ) from None


def _schools_of(route: Leerroute, vmbo_locations: Iterable) -> list[Organisation]:
    return [*vmbo_locations, route.mbo_location]


def _has_agreements(party: Party) -> bool:
    """A party whose signatory, tasks or money were filled in, or whose council decided."""
    return bool(
        party.signatory_name
        or party.signatory_role
        or party.responsibilities
        or party.contribution is not None
        or party.financial_notes
        or party.route.consents.filter(organisation=party.organisation_id).exists()
    )


@transaction.atomic
def route_create(
    *, partnership: Partnership, by: Membership | None, **data
) -> Leerroute:
    """A new route with a party for each of its schools and its step plan (seed 002).

    The start date defaults to 1 August of the first school year; a name is unique in
    the partnership, so a form sent twice makes one route. `by` is None only for the
    system (the demo loader); its user is kept as the route's maker.
    """
    vmbo_locations = list(data.pop("vmbo_locations", None) or [])
    route = Leerroute(
        partnership=partnership, created_by=by.user if by else None, **data
    )
    _route_check(route, vmbo_locations)
    _save(route)
    route.vmbo_locations.set(vmbo_locations)
    Party.objects.bulk_create(
        [
            Party(route=route, organisation=school)
            for school in _schools_of(route, vmbo_locations)
        ]
    )
    # The step plan (roadmaps), through the parts later apps register.
    for part in route_parts():
        if part.created:
            part.created(route)
    return route


@transaction.atomic
def route_update(*, route: Leerroute, by: Membership | None, **data) -> RouteChange:
    """Save a changed route and keep its parties in step with its schools.

    A new school becomes a party. A school taken out of the route loses its party only
    when nothing was agreed with it yet (no signatory, tasks, money or council decision);
    otherwise the party stays, and the change says so.

    `by` is None only when the system makes it (the demo loader).
    """
    vmbo_locations = list(data.pop("vmbo_locations", route.vmbo_locations.all()))
    for name, value in data.items():
        if name not in ROUTE_FIELDS:
            raise TypeError(f"route_update() got an unexpected field {name!r}")
        setattr(route, name, value)
    _route_check(route, vmbo_locations)
    _save(route)
    route.vmbo_locations.set(vmbo_locations)
    change = RouteChange(route=route)
    schools = {o.pk: o for o in _schools_of(route, vmbo_locations)}
    parties = list(
        Party.objects.filter(route=route).select_related("organisation", "route")
    )
    have = {p.organisation_id for p in parties}
    for pk, school in schools.items():
        if pk not in have:
            Party.objects.create(route=route, organisation=school)
            change.added.append(school)
    for party in parties:
        organisation = party.organisation
        if organisation.pk in schools or not organisation.is_school:
            continue  # still a school of the route, or a partner such as a municipality
        if _has_agreements(party):
            change.kept.append(party)
        else:
            party.delete()
            change.removed.append(organisation)
    return change


@transaction.atomic
def route_delete(*, route: Leerroute) -> None:
    """Delete a route with its step plan, generated documents and consents, and their files."""
    names = [
        *Consent.objects.filter(route=route)
        .exclude(document="")
        .values_list("document", flat=True),
    ]
    # The step plan's evidence files, the generated documents: parts of later apps.
    for part in route_parts():
        if part.files:
            names.extend(part.files(route))
    # Reflection sessions about the route stay, and keep its name as their label.
    route.reflection_sessions.update(route_label=route.name)
    route.delete()
    files_delete_on_commit(names)
