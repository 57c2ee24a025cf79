"""The step plan's items that a route's files answer: the plan van aanpak once its
projectplan was generated, the DUO melding once complete and made."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils.html import escape
from django_scopes import scopes_disabled

from doorlopend.roadmaps.models import ItemState, Roadmap, Status

from .factories import made, make_route, member

pytestmark = pytest.mark.django_db


def _client(partnership) -> Client:
    client = Client()
    client.force_login(member(partnership, "coordinator", "Cor Dinator").user)
    return client


def _plan(route) -> tuple[Roadmap, dict[str, ItemState]]:
    with scopes_disabled():
        plan = Roadmap.objects.get(route=route)
        return plan, {s.item_key: s for s in ItemState.objects.filter(roadmap=plan)}


def _row(client, partnership, plan, state) -> str:
    path = reverse("roadmaps:roadmap_detail", args=[partnership.slug, plan.pk])
    html = client.get(path).content.decode()
    row = html[html.index(f"/items/{state.pk}/") :]
    return row[: row.index("</tr>")]


def test_projectplan_step_done_once_generated(partnership):
    route = make_route(partnership)
    plan, states = _plan(route)
    client = _client(partnership)
    before = _row(client, partnership, plan, states["plan-van-aanpak"])
    assert (
        'tone-neutral"><span class="status-sign" aria-hidden="true">○</span> niet gestart<'
        in before
    )
    assert "afgeleid uit" not in before  # not generated: the manual status stands
    made(route, "projectplan")
    row = _row(client, partnership, plan, states["plan-van-aanpak"])
    assert (
        'tone-ok"><span class="status-sign" aria-hidden="true">✓</span> gereed<' in row
    )
    assert "Het projectplan is gemaakt op" in row
    documents = reverse("documents:route_documents", args=[partnership.slug, route.pk])
    assert documents in row
    overview = client.get(reverse("roadmaps:overview", args=[partnership.slug]))
    html = overview.content.decode()
    deliverable = html[html.index(">Projectplan</a>") :][:300]
    assert (
        'tone-ok"><span class="status-sign" aria-hidden="true">✓</span> gereed<'
        in deliverable
    )
    assert "afgeleid uit de gegevens" in deliverable


def test_a_failed_projectplan_does_not_count(partnership):
    route = make_route(partnership)
    plan, states = _plan(route)
    made(route, "projectplan", status="failed")
    row = _row(_client(partnership), partnership, plan, states["plan-van-aanpak"])
    assert (
        'tone-neutral"><span class="status-sign" aria-hidden="true">○</span> niet gestart<'
        in row
    )


def test_duo_step_follows_a_complete_melding(partnership):
    route = make_route(partnership)
    plan, states = _plan(route)
    client = _client(partnership)
    row = _row(client, partnership, plan, states["melden-duo"])
    assert (
        'tone-progress"><span class="status-sign" aria-hidden="true">◐</span> bezig<'
        in row
    )
    assert "De gegevens zijn compleet; de melding is nog niet gemaakt." in row
    assert reverse("routes:duo_melding", args=[partnership.slug, route.pk]) in row
    made(route, "duo_melding")
    row = _row(client, partnership, plan, states["melden-duo"])
    assert (
        'tone-ok"><span class="status-sign" aria-hidden="true">✓</span> gereed<' in row
    )


def test_duo_step_with_missing_data_disagrees_with_a_manual_done(partnership):
    route = make_route(partnership)
    plan, states = _plan(route)
    with scopes_disabled():
        vmbo = route.vmbo_locations.get()
        vmbo.register_entry = None
        vmbo.save()
        ItemState.objects.filter(pk=states["melden-duo"].pk).update(status=Status.DONE)
    row = _row(_client(partnership), partnership, plan, states["melden-duo"])
    assert (
        'tone-neutral"><span class="status-sign" aria-hidden="true">○</span> niet gestart<'
        in row
    )
    assert (
        escape(
            "handmatig: gereed — de gegevens zeggen: Er ontbreekt 1 gegeven voor een "
            "complete melding."
        )
        in row
    )
