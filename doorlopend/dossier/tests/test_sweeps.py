"""Two sweeps over every staff URL of the dossier under school/<school_id>/ (walked, not
listed: a new URL joins the day it is added): each writes the access log about the pupil,
and each refuses the other schools and the roles without pupil access."""

import pytest
from django.urls import URLPattern
from django_scopes import scopes_disabled

from doorlopend.core.urlwalk import all_routes
from doorlopend.dossier import urls as dossier_urls
from doorlopend.dossier import urls_handover
from doorlopend.dossier.models import Dossier

from .helpers import filled, last_entry_pk, new_entries, world  # noqa: F401

pytestmark = pytest.mark.django_db

POST_DATA = {
    "part_b_save": {"advice": "Niveau 3", "attendance_results": "Goed"},
    "part_c_save": {"support_needed": "on", "care": "Extra tijd"},
    "kept_elsewhere": {"on": "2026-03-01"},
    "pupil_link": {"action": "create"},
}


def _names() -> list[str]:
    """The sending school's URLs (the handover's have their own sweep:
    test_handover_sweeps.py)."""
    handover = {p.name for p in urls_handover.urlpatterns}
    return [
        p.name
        for p in dossier_urls.urlpatterns
        if isinstance(p, URLPattern)
        and "school_id" in str(p.pattern)
        and p.name not in handover
    ]


def _url(w, name: str, school=None) -> str:
    route = next(r for r in all_routes() if r.name == f"dossier:{name}")
    return route.fill(
        {
            "partnership_slug": w.partnership.slug,
            "school_id": (school or w.vo_a).pk,
            "transition_id": w.fatima_transition.pk,
        }
    )


def _send(client, name: str, url: str):
    response = client.get(url)
    if response.status_code == 405:
        response = client.post(url, POST_DATA[name])
    return response


def test_the_sweep_sees_every_dossier_url():
    assert {"dossier_list", "dossier_detail", "part_b_save", "pupil_link"} <= set(
        _names()
    )
    assert set(_names()) - {"dossier_list", "dossier_detail", "dossier_pdf"} <= set(
        POST_DATA
    )


@pytest.mark.parametrize("name", _names())
def test_every_dossier_url_writes_the_access_log(world, filled, name):  # noqa: F811
    with scopes_disabled():
        before = last_entry_pk()
    response = _send(world.client(world.decaan_a), name, _url(world, name))
    assert response.status_code in (200, 302), f"{name} → {response.status_code}"
    with scopes_disabled():
        logged = [
            e
            for e in new_entries(before)
            if e.organisation_id == world.vo_a.pk
            and e.object_type == "transitions.pupil"
            and world.fatima.pk in e.object_ids
        ]
    assert logged, f"{name} wrote no access-log entry about the pupil"


@pytest.mark.parametrize("name", _names())
def test_every_dossier_url_refuses_other_schools_and_roles(
    world,  # noqa: F811
    filled,  # noqa: F811
    member_of,
    name,
):
    url = _url(world, name)
    # The receiving mbo school's decaan is no sending school: A's URL is not theirs.
    assert _send(world.client(world.decaan_mbo), name, url).status_code == 404
    decaan_b = member_of(world.partnership, "decaan", organisation=world.vo_b)
    if name != "dossier_list":  # B's own list exists; A's pupil is not on it
        own = _url(world, name, school=world.vo_b)
        assert _send(world.client(decaan_b), name, own).status_code == 404
    for role in ("stuurgroep", "werkgroeplid", "coordinator", "privacy_officer"):
        user = member_of(world.partnership, role, organisation=world.vo_a)
        assert _send(world.client(user), name, url).status_code in (403, 404), role
    with scopes_disabled():
        dossier = Dossier.objects.get(pk=filled.pk)
    assert dossier.advice == "Niveau 3 past goed" and not dossier.support_needed
