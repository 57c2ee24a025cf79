"""The handover tests' world: Fatima (leaving vo A) registered at the mbo school M with
a dossier whose parts A and B she approved; an intake member of M, the decaan of a second
mbo school N, and the privacy officer of M."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import pytest
from django.test import Client
from django.urls import reverse
from django_scopes import scopes_disabled

from doorlopend.dossier.models import Dossier
from doorlopend.dossier.services import parts
from doorlopend.partnerships.models import Membership
from doorlopend.partnerships.tests.factories import SchoolFactory
from doorlopend.transitions.models import Transition
from doorlopend.transitions.tests.factories import StatusEventFactory

from .helpers import dossier_of, fresh, world  # noqa: F401


@dataclass
class Handed:
    world: object
    dossier: Dossier
    intake: object
    mbo_n: object
    decaan_n: object
    privacy_mbo: object

    def client(self, user) -> Client:
        client = Client()
        client.force_login(user)
        return client

    def url(self, name: str, *args, school=None) -> str:
        school = school or self.world.mbo
        return reverse(
            f"dossier:{name}", args=[self.world.partnership.slug, school.pk, *args]
        )

    @property
    def detail(self) -> str:
        return self.url("incoming_detail", self.world.fatima_transition.pk)

    def membership(self, user) -> Membership:
        with scopes_disabled():
            return Membership.objects.get(user=user, partnership=self.world.partnership)


def approve(dossier: Dossier, part: str, by: str = "pupil") -> None:
    with scopes_disabled():
        parts.approval_record(
            dossier=dossier,
            part=part,
            version=fresh(dossier).version_of(part),
            decision="approved",
            who=by,
        )


def register(transition: Transition, status: str = "aangemeld") -> None:
    """The monitor has the pupil's registration (status) at the receiving school."""
    with scopes_disabled():
        StatusEventFactory(
            transition=transition, status=status, on=datetime.date(2026, 3, 10)
        )
        Transition.objects.filter(pk=transition.pk).update(
            status=status, status_on=datetime.date(2026, 3, 10)
        )


@pytest.fixture
def handed(world, member_of):  # noqa: F811
    dossier = dossier_of(world)
    with scopes_disabled():
        for field in ("school_career", "placements", "choice", "eindopdracht"):
            parts.part_a_field_save(dossier=dossier, field=field, text=f"A {field}")
        parts.part_a_field_save(dossier=dossier, field="learning", text="Doen")
        parts.part_a_field_save(
            dossier=dossier, field="support_wishes", text="Rustige plek"
        )
        parts.part_b_save(
            dossier=dossier,
            advice="Niveau 3 past goed",
            attendance_results="Altijd aanwezig",
            by=None,
        )
        mbo_n = SchoolFactory(
            partnership=world.partnership, kind="mbo", name="Techniek College Noord"
        )
    approve(dossier, "a")
    approve(dossier, "b")
    register(world.fatima_transition)
    return Handed(
        world=world,
        dossier=fresh(dossier),
        intake=member_of(world.partnership, "intake", organisation=world.mbo),
        mbo_n=mbo_n,
        decaan_n=member_of(world.partnership, "decaan", organisation=mbo_n),
        privacy_mbo=member_of(
            world.partnership, "privacy_officer", organisation=world.mbo
        ),
    )
