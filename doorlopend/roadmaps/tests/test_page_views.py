"""The overview, my items, a roadmap and the school matrix: what shows, in bounded queries."""

import datetime

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_scopes import scopes_disabled

from doorlopend.partnerships.tests.factories import SchoolFactory

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


def _set(state, **fields) -> None:
    with scopes_disabled():
        ItemState.objects.filter(pk=state.pk).update(**fields)


def _world(partnership, routes: int, schools: int):
    """A partnership with `schools` schools (each with a portefeuillehouder) and routes."""
    made = [SchoolFactory(partnership=partnership) for _ in range(schools)]
    for school in made:
        factories.membership(partnership, "portefeuillehouder", organisation=school)
    checklist = factories.checklist(partnership)
    coordinator = factories.membership(partnership, "coordinator")
    today = timezone.localdate()
    for n in range(routes):
        plan = factories.step_plan(factories.LeerrouteFactory(partnership=partnership))
        _set(
            factories.state(plan, "plan-van-aanpak"),
            status=Status.IN_PROGRESS,
            owner=coordinator,
            due_date=today + datetime.timedelta(days=n - 2),
        )
    for school in made:
        _set(
            factories.state(checklist, PER_SCHOOL_ITEM, school),
            status=Status.DONE,
            owner=coordinator,
        )
    return checklist, coordinator


def _queries(client, path) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


# Measured: overview 15 (the items the data answers for all routes together: the
# parties and consents, the made documents with the DUO register in one, the draagvlak
# survey, the region analysis; the checklist and step plans from one read of the
# roadmaps, the rows ensured in one), mine 4, roadmap 8, matrix 7 (no transaction when
# every row exists) — the same for 1 route and 1 school as for 5 routes and 6 schools.
@pytest.mark.parametrize(
    ("page", "bound"),
    [("overview", 15), ("mine", 4), ("roadmap_detail", 8), ("matrix", 7)],
)
def test_query_count_does_not_grow_with_routes_and_schools(
    partnership, other_partnership, page, bound, django_assert_max_num_queries
):
    counts = []
    for p, routes, schools in ((partnership, 1, 1), (other_partnership, 5, 6)):
        checklist, coordinator = _world(p, routes, schools)
        args = {
            "overview": [],
            "mine": [],
            "roadmap_detail": [checklist.pk],
            "matrix": [checklist.pk, PER_SCHOOL_BLOCK],
        }[page]
        client = client_of(coordinator)
        client.get(url(page, p, *args))  # the first visit saves the session
        counts.append(_queries(client, url(page, p, *args)))
        with django_assert_max_num_queries(bound):
            client.get(url(page, p, *args))
    assert counts[0] == counts[1]


def test_overview_shows_overdue_due_soon_and_deliverables(partnership, checklist):
    coordinator = factories.membership(partnership, "coordinator")
    today = timezone.localdate()
    late = factories.state(checklist, WIDE_ITEM)
    _set(late, status=Status.IN_PROGRESS, due_date=today - datetime.timedelta(days=3))
    soon = factories.state(checklist, "gezamenlijke-definitie")
    _set(soon, due_date=today + datetime.timedelta(days=10))
    later = factories.state(checklist, "behoeften-en-verwachtingen")
    _set(later, due_date=today + datetime.timedelta(days=60))
    route = factories.LeerrouteFactory(
        partnership=partnership, name="Zorg Rivierenland"
    )
    plan = factories.step_plan(route)
    _set(factories.state(plan, "plan-van-aanpak"), status=Status.DONE)
    response = client_of(coordinator).get(url("overview", partnership))
    assert response.status_code == 200
    overview = response.context["overview"]
    assert [s.pk for s in overview.overdue] == [late.pk]
    assert [s.pk for s in overview.due_soon] == [soon.pk]
    body = response.content.decode()
    assert escape(late.item.title) in body
    assert escape(soon.item.title) in body
    assert escape(later.item.title) not in body.split('id="checklist"')[0]
    assert "Zorg Rivierenland" in body
    deliverables = {d.deliverable.key: d.status for d in overview.plans[0].deliverables}
    assert deliverables["projectplan"] == Status.DONE
    assert deliverables["samenwerkingsovereenkomst"] == Status.NOT_STARTED
    projectplan = plan.definition.deliverable("projectplan")
    assert escape(projectplan.title) in body


def test_overview_counts_and_links_my_items(partnership, checklist):
    werkgroeplid = factories.membership(partnership, "werkgroeplid")
    _set(factories.state(checklist, WIDE_ITEM), owner=werkgroeplid)
    body = client_of(werkgroeplid).get(url("overview", partnership)).content.decode()
    assert url("mine", partnership) in body
    summary = ngettext(
        "%(counter)s open item is assigned to you",
        "%(counter)s open items are assigned to you",
        1,
    )
    assert escape(summary % {"counter": 1}) in body


def test_mine_lists_only_my_items_overdue_first(partnership, checklist):
    me = factories.membership(partnership, "werkgroeplid")
    colleague = factories.membership(partnership, "werkgroeplid")
    today = timezone.localdate()
    later = factories.state(checklist, "gezamenlijke-definitie")
    _set(later, owner=me, due_date=today + datetime.timedelta(days=5))
    late = factories.state(checklist, WIDE_ITEM)
    _set(late, owner=me, due_date=today - datetime.timedelta(days=1))
    theirs = factories.state(checklist, "behoeften-en-verwachtingen")
    _set(theirs, owner=colleague)
    response = client_of(me).get(url("mine", partnership))
    assert [s.pk for s in response.context["states"]] == [late.pk, later.pk]
    body = response.content.decode()
    assert escape(theirs.item.title) not in body
    assert _("overdue") in body


def test_mine_empty_state(partnership, client_for):
    body = client_for("docent").get(url("mine", partnership)).content.decode()
    assert (
        escape(_("No items are assigned to you. An item gets an owner on its page."))
        in body
    )


def test_matrix_has_one_row_per_school_with_its_portefeuillehouder(
    partnership, checklist, schools
):
    lead = factories.membership(
        partnership, "portefeuillehouder", organisation=schools[0]
    )
    coordinator = factories.membership(partnership, "coordinator")
    response = client_of(coordinator).get(
        url("matrix", partnership, checklist.pk, PER_SCHOOL_BLOCK)
    )
    assert response.status_code == 200
    rows = response.context["schools"]
    assert [r.school.name for r in rows] == ["Het Lingecollege", "Pantarijn"]
    assert rows[0].leads == [lead]
    assert rows[1].leads == []
    block = checklist.definition.block(PER_SCHOOL_BLOCK)
    assert all(len(r.cells) == len(block.items) for r in rows)
    body = response.content.decode()
    assert escape(str(lead.user)) in body
    assert _("no portefeuillehouder yet") in body
    own = factories.state(checklist, PER_SCHOOL_ITEM, schools[0])
    assert url("state_edit", partnership, own.pk) in body


def test_matrix_of_a_block_that_is_not_per_school_is_404(
    partnership, checklist, client_for
):
    block = next(b for b in checklist.definition.blocks if not b.per_school)
    response = client_for("coordinator").get(
        url("matrix", partnership, checklist.pk, block.key)
    )
    assert response.status_code == 404


def test_roadmap_detail_lists_blocks_items_and_links_the_matrix(
    partnership, checklist, client_for
):
    body = (
        client_for("stuurgroep")
        .get(url("roadmap_detail", partnership, checklist.pk))
        .content.decode()
    )
    for block in checklist.definition.blocks:
        assert escape(block.title) in body
    assert url("matrix", partnership, checklist.pk, PER_SCHOOL_BLOCK) in body
    wide = factories.state(checklist, WIDE_ITEM)
    assert url("state_edit", partnership, wide.pk) in body


def test_roadmap_detail_gives_a_school_added_later_its_rows(
    partnership, checklist, client_for
):
    late = SchoolFactory(partnership=partnership, name="Nieuwe school")
    client_for("coordinator").get(url("roadmap_detail", partnership, checklist.pk))
    with scopes_disabled():
        assert ItemState.objects.filter(roadmap=checklist, organisation=late).exists()


def test_overview_lists_the_ten_most_overdue_and_counts_the_rest(
    partnership, checklist
):
    coordinator = factories.membership(partnership, "coordinator")
    today = timezone.localdate()
    with scopes_disabled():
        states = list(ItemState.objects.filter(roadmap=checklist).order_by("pk")[:12])
        for n, state in enumerate(states):
            ItemState.objects.filter(pk=state.pk).update(
                due_date=today - datetime.timedelta(days=20 - n)
            )
    response = client_of(coordinator).get(url("overview", partnership))
    overview = response.context["overview"]
    assert [s.pk for s in overview.overdue] == [s.pk for s in states[:10]]
    assert (
        ngettext(
            "%(counter)s item is overdue; the %(shown)s most overdue are shown.",
            "%(counter)s items are overdue; the %(shown)s most overdue are shown.",
            12,
        )
        % {"counter": 12, "shown": 10}
        in response.content.decode()
    )
