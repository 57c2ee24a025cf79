"""The dead ends of daily use gone: a teacher listed on an activity evaluates it, a
werkgroeplid proposes one that the coördinator confirms or declines, and anyone adds a
task for themselves (and for nobody else)."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_scopes import scopes_disabled

from doorlopend.partnerships.models import Membership
from doorlopend.planning.models import Activity, ActivityApproval, Task

from .factories import ActivityFactory, ActivityPersonFactory

pytestmark = pytest.mark.django_db


def url(partnership, name, *args) -> str:
    return reverse(f"planning:{name}", args=[partnership.slug, *args])


def login(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def membership(user, partnership) -> Membership:
    with scopes_disabled():
        return Membership.objects.get(user=user, partnership=partnership)


def held_activity(partnership, **kwargs) -> Activity:
    return ActivityFactory(
        partnership=partnership,
        starts_at=timezone.now() - datetime.timedelta(days=2),
        ends_at=None,
        status="held",
        **kwargs,
    )


def proposal_data(**overrides) -> dict:
    values = {
        "title": "Snuffelstage bij de bakker",
        "kind": "bedrijfsbezoek",
        "date": (timezone.localdate() + datetime.timedelta(days=20)).isoformat(),
        "start_time": "09:00",
        "costs": "0",
        # A proposer cannot mark it held or evaluate it: these are ignored.
        "status": "held",
        "evaluation": "Ging goed",
    }
    values.update(overrides)
    return values


# ---- Evaluating an activity ------------------------------------------------------------


def test_docent_listed_on_a_held_activity_evaluates_it(partnership, member_of):
    docent = member_of(partnership, "docent")
    activity = held_activity(partnership)
    ActivityPersonFactory(
        activity=activity, membership=membership(docent, partnership), name=""
    )
    client = login(docent)
    page = client.get(url(partnership, "activity_detail", activity.pk))
    assert b'name="evaluation"' in page.content  # a form, not a dead end
    response = client.post(
        url(partnership, "activity_evaluate", activity.pk),
        {"evaluation": "Leerlingen stelden goede vragen."},
    )
    assert response.status_code == 302
    activity.refresh_from_db()
    assert activity.evaluation == "Leerlingen stelden goede vragen."
    page = client.get(url(partnership, "activity_detail", activity.pk))
    assert "Leerlingen stelden goede vragen." in page.content.decode()


def test_docent_not_listed_cannot_evaluate(partnership, member_of):
    docent = member_of(partnership, "docent")
    activity = held_activity(partnership)
    client = login(docent)
    page = client.get(url(partnership, "activity_detail", activity.pk))
    assert b'name="evaluation"' not in page.content
    response = client.post(
        url(partnership, "activity_evaluate", activity.pk), {"evaluation": "Prima"}
    )
    assert response.status_code == 403
    activity.refresh_from_db()
    assert activity.evaluation == ""


def test_an_empty_evaluation_is_refused_with_a_message(partnership, member_of):
    docent = member_of(partnership, "docent")
    activity = held_activity(partnership)
    ActivityPersonFactory(
        activity=activity, membership=membership(docent, partnership), name=""
    )
    response = login(docent).post(
        url(partnership, "activity_evaluate", activity.pk), {"evaluation": " "}
    )
    assert response.status_code == 200
    assert "Schrijf in een paar zinnen hoe het ging." in response.content.decode()


def test_evaluating_a_past_planned_activity_marks_it_held(partnership, member_of):
    docent = member_of(partnership, "docent")
    activity = held_activity(partnership)
    with scopes_disabled():
        Activity.objects.filter(pk=activity.pk).update(status="planned")
    ActivityPersonFactory(
        activity=activity, membership=membership(docent, partnership), name=""
    )
    login(docent).post(
        url(partnership, "activity_evaluate", activity.pk), {"evaluation": "Goed"}
    )
    activity.refresh_from_db()
    assert activity.status == "held"


def test_evaluating_another_partnerships_activity_is_404(
    partnership, other_partnership, member_of
):
    docent = member_of(partnership, "docent")
    foreign = held_activity(other_partnership)
    response = login(docent).post(
        url(partnership, "activity_evaluate", foreign.pk), {"evaluation": "x"}
    )
    assert response.status_code == 404


# ---- Proposing an activity -------------------------------------------------------------


def test_werkgroeplid_proposes_and_the_coordinator_confirms(partnership, client_for):
    werkgroeplid = client_for("werkgroeplid")
    list_page = werkgroeplid.get(url(partnership, "activity_list"))
    assert url(partnership, "activity_propose") in list_page.content.decode()
    response = werkgroeplid.post(url(partnership, "activity_propose"), proposal_data())
    assert response.status_code == 302
    with scopes_disabled():
        activity = Activity.objects.get()
        assert activity.people.filter(membership__isnull=False).count() == 1
    assert activity.approval == ActivityApproval.PROPOSED
    assert (activity.status, activity.evaluation) == ("planned", "")
    listed = client_for("docent").get(url(partnership, "activity_list")).content
    assert "voorstel: wacht op de coördinator" in listed.decode()

    coordinator = client_for("coordinator")
    page = coordinator.get(url(partnership, "activity_detail", activity.pk))
    assert url(partnership, "activity_decide", activity.pk) in page.content.decode()
    response = coordinator.post(
        url(partnership, "activity_decide", activity.pk), {"decision": "confirm"}
    )
    assert response.status_code == 302
    activity.refresh_from_db()
    assert activity.approval == ActivityApproval.CONFIRMED


def test_declining_needs_a_reason_that_the_proposer_reads(partnership, client_for):
    client_for("werkgroeplid").post(
        url(partnership, "activity_propose"), proposal_data()
    )
    with scopes_disabled():
        activity = Activity.objects.get()
    coordinator = client_for("coordinator")
    decide = url(partnership, "activity_decide", activity.pk)
    response = coordinator.post(decide, {"decision": "decline", "reason": ""})
    assert response.status_code == 200
    assert "Zeg waarom" in response.content.decode()
    activity.refresh_from_db()
    assert activity.approval == ActivityApproval.PROPOSED
    coordinator.post(decide, {"decision": "decline", "reason": "Te duur dit jaar."})
    activity.refresh_from_db()
    assert activity.approval == ActivityApproval.DECLINED
    page = client_for("werkgroeplid").get(
        url(partnership, "activity_detail", activity.pk)
    )
    assert "Te duur dit jaar." in page.content.decode()
    assert "voorstel afgewezen" in page.content.decode()


def test_a_proposal_stays_out_of_the_element_coverage(partnership, client_for):
    from doorlopend.planning.elements import element_choices
    from doorlopend.planning.selectors.activities import element_coverage

    client_for("werkgroeplid").post(
        url(partnership, "activity_propose"), proposal_data(elements=["reflectie"])
    )
    with scopes_disabled():
        coverage = element_coverage(partnership=partnership, choices=element_choices())
    assert sum(c.count for c in coverage) == 0


def test_coordinators_proposal_is_confirmed_at_once(partnership, client_for):
    client_for("coordinator").post(
        url(partnership, "activity_propose"), proposal_data()
    )
    with scopes_disabled():
        assert Activity.objects.get().approval == ActivityApproval.CONFIRMED


@pytest.mark.parametrize("role", ["docent", "ambassadeur", "decaan"])
def test_others_cannot_propose_or_decide(partnership, client_for, role):
    client = client_for(role)
    assert (
        client.post(url(partnership, "activity_propose"), proposal_data()).status_code
        == 403
    )
    activity = ActivityFactory(partnership=partnership, approval="proposed")
    response = client.post(
        url(partnership, "activity_decide", activity.pk), {"decision": "confirm"}
    )
    assert response.status_code == 403


def test_deciding_on_another_partnerships_proposal_is_404(
    partnership, other_partnership, client_for
):
    foreign = ActivityFactory(partnership=other_partnership, approval="proposed")
    response = client_for("coordinator").post(
        url(partnership, "activity_decide", foreign.pk), {"decision": "confirm"}
    )
    assert response.status_code == 404


# ---- A task for yourself ---------------------------------------------------------------


def test_docent_adds_a_task_for_themselves_only(partnership, member_of):
    docent = member_of(partnership, "docent")
    other = membership(member_of(partnership, "docent"), partnership)
    client = login(docent)
    my_page = client.get(url(partnership, "my_tasks")).content.decode()
    assert url(partnership, "task_add_own") in my_page
    form = client.get(url(partnership, "task_add_own")).content.decode()
    assert 'name="owner"' not in form
    response = client.post(
        url(partnership, "task_add_own"),
        {"title": "Gastles voorbereiden", "owner": other.pk, "status": "done"},
    )
    assert response.status_code == 302
    with scopes_disabled():
        task = Task.objects.get()
    assert task.owner_id == membership(docent, partnership).pk
    assert task.status == "open"
    assert (
        "Gastles voorbereiden"
        in client.get(url(partnership, "my_tasks")).content.decode()
    )


def test_an_own_task_needs_a_title(partnership, client_for):
    response = client_for("ambassadeur").post(url(partnership, "task_add_own"), {})
    assert response.status_code == 200
    with scopes_disabled():
        assert not Task.objects.exists()


def test_docent_still_cannot_use_the_coordinators_task_form(partnership, client_for):
    assert client_for("docent").get(url(partnership, "task_create")).status_code == 403


def test_own_task_linked_to_another_partnerships_activity_is_refused(
    partnership, other_partnership, client_for
):
    foreign = ActivityFactory(partnership=other_partnership)
    response = client_for("docent").post(
        url(partnership, "task_add_own"), {"title": "X", "activity": foreign.pk}
    )
    assert response.status_code == 200
    with scopes_disabled():
        assert not Task.objects.exists()
