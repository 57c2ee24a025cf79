"""Each role's overview page starts with the card that role needs first."""

import datetime
import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django_scopes import scopes_disabled

from doorlopend.partnerships.models import Membership
from doorlopend.planning.models import Milestone, ProgressUpdate, VisionVersion
from doorlopend.planning.models.vision import PartnerExpectation
from doorlopend.reflection.tests.factories import ActionPointFactory, SessionFactory
from doorlopend.roadmaps.tests import factories as roadmaps
from doorlopend.routes.tests.factories import LeerrouteFactory

from .factories import (
    ActivityFactory,
    ActivityPersonFactory,
    ChangeAssignmentFactory,
    GoalFactory,
    TaskFactory,
)

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def home(partnership) -> str:
    return reverse("partnerships:dashboard", args=[partnership.slug])


def headings(body: str) -> list[str]:
    return re.findall(r"<h2[^>]*>(.*?)</h2>", body)


def login(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def membership(partnership, user) -> Membership:
    with scopes_disabled():
        return Membership.objects.get(partnership=partnership, user=user)


def under_way(partnership, member_of) -> None:
    """A partnership past its first steps: people, definition, needs, a goal, a plan."""
    member_of(partnership, "werkgroeplid")
    goal = GoalFactory(partnership=partnership)
    with scopes_disabled():
        VisionVersion.objects.create(partnership=partnership, definition="Samen LOB")
        PartnerExpectation.objects.create(
            partnership=partnership,
            organisation=goal.owner.roles.first().organisation
            or roadmaps.SchoolFactory(partnership=partnership),
            needs="Zicht op de doorstroom",
        )
    ActivityFactory(partnership=partnership)


# ---- The first-run guide ---------------------------------------------------------------


def test_a_new_partnership_starts_with_the_guide_in_the_order_of_seed_000(
    partnership, client_for
):
    body = client_for("coordinator").get(home(partnership)).content.decode()
    assert headings(body)[0] == gettext("Getting started")
    steps = [
        gettext("Bring people together"),
        gettext("Agree on a shared definition"),
        gettext("Name needs and expectations"),
        gettext("Set SMART goals"),
        gettext("Make the plan van aanpak"),
    ]
    assert [body.index(step) for step in steps] == sorted(
        body.index(step) for step in steps
    )
    assert reverse("partnerships:member_list", args=[partnership.slug]) in body
    # nothing waits yet, so no empty "next steps" beside the guide
    assert gettext("Next steps") not in headings(body)


def test_the_guide_marks_steps_done_from_the_data(partnership, member_of):
    coordinator = member_of(partnership, "coordinator")
    member_of(partnership, "docent")
    with scopes_disabled():
        VisionVersion.objects.create(partnership=partnership, definition="Samen LOB")
    body = login(coordinator).get(home(partnership)).content.decode()
    assert (
        gettext(
            "%(done)s of %(total)s first steps done. Take them in this order: each "
            "builds on the one before."
        )
        % {"done": 2, "total": 5}
        in body
    )
    # the next step is the needs: its link is the button
    needs = reverse("planning:vision", args=[partnership.slug])
    assert f'href="{needs}" role="button"' in body


def test_a_docent_sees_the_guide_without_links_they_may_not_use(
    partnership, client_for
):
    body = client_for("docent").get(home(partnership)).content.decode()
    assert gettext("Getting started") in body
    assert reverse("planning:goal_create", args=[partnership.slug]) not in body


def test_the_guide_is_gone_once_under_way(partnership, member_of, client_for):
    under_way(partnership, member_of)
    body = client_for("coordinator").get(home(partnership)).content.decode()
    assert gettext("Getting started") not in body


# ---- What each role sees first --------------------------------------------------------


def test_the_coordinator_starts_with_next_steps(partnership, member_of):
    under_way(partnership, member_of)
    coordinator = member_of(partnership, "coordinator")
    TaskFactory(
        partnership=partnership,
        title="Jaarplanning delen",
        due_date=TODAY - datetime.timedelta(days=2),
    )
    ActionPointFactory(session=SessionFactory(partnership=partnership))
    route = LeerrouteFactory(partnership=partnership, name="Zorg Rivierenland")
    body = login(coordinator).get(home(partnership)).content.decode()
    assert headings(body)[0] == gettext("Next steps")
    assert "Jaarplanning delen" in body
    assert reverse("planning:inbox", args=[partnership.slug]) in body
    assert route.name in body and gettext("consent missing") in body


def test_the_portefeuillehouder_starts_with_their_schools_assignment(
    partnership, member_of
):
    school = roadmaps.SchoolFactory(partnership=partnership, name="Vmbo De Linge")
    user = member_of(partnership, "portefeuillehouder", organisation=school)
    assignment = ChangeAssignmentFactory(partnership=partnership, organisation=school)
    ChangeAssignmentFactory(partnership=partnership, what="Andere school")
    with scopes_disabled():
        ProgressUpdate.objects.create(
            assignment=assignment, date=TODAY, state="attention", text="Vertraging"
        )
        Milestone.objects.create(
            assignment=assignment, title="Mentoren geschoold", date=TODAY, done=False
        )
        Milestone.objects.create(
            assignment=assignment, title="Plan vastgesteld", date=TODAY, done=True
        )
    body = login(user).get(home(partnership)).content.decode()
    assert headings(body)[0] == gettext("Your school's change assignment")
    assert "Vmbo De Linge" in body
    assert gettext("needs attention").capitalize() in body
    assert "Mentoren geschoold" in body
    assert "Plan vastgesteld" not in body  # reached: not the next one


@pytest.mark.parametrize("role", ["docent", "ambassadeur", "werkgroeplid"])
def test_who_does_the_work_starts_with_their_activities_tasks_and_items(
    partnership, member_of, role
):
    user = member_of(partnership, role)
    me = membership(partnership, user)
    activity = ActivityFactory(partnership=partnership, title="Gastles techniek")
    ActivityPersonFactory(activity=activity, membership=me)
    ActivityFactory(partnership=partnership, title="Niet de mijne")
    TaskFactory(partnership=partnership, owner=me, title="Lesbrief maken")
    checklist = roadmaps.checklist(partnership)
    with scopes_disabled():
        item = checklist.states.first()
        item.owner = me
        item.save()
    body = login(user).get(home(partnership)).content.decode()
    assert headings(body)[0] == gettext("Your work")
    assert "Gastles techniek" in body and "Niet de mijne" not in body
    assert "Lesbrief maken" in body
    assert str(item.title) in body


def test_the_stuurgroep_starts_with_the_progress(partnership, member_of, client_for):
    under_way(partnership, member_of)
    GoalFactory(partnership=partnership, title="Meeloopdagen op het mbo")
    body = client_for("stuurgroep").get(home(partnership)).content.decode()
    assert headings(body)[0] == gettext("Progress")
    assert "Meeloopdagen op het mbo" in body


# ---- Bounded, and only one's own partnership -----------------------------------------


def grow(partnership, user, times: int) -> None:
    me = membership(partnership, user)
    for n in range(times):
        goal = GoalFactory(partnership=partnership)
        activity = ActivityFactory(partnership=partnership)
        ActivityPersonFactory(activity=activity, membership=me)
        TaskFactory(partnership=partnership, owner=me, goal=goal)
        TaskFactory(partnership=partnership, due_date=TODAY - datetime.timedelta(n + 1))
        LeerrouteFactory(partnership=partnership)
        ActionPointFactory(session=SessionFactory(partnership=partnership))


# The guard (session, user, memberships with roles: the switcher too), every count of
# the page and its cards in one query (core.facts), then each card's rows: the bound
# is what the page reads today, within the 15 of every page, so that a card that
# starts to loop or to count on its own shows here (the programme card reads one
# query when the partnership has no programme yet).
@pytest.mark.parametrize(
    ("role", "bound", "keeps_assignment"),
    [
        # The coördinator and the stuurgroep also read the approvals card (one query).
        ("coordinator", 14, False),
        ("stuurgroep", 14, False),
        ("portefeuillehouder", 11, True),
        ("docent", 10, False),
        ("ambassadeur", 10, False),
        ("werkgroeplid", 10, False),
    ],
)
def test_each_roles_home_does_not_grow_with_the_data(
    partnership,
    member_of,
    role,
    bound,
    keeps_assignment,
    django_assert_max_num_queries,
):
    under_way(partnership, member_of)
    user = member_of(partnership, role)
    if keeps_assignment:
        with scopes_disabled():
            school = membership(partnership, user).roles.get().organisation
        ChangeAssignmentFactory(partnership=partnership, organisation=school)
    client = login(user)
    grow(partnership, user, 1)  # one of each, so that every card reads its rows
    client.get(home(partnership))
    with CaptureQueriesContext(connection) as few:
        client.get(home(partnership))
    grow(partnership, user, 8)
    with (
        django_assert_max_num_queries(bound),
        CaptureQueriesContext(connection) as many,
    ):
        assert client.get(home(partnership)).status_code == 200
    assert len(many) == len(few)


def test_another_partnerships_coordinator_gets_404(
    partnership, other_partnership, client_for
):
    client = client_for("coordinator", partnership=other_partnership)
    assert client.get(home(partnership)).status_code == 404
