"""Items the data answers: the checklist and the step plans no longer contradict it.

A school's portefeuillehouder comes from the roles, a route's councils from the
consents; each shown as derived, with a link to its source; a manual status the data
contradicts is shown beside it, never hidden."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils.html import escape
from django_scopes import scopes_disabled

from doorlopend.instruments.models import InstrumentVersion
from doorlopend.routes.models import Consent, Party

from ..derived import answered_items
from ..models import ItemState, Status
from . import factories
from .conftest import PER_SCHOOL_BLOCK, PER_SCHOOL_ITEM, WIDE_ITEM

pytestmark = pytest.mark.django_db


def url(name: str, partnership, *args) -> str:
    return reverse(f"roadmaps:{name}", args=[partnership.slug, *args])


def client_of(membership) -> Client:
    client = Client()
    client.force_login(membership.user)
    return client


def _set(state: ItemState, **fields) -> None:
    with scopes_disabled():
        ItemState.objects.filter(pk=state.pk).update(**fields)


def page(client, path) -> str:
    response = client.get(path)
    assert response.status_code == 200
    return response.content.decode()


def test_every_answered_item_exists_in_its_roadmap(db):
    """An answerer for a key no data file has would never be asked."""
    with scopes_disabled():
        for instrument, item in answered_items():
            version = (
                InstrumentVersion.objects.filter(key=instrument)
                .order_by("-version")
                .first()
            )
            assert version is not None, instrument
            assert version.definition.item(item) is not None, (instrument, item)


def test_portefeuillehouder_per_school_follows_the_roles(
    partnership, schools, checklist
):
    linge, pantarijn = schools
    factories.membership(
        partnership, "portefeuillehouder", organisation=linge, user__name="Ria Smit"
    )
    coordinator = factories.membership(partnership)
    html = page(
        client_of(coordinator),
        url("matrix", partnership, checklist.pk, PER_SCHOOL_BLOCK),
    )
    assert "Portefeuillehouder: Ria Smit." in html
    assert "nog geen portefeuillehouder voor Pantarijn" in html
    # Derived, with a link to where it comes from.
    state = factories.state(checklist, PER_SCHOOL_ITEM, linge)
    html = page(client_of(coordinator), url("state_edit", partnership, state.pk))
    assert "afgeleid uit" in html
    assert reverse("partnerships:member_list", args=[partnership.slug]) in html
    assert (
        'tone-ok"><span class="status-sign" aria-hidden="true">✓</span> gereed<' in html
    )


def test_a_manual_done_that_the_roles_contradict_is_shown(
    partnership, schools, checklist
):
    _linge, pantarijn = schools
    state = factories.state(checklist, PER_SCHOOL_ITEM, pantarijn)
    _set(state, status=Status.DONE)
    coordinator = factories.membership(partnership)
    html = page(client_of(coordinator), url("state_edit", partnership, state.pk))
    assert (
        'tone-neutral"><span class="status-sign" aria-hidden="true">○</span> niet gestart<'
        in html
    )
    assert (
        escape(
            "handmatig: gereed — de gegevens zeggen: nog geen portefeuillehouder voor "
            "Pantarijn"
        )
        in html
    )
    matrix = page(
        client_of(coordinator),
        url("matrix", partnership, checklist.pk, PER_SCHOOL_BLOCK),
    )
    assert "roadmap-disagrees" in matrix
    html = page(
        client_of(coordinator), url("roadmap_detail", partnership, checklist.pk)
    )
    assert "In 1 rij spreekt de handmatige status de gegevens tegen" in html


def test_an_item_no_data_answers_keeps_its_manual_status(partnership, checklist):
    state = factories.state(checklist, WIDE_ITEM)
    _set(state, status=Status.DONE)
    coordinator = factories.membership(partnership)
    html = page(
        client_of(coordinator), url("roadmap_detail", partnership, checklist.pk)
    )
    row = html[html.index(f"/items/{state.pk}/") :]
    row = row[: row.index("</tr>")]
    assert (
        'tone-ok"><span class="status-sign" aria-hidden="true">✓</span> gereed<' in row
    )
    assert "afgeleid uit" not in row


def _route_with_school_party(partnership):
    route = factories.LeerrouteFactory(partnership=partnership)
    school = factories.SchoolFactory(partnership=partnership, name="Vmbo De Linge")
    with scopes_disabled():
        Party.objects.create(route=route, organisation=school)
    return route, school, factories.step_plan(route)


def test_mr_step_is_done_once_every_school_party_consented(partnership):
    route, school, plan = _route_with_school_party(partnership)
    coordinator = factories.membership(partnership)
    state = factories.state(plan, "medezeggenschap")
    before = page(client_of(coordinator), url("roadmap_detail", partnership, plan.pk))
    row = before[before.index(f"/items/{state.pk}/") :]
    row = row[: row.index("</tr>")]
    assert (
        'tone-neutral"><span class="status-sign" aria-hidden="true">○</span> niet gestart<'
        in row
    )
    assert "Instemming van 0 van 1 scholen." in row
    with scopes_disabled():
        Consent.objects.create(
            route=route,
            organisation=school,
            body=Consent.Body.MR,
            date=datetime.date(2026, 11, 3),
            outcome=Consent.Outcome.CONSENT,
        )
    html = page(client_of(coordinator), url("roadmap_detail", partnership, plan.pk))
    row = html[html.index(f"/items/{state.pk}/") :]
    row = row[: row.index("</tr>")]
    assert (
        'tone-ok"><span class="status-sign" aria-hidden="true">✓</span> gereed<' in row
    )
    assert "Instemming van 1 van 1 scholen." in row
    route_page = reverse("routes:route_detail", args=[partnership.slug, route.pk])
    assert f"{route_page}#consents" in row
    # The overview's step plan counts it too.
    with scopes_disabled():
        from ..selectors.overview import step_plans

        (plan_row,) = step_plans(partnership=partnership)
    assert plan_row.done == 1


def test_mr_step_in_progress_while_a_school_has_not_agreed(partnership):
    route, school, plan = _route_with_school_party(partnership)
    with scopes_disabled():
        Consent.objects.create(
            route=route,
            organisation=school,
            body=Consent.Body.MR,
            date=datetime.date(2026, 11, 3),
            outcome=Consent.Outcome.POSTPONED,
        )
    state = factories.state(plan, "medezeggenschap")
    coordinator = factories.membership(partnership)
    html = page(client_of(coordinator), url("state_edit", partnership, state.pk))
    assert (
        'tone-progress"><span class="status-sign" aria-hidden="true">◐</span> bezig<'
        in html
    )
    assert "Instemming van 0 van 1 scholen." in html
