"""The plan on one page: every section, the vision on top, bounded queries."""

from datetime import timedelta
from decimal import Decimal

from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled

from doorlopend.partnerships.tests.factories import SchoolFactory
from doorlopend.planning.models import VisionVersion
from doorlopend.reflection.tests.factories import ActionPointFactory, SessionFactory

from .factories import (
    ActivityFactory,
    BudgetLineFactory,
    ChangeAssignmentFactory,
    CommunicationItemFactory,
    FundingSourceFactory,
    GoalFactory,
    MeasurementFactory,
    TaskFactory,
)


def _url(partnership) -> str:
    return reverse("planning:plan", args=[partnership.slug])


def test_the_plan_shows_the_vision_first_then_every_section(partnership, client_for):
    with scopes_disabled():
        VisionVersion.objects.create(
            partnership=partnership,
            definition="Een doorlopende leerlijn LOB is één lijn van vmbo tot hbo.",
            vision="Elke leerling kiest bewust.",
        )
    GoalFactory(partnership=partnership, title="Aanmelden voor 1 april")
    body = client_for("stuurgroep").get(_url(partnership)).content.decode()
    headings = [
        _("Vision and ambition"),
        _("SMART goals"),
        _("Activities"),
        _("Budget"),
        _("Change assignments per school"),
        _("Tasks"),
        _("Communication"),
        _("Inbox of action points"),
        _("The next four weeks"),
    ]
    positions = [body.index(f">{h}</h2>") for h in headings]
    assert positions == sorted(positions)
    assert "Een doorlopende leerlijn LOB is één lijn van vmbo tot hbo." in body
    assert "Aanmelden voor 1 april" in body


def _a_full_plan(partnership, member_of) -> None:
    """Several rows of everything the plan page shows: goals (the schools' own too) with
    measurements, activities to come and held (evaluated), funding sources with lines
    and one without, the coordinator's tasks, communication moments, schools with their
    portefeuillehouders, change assignments and milestones in the next four weeks,
    action points waiting in the inbox, vision versions of the partnership and schools."""
    today = timezone.localdate()
    schools = []
    for n in range(4):
        school = SchoolFactory(partnership=partnership, name=f"School {n}")
        schools.append(school)
        member_of(partnership, "portefeuillehouder", organisation=school)
        assignment = ChangeAssignmentFactory(
            partnership=partnership, organisation=school
        )
        for days in (3, 10, 40):
            with scopes_disabled():
                assignment.milestones.create(
                    title=f"Mijlpaal {n}-{days}", date=today + timedelta(days=days)
                )
        GoalFactory(partnership=partnership, school=school)
        ActivityFactory(partnership=partnership, school=school)
        with scopes_disabled():
            VisionVersion.objects.create(
                partnership=partnership, school=school, vision=f"Visie school {n}"
            )
    goals = [GoalFactory(partnership=partnership) for _ in range(50)]
    for goal in goals[:10]:
        MeasurementFactory(goal=goal)
        MeasurementFactory(goal=goal)
    for n in range(200):
        ActivityFactory(partnership=partnership, title=f"Activiteit {n}")
    for n in range(5):
        ActivityFactory(
            partnership=partnership,
            title=f"Gehouden {n}",
            status="held",
            evaluation="Goed bezocht" if n % 2 else "",
            starts_at=timezone.now() - timedelta(days=n + 1),
        )
    for _s in range(3):
        source = FundingSourceFactory(partnership=partnership)
        for _n in range(7):
            BudgetLineFactory(source=source, planned=Decimal("10.00"))
        BudgetLineFactory(source=source, school=schools[0], spent=Decimal("2000.00"))
    FundingSourceFactory(partnership=partnership, name="Nog zonder regels")
    with scopes_disabled():
        for n in range(2):
            VisionVersion.objects.create(partnership=partnership, vision=f"Visie {n}")
    for n in range(6):
        CommunicationItemFactory(
            partnership=partnership, moment=today + timedelta(days=n)
        )
    session = SessionFactory(partnership=partnership)
    for n in range(6):
        ActionPointFactory(session=session, due_date=today - timedelta(days=n - 2))


def test_the_plan_takes_a_bounded_number_of_queries(
    partnership, member_of, django_assert_max_num_queries
):
    user = member_of(partnership, "coordinator")
    client = Client()
    client.force_login(user)
    client.get(_url(partnership))
    _a_full_plan(partnership, member_of)
    with scopes_disabled():
        coordinator = user.memberships.get(partnership=partnership)
    for _n in range(30):
        TaskFactory(partnership=partnership, owner=coordinator)
    # 15 whatever the rows: the guard (three); the sections' counts in one (core.facts:
    # tasks, communication, the inbox's waiting and late points); the newest
    # instruments (elements, action lines); the goals and the confirmed activities,
    # each read once for every section (and the approval box's text) that lists,
    # counts or places them; the funding sources joined to their lines; the schools
    # with their own plans' figures, their portefeuillehouders, their assignments
    # joined to the milestones (also the timeline's); the vision, the member's tasks,
    # the next communication and the stuurgroep's approval requests.
    with django_assert_max_num_queries(15):
        body = client.get(_url(partnership)).content.decode()
    # What the queries fed is on the page: each section's rows, not only its counts.
    for shown in (
        "Activiteit 0",
        "Gehouden 0",
        "School 3",
        "Mijlpaal 0-3",
        "Bericht",
        "Taak",
        # The inbox summarised: how many wait, how many are late, the way there.
        "6 actiepunten uit de reflectiesessies wachten",
        "Daarvan zijn er 3 over de streefdatum.",
    ):
        assert shown in body


def test_a_landelijk_adviseur_does_not_read_the_plan(partnership, client_for):
    assert client_for("landelijk_adviseur").get(_url(partnership)).status_code == 403
