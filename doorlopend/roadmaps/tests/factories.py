"""Factories for roadmap tests: a route, roadmaps made by the real setup services, states."""

from __future__ import annotations

import datetime

import factory
from django_scopes import scopes_disabled

from doorlopend.partnerships.models import Membership, Organisation, Partnership
from doorlopend.partnerships.tests.factories import (
    MembershipFactory,
    OrganisationFactory,
    PartnershipFactory,
    RoleAssignmentFactory,
    SchoolFactory,
    ScopesDisabledFactory,
)
from doorlopend.routes.models import Leerroute

from ..models import ItemState, Roadmap
from ..services import setup


class LeerrouteFactory(ScopesDisabledFactory):
    class Meta:
        model = Leerroute

    partnership = factory.SubFactory(PartnershipFactory)
    name = factory.Sequence(lambda n: f"Techniek route {n}")
    mbo_location = factory.LazyAttribute(
        lambda o: OrganisationFactory(partnership=o.partnership, kind="mbo")
    )
    leerweg = "bb"
    profile = "pie"
    crebo = "25180"
    qualification = "Eerste monteur elektrotechnische installaties"
    mbo_leerweg = "bol"
    start_year = 2027
    start_date = datetime.date(2027, 8, 1)


def checklist(partnership: Partnership) -> Roadmap:
    with scopes_disabled():
        return setup.checklist_for(partnership=partnership)


def step_plan(route: Leerroute) -> Roadmap:
    with scopes_disabled():
        return setup.step_plan_for(route=route)


def state(roadmap: Roadmap, item_key: str, organisation: Organisation | None = None):
    """The row of `item_key` (and school), as the setup services made it."""
    with scopes_disabled():
        return ItemState.objects.select_related("roadmap__version").get(
            roadmap=roadmap, item_key=item_key, organisation=organisation
        )


def membership(partnership: Partnership, role: str = "coordinator", **kwargs):
    """A member holding `role` (with `organisation` for a school role)."""
    organisation = kwargs.pop("organisation", None)
    member = MembershipFactory(partnership=partnership, **kwargs)
    RoleAssignmentFactory(membership=member, role=role, organisation=organisation)
    with scopes_disabled():
        return Membership.objects.prefetch_related("roles").get(pk=member.pk)


def membership_of(user, partnership: Partnership) -> Membership:
    with scopes_disabled():
        return Membership.objects.prefetch_related("roles").get(
            user=user, partnership=partnership
        )


__all__ = [
    "LeerrouteFactory",
    "SchoolFactory",
    "checklist",
    "membership",
    "membership_of",
    "state",
    "step_plan",
]
