"""The plan on one page: every section, the vision on top, bounded queries."""

from decimal import Decimal

from django.urls import reverse
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled

from doorlopend.planning.models import VisionVersion

from .factories import (
    ActivityFactory,
    BudgetLineFactory,
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


def test_the_plan_takes_a_bounded_number_of_queries(
    partnership, client_for, django_assert_max_num_queries
):
    client = client_for("coordinator")
    client.get(_url(partnership))
    goals = [GoalFactory(partnership=partnership) for _ in range(50)]
    for goal in goals[:10]:
        MeasurementFactory(goal=goal)
    for n in range(200):
        ActivityFactory(partnership=partnership, title=f"Activiteit {n}")
    source = FundingSourceFactory(partnership=partnership)
    for _n in range(20):
        BudgetLineFactory(source=source, planned=Decimal("10.00"))
    for _n in range(30):
        TaskFactory(partnership=partnership)
    # 21 today: the guard (three), the sections' counts in one (core.facts), the
    # confirmed activities read once for every section that counts or lists them, one
    # or two per other section, and the stuurgroep's approval state (the plan's text
    # from what the sections read, the requests: one); it does not grow with the rows.
    with django_assert_max_num_queries(21):
        assert client.get(_url(partnership)).status_code == 200


def test_a_landelijk_adviseur_does_not_read_the_plan(partnership, client_for):
    assert client_for("landelijk_adviseur").get(_url(partnership)).status_code == 403
