"""The stuurgroep approves a route's projectplan (a made version) and the plan van
aanpak; the pages that show them say when it was vastgesteld and when it changed."""

import pytest
from django.test import Client
from django.urls import reverse
from django_scopes import scopes_disabled

from doorlopend.approvals.models import ApprovalRequest, ApprovalStatus
from doorlopend.planning.tests.factories import GoalFactory

from ..models import Kind
from ..services import content_hash
from .factories import made, make_route


@pytest.fixture
def route(partnership):
    return make_route(partnership)


@pytest.fixture
def stuurgroep(partnership, member_of):
    users = [member_of(partnership, "stuurgroep") for _ in range(2)]
    clients = []
    for user in users:
        client = Client()
        client.force_login(user)
        clients.append(client)
    return clients


def _version(route, text):
    return made(
        route, Kind.PROJECTPLAN, content_text=text, content_hash=content_hash(text)
    )


def _submit(client, partnership, kind, target_id):
    url = reverse(
        "approvals:submit",
        kwargs={
            "partnership_slug": partnership.slug,
            "kind": kind,
            "target_id": target_id,
        },
    )
    return client.post(url)


def _approve_all(stuurgroep, approval):
    for client in stuurgroep:
        client.post(
            reverse(
                "approvals:decide",
                kwargs={
                    "partnership_slug": approval.partnership.slug,
                    "approval_id": approval.pk,
                },
            ),
            {"decision": "approve"},
        )


def _documents_page(client, route):
    return client.get(
        reverse(
            "documents:route_documents",
            kwargs={"partnership_slug": route.partnership.slug, "route_id": route.pk},
        )
    ).content.decode()


def test_projectplan_approved_then_a_new_version_needs_approval(
    partnership, route, client_for, stuurgroep
):
    coordinator = client_for("coordinator")
    first = _version(route, "Projectplan versie 1")
    assert "Leg voor aan de stuurgroep" in _documents_page(coordinator, route)
    _submit(coordinator, partnership, "projectplan", route.pk)
    with scopes_disabled():
        approval = ApprovalRequest.objects.get()
    assert approval.version_id == first.pk
    assert approval.content_hash == first.content_hash
    _approve_all(stuurgroep, approval)
    approval.refresh_from_db()
    assert approval.status == ApprovalStatus.APPROVED
    assert "Vastgesteld door de stuurgroep op" in _documents_page(coordinator, route)

    # The same content made again is still the approved version.
    _version(route, "Projectplan versie 1")
    html = _documents_page(coordinator, route)
    assert "Vastgesteld door de stuurgroep op" in html
    assert "wijkt af" not in html
    # Other content: a new version, which the page says needs approval again.
    _version(route, "Projectplan versie 2")
    html = _documents_page(coordinator, route)
    assert "De huidige versie wijkt af van de versie die de stuurgroep" in html
    assert "Leg voor aan de stuurgroep" in html


def test_plan_van_aanpak_changes_after_approval(partnership, client_for, stuurgroep):
    coordinator = client_for("coordinator")
    _submit(coordinator, partnership, "plan", 0)
    with scopes_disabled():
        approval = ApprovalRequest.objects.get()
    _approve_all(stuurgroep, approval)
    plan_url = reverse("planning:plan", kwargs={"partnership_slug": partnership.slug})
    assert (
        "Vastgesteld door de stuurgroep op"
        in coordinator.get(plan_url).content.decode()
    )
    GoalFactory(partnership=partnership, title="Elke leerling een mbo-open dag")
    html = coordinator.get(plan_url).content.decode()
    assert "wijkt af van de versie die de stuurgroep" in html
    _submit(coordinator, partnership, "plan", 0)
    with scopes_disabled():
        newest = ApprovalRequest.objects.first()
    assert newest.pk != approval.pk
    assert "Elke leerling een mbo-open dag" in newest.content_text


def test_another_partnerships_route_is_404(
    partnership, other_partnership, client_for, member_of
):
    theirs = make_route(other_partnership, name="Zorg Zeeland")
    _version(theirs, "Hun projectplan")
    member_of(partnership, "stuurgroep")
    response = _submit(client_for("coordinator"), partnership, "projectplan", theirs.pk)
    assert response.status_code == 404


def test_the_checklist_and_step_plan_show_what_waits(
    partnership, route, client_for, stuurgroep
):
    from doorlopend.roadmaps.models import Roadmap

    coordinator = client_for("coordinator")
    _version(route, "Projectplan versie 1")
    _submit(coordinator, partnership, "projectplan", route.pk)
    with scopes_disabled():
        step_plan = Roadmap.objects.filter(route=route).first()
    assert step_plan is not None
    page = coordinator.get(
        reverse(
            "roadmaps:roadmap_detail",
            kwargs={"partnership_slug": partnership.slug, "roadmap_id": step_plan.pk},
        )
    ).content.decode()
    assert "Wacht op vaststelling door de stuurgroep" in page
    assert "Projectplan Techniek Rivierenland" in page


def test_progress_is_no_change_of_the_approved_plan(
    partnership, client_for, stuurgroep
):
    from doorlopend.planning.approval import plan_text
    from doorlopend.planning.tests.factories import MeasurementFactory

    goal = GoalFactory(partnership=partnership, title="Meeloopdagen")
    with scopes_disabled():
        before = plan_text(partnership)
        MeasurementFactory(goal=goal)
        assert plan_text(partnership) == before
        goal.target += 10
        goal.save()
        assert plan_text(partnership) != before
