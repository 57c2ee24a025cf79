"""Factories of the plan van aanpak: each creates inside `scopes_disabled()`."""

import datetime
from decimal import Decimal

import factory
from django.utils import timezone

from doorlopend.partnerships.tests.factories import (
    PartnershipFactory,
    SchoolFactory,
    ScopesDisabledFactory,
    StaffMembershipFactory,
)

# ---- Vision and SMART goals (P1) ------------------------------------------------------


class GoalFactory(ScopesDisabledFactory):
    """A SMART goal with every part filled in; its owner a member of its partnership."""

    class Meta:
        model = "planning.Goal"

    partnership = factory.SubFactory(PartnershipFactory)
    title = factory.Sequence(lambda n: f"Doel {n}")
    specific = "Alle leerlingen van leerjaar 3 bezoeken een mbo-open dag."
    indicator = "Aandeel leerlingen dat een open dag bezocht"
    unit = "%"
    baseline = Decimal("40")
    target = Decimal("80")
    deadline = factory.LazyFunction(
        lambda: datetime.date.today() + datetime.timedelta(days=180)
    )
    owner = factory.SubFactory(
        StaffMembershipFactory, partnership=factory.SelfAttribute("..partnership")
    )
    theme_key = "visie-en-ambitie"


class MeasurementFactory(ScopesDisabledFactory):
    class Meta:
        model = "planning.Measurement"

    goal = factory.SubFactory(GoalFactory)
    date = factory.LazyFunction(datetime.date.today)
    value = Decimal("50")


# ---- Tasks, communication, change assignments (P3) -------------------------------------


class TaskFactory(ScopesDisabledFactory):
    class Meta:
        model = "planning.Task"

    partnership = factory.SubFactory(PartnershipFactory)
    title = factory.Sequence(lambda n: f"Taak {n}")
    status = "open"


class CommunicationItemFactory(ScopesDisabledFactory):
    class Meta:
        model = "planning.CommunicationItem"

    partnership = factory.SubFactory(PartnershipFactory)
    audience = "ouders"
    message = factory.Sequence(lambda n: f"Bericht {n} over de doorlopende leerlijn")
    channel = "nieuwsbrief"
    moment = factory.LazyFunction(datetime.date.today)


class ChangeAssignmentFactory(ScopesDisabledFactory):
    class Meta:
        model = "planning.ChangeAssignment"

    partnership = factory.SubFactory(PartnershipFactory)
    organisation = factory.SubFactory(
        SchoolFactory, partnership=factory.SelfAttribute("..partnership")
    )
    what = "Loopbaangesprekken in elk leerjaar"


# ---- Activities and budget (P2) -------------------------------------------------------


class ActivityFactory(ScopesDisabledFactory):
    """A planned activity a week from now, tagged with one element."""

    class Meta:
        model = "planning.Activity"

    partnership = factory.SubFactory(PartnershipFactory)
    title = factory.Sequence(lambda n: f"Activiteit {n}")
    kind = "bijeenkomst"
    # 10:00 local time, so that start and end fall on one day whatever the hour the
    # tests run (the activity form has one date with a start and an end time).
    starts_at = factory.LazyFunction(
        lambda: timezone.make_aware(
            datetime.datetime.combine(
                timezone.localdate() + datetime.timedelta(days=7), datetime.time(10)
            )
        )
    )
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + datetime.timedelta(hours=2))
    place = "Aula"
    costs = Decimal("0")
    elements = factory.LazyFunction(lambda: ["reflectie"])
    status = "planned"


class ActivityPersonFactory(ScopesDisabledFactory):
    class Meta:
        model = "planning.ActivityPerson"

    activity = factory.SubFactory(ActivityFactory)
    name = factory.Sequence(lambda n: f"Gastdocent {n}")
    role = "gastles geven"
    hours = Decimal("2.5")


class FundingSourceFactory(ScopesDisabledFactory):
    class Meta:
        model = "planning.FundingSource"

    partnership = factory.SubFactory(PartnershipFactory)
    name = factory.Sequence(lambda n: f"Bron {n}")
    kind = "regional"
    amount = Decimal("10000.00")


class BudgetLineFactory(ScopesDisabledFactory):
    class Meta:
        model = "planning.BudgetLine"

    source = factory.SubFactory(FundingSourceFactory)
    description = factory.Sequence(lambda n: f"Regel {n}")
    planned = Decimal("1000.00")
    committed = Decimal("0.00")
    spent = Decimal("0.00")


# ---- Inbox, timeline, calendar, report (P4) --------------------------------------------


class TriageFactory(ScopesDisabledFactory):
    """A declined action point (the simplest outcome; pass task=… for another)."""

    class Meta:
        model = "planning.Triage"

    action_point = factory.SubFactory(
        "doorlopend.reflection.tests.factories.ActionPointFactory"
    )
    partnership = factory.SelfAttribute("action_point.partnership")
    outcome = "declined"
    reason = "Valt buiten het plan van dit jaar."


def calendar_feed(membership):
    """A feed of `membership` and its token (as feed_create makes them)."""
    from django_scopes import scopes_disabled

    from ..services.calendar import feed_create

    with scopes_disabled():
        return feed_create(membership=membership)
