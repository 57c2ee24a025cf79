"""The inbox: untriaged action points, their conversion, and the links both ways."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled

from doorlopend.partnerships.models import Membership
from doorlopend.partnerships.selectors import membership_of
from doorlopend.reflection.tests.factories import ActionPointFactory, SessionFactory

from ..models import Activity, Goal, GoalRevision, Task, Triage
from ..services import inbox as services

pytestmark = pytest.mark.django_db


def inbox_url(p):
    return reverse("planning:inbox", args=[p.slug])


def triage_url(p, point):
    return reverse("planning:triage", args=[p.slug, point.pk])


def make_goal(partnership, **kw):
    fields = {
        "title": "Meer leerlingen kiezen bewust",
        "specific": "Leerlingen kiezen een vervolgopleiding na een meeloopdag.",
        "indicator": "aandeel leerlingen met een meeloopdag",
        "unit": "%",
        "baseline": Decimal("40"),
        "target": Decimal("70"),
        "deadline": datetime.date(2027, 7, 1),
        "theme_key": "visie",
    } | kw
    with scopes_disabled():
        return Goal.objects.create(partnership=partnership, **fields)


@pytest.fixture
def session(partnership):
    return SessionFactory(partnership=partnership, title="Reflectie voorjaar")


@pytest.fixture
def point(session):
    return ActionPointFactory(
        session=session,
        title="Gastlessen bedrijfsleven inplannen",
        due_date=datetime.date(2026, 11, 1),
    )


def test_inbox_lists_only_untriaged_points_of_this_partnership(
    partnership, other_partnership, session, point, client_for, member_of
):
    handled = ActionPointFactory(session=session, title="Al afgehandeld punt")
    with scopes_disabled():
        Triage.objects.create(
            partnership=partnership,
            action_point=handled,
            outcome=Triage.Outcome.DECLINED,
            reason="Past niet in dit jaar",
        )
    ActionPointFactory(
        session=SessionFactory(partnership=other_partnership), title="Punt van elders"
    )
    response = client_for("coordinator").get(inbox_url(partnership))
    assert response.status_code == 200
    open_points = response.context["open_points"]
    assert [p.title for p in open_points] == ["Gastlessen bedrijfsleven inplannen"]
    content = response.content.decode()
    assert "Punt van elders" not in content
    assert "Past niet in dit jaar" in content
    assert (
        reverse("reflection:session_detail", args=[partnership.slug, session.pk])
        in content
    )


def test_inbox_queries_are_bounded(
    partnership, session, client_for, django_assert_max_num_queries
):
    points = ActionPointFactory.create_batch(30, session=session)
    with scopes_disabled():
        for p in points[:15]:
            Triage.objects.create(
                partnership=partnership, action_point=p, outcome="declined", reason="x"
            )
    client = client_for("stuurgroep")
    with django_assert_max_num_queries(12):
        assert client.get(inbox_url(partnership)).status_code == 200


def test_triage_form_is_prefilled_from_the_point(partnership, point, client_for):
    response = client_for("coordinator").get(triage_url(partnership, point))
    assert response.status_code == 200
    forms = response.context["forms"]
    assert forms["task"].initial["title"] == "Gastlessen bedrijfsleven inplannen"
    assert forms["task"].initial["due_date"] == datetime.date(2026, 11, 1)
    assert forms["revision"].initial["reason"] == "Gastlessen bedrijfsleven inplannen"


def test_point_becomes_a_task_and_the_link_shows_both_ways(
    partnership, session, point, client_for, member_of
):
    client = client_for("coordinator")
    owner_user = member_of(partnership, "werkgroeplid")
    with scopes_disabled():
        owner = Membership.objects.get(partnership=partnership, user=owner_user)
    response = client.post(
        triage_url(partnership, point),
        {
            "outcome": "task",
            "title": "Gastlessen plannen met drie bedrijven",
            "owner": owner.pk,
            "due_date": "2026-10-15",
        },
    )
    assert response.status_code == 302
    with scopes_disabled():
        task = Task.objects.get(partnership=partnership)
        assert task.owner == owner
        assert task.due_date == datetime.date(2026, 10, 15)
        assert point.triage.task == task
    # The inbox shows it as handled, the session page shows what it became.
    inbox = client.get(inbox_url(partnership)).content.decode()
    assert "Gastlessen plannen met drie bedrijven" in inbox
    session_page = client.get(
        reverse("reflection:session_detail", args=[partnership.slug, session.pk])
        + "?tab=actiepunten"
    ).content.decode()
    assert _("plan task") in session_page
    assert "Gastlessen plannen met drie bedrijven" in session_page
    list_page = client.get(
        reverse("reflection:action_point_list", args=[partnership.slug])
    ).content.decode()
    assert "Gastlessen plannen met drie bedrijven" in list_page


def test_point_becomes_an_activity(partnership, point, client_for):
    response = client_for("coordinator").post(
        triage_url(partnership, point),
        {
            "outcome": "activity",
            "title": "Gastles techniek",
            "kind": "gastles",
            "date": "2026-10-20",
        },
    )
    assert response.status_code == 302
    with scopes_disabled():
        activity = Activity.objects.get(partnership=partnership)
        assert activity.kind == "gastles"
        assert activity.starts_at.date() == datetime.date(2026, 10, 20)
        assert Triage.objects.get(action_point=point).activity == activity


def test_point_revises_a_goal(partnership, point, client_for):
    goal = make_goal(partnership)
    response = client_for("coordinator").post(
        triage_url(partnership, point),
        {
            "outcome": "revision",
            "goal": goal.pk,
            "target": "75,5",
            "deadline": "2027-12-01",
            "reason": "De sessie wil meer ambitie",
        },
    )
    assert response.status_code == 302
    with scopes_disabled():
        revision = GoalRevision.objects.get(goal=goal)
        goal.refresh_from_db()
        assert revision.new_target == Decimal("75.50")
        assert revision.old_target == Decimal("70")
        assert revision.reason == "De sessie wil meer ambitie"
        assert goal.target == Decimal("75.50")
        assert Triage.objects.get(action_point=point).revision == revision


def test_decline_needs_a_reason(partnership, point, client_for):
    client = client_for("coordinator")
    response = client.post(
        triage_url(partnership, point), {"outcome": "declined", "reason": "  "}
    )
    assert response.status_code == 200
    assert response.context["forms"]["declined"].errors["reason"] == [
        _("Say why this action point does not enter the plan.")
    ]
    with scopes_disabled():
        assert not Triage.objects.exists()
    response = client.post(
        triage_url(partnership, point),
        {"outcome": "declined", "reason": "Loopt al via het regionale netwerk"},
    )
    assert response.status_code == 302
    with scopes_disabled():
        assert point.triage.outcome == "declined"


def test_a_second_submit_does_not_duplicate(partnership, point, client_for):
    client = client_for("coordinator")
    data = {"outcome": "task", "title": "Eén taak", "owner": "", "due_date": ""}
    assert client.post(triage_url(partnership, point), data).status_code == 302
    response = client.post(triage_url(partnership, point), data, follow=True)
    assert _("This action point has already been handled in the plan.") in (
        response.content.decode()
    )
    with scopes_disabled():
        assert Task.objects.count() == 1
        assert Triage.objects.count() == 1


def test_the_service_refuses_a_second_triage(partnership, point, member_of):
    user = member_of(partnership, "coordinator")
    with scopes_disabled():
        by = membership_of(partnership=partnership, user=user)
        services.triage_decline(point=point, by=by, reason="Nee")
        with pytest.raises(services.ValidationError) as error:
            services.triage_task(point=point, by=by, title="Toch een taak")
        assert error.value.code == "already_triaged"
        assert not Task.objects.exists()


def test_stuurgroep_reads_but_cannot_triage(partnership, point, client_for):
    client = client_for("stuurgroep")
    assert client.get(inbox_url(partnership)).status_code == 200
    response = client.post(
        triage_url(partnership, point), {"outcome": "declined", "reason": "Nee"}
    )
    assert response.status_code == 403


def test_a_point_of_another_partnership_is_not_found(
    partnership, other_partnership, client_for
):
    elsewhere = ActionPointFactory(
        session=SessionFactory(partnership=other_partnership)
    )
    response = client_for("coordinator").get(triage_url(partnership, elsewhere))
    assert response.status_code == 404


def test_plan_fragments_render_in_bounded_queries(
    partnership, session, rf, member_of, django_assert_max_num_queries
):
    from django.template.loader import render_to_string
    from django.utils import timezone

    from ..selectors.inbox import plan_inbox
    from ..selectors.timeline import plan_timeline

    ActionPointFactory.create_batch(8, session=session)
    today = timezone.localdate()
    ActionPointFactory.create_batch(
        2, session=session, due_date=today - datetime.timedelta(days=1)
    )
    request = rf.get("/")
    request.partnership = partnership
    with scopes_disabled(), django_assert_max_num_queries(5):
        inbox = plan_inbox(partnership=partnership, membership=None, today=today)
        timeline = plan_timeline(partnership=partnership, membership=None, today=today)
        html = render_to_string(
            "planning/plan/_inbox.html", {"inbox": inbox}, request=request
        ) + render_to_string(
            "planning/plan/_timeline.html", {"timeline": timeline}, request=request
        )
    assert (inbox.count, inbox.overdue) == (10, 2)
    assert "Daarvan zijn er 2 over de streefdatum." in html
    assert reverse("planning:inbox", args=[partnership.slug]) in html


def test_the_four_forms_on_the_triage_page_have_their_own_ids(
    partnership, point, client_for
):
    import re

    make_goal(partnership)  # so the revision form shows its fields too
    body = (
        client_for("coordinator").get(triage_url(partnership, point)).content.decode()
    )
    ids = re.findall(r'\bid="(id_[^"]+)"', body)
    assert ids and len(ids) == len(set(ids))
