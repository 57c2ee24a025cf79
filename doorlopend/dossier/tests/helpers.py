"""The dossier tests' world: the monitor's small region (transitions/tests/pupil_setup)
with a dossier for Fatima (leaving vo A for the mbo school) and her personal link."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django_scopes import scopes_disabled

from doorlopend.dossier.models import Dossier
from doorlopend.dossier.services import links, parts
from doorlopend.partnerships.models import Membership
from doorlopend.transitions.tests.pupil_setup import (  # noqa: F401
    FATIMA,
    last_entry_pk,
    new_entries,
    world,
)


def dossier_of(w) -> Dossier:
    with scopes_disabled():
        return parts.dossier_get_or_create(transition=w.fatima_transition)


def fresh(dossier: Dossier) -> Dossier:
    with scopes_disabled():
        return Dossier.objects.select_related("transition__pupil").get(pk=dossier.pk)


def member(w, user) -> Membership:
    with scopes_disabled():
        return Membership.objects.get(user=user, partnership=w.partnership)


def pupil_token(w) -> str:
    dossier = dossier_of(w)
    with scopes_disabled():
        _link, token = links.link_create(dossier=dossier, by=member(w, w.decaan_a))
    return token


def staff_url(w, name: str, *args, school=None) -> str:
    school = school or w.vo_a
    return reverse(f"dossier:{name}", args=[w.partnership.slug, school.pk, *args])


def pupil_url(name: str, token: str) -> str:
    return reverse(f"dossier_pupil:{name}", args=[token])


@pytest.fixture
def filled(world):  # noqa: F811
    """Fatima's dossier with part A and B written (version 1 each)."""
    dossier = dossier_of(world)
    with scopes_disabled():
        parts.part_a_field_save(dossier=dossier, field="choice", text="Open dagen")
        parts.part_b_save(
            dossier=dossier,
            advice="Niveau 3 past goed",
            attendance_results="Altijd aanwezig",
            by=member(world, world.mentor_a),
        )
    return dossier
