"""SMART validation, revisions, deletion and measurements, at the service level."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django_scopes import scopes_disabled

from doorlopend.partnerships.tests.factories import MembershipFactory

from ..models import Goal, GoalRevision
from ..selectors.goals import goal_lines, progress_percent
from ..services import goals as services
from .factories import GoalFactory, MeasurementFactory, TaskFactory

pytestmark = pytest.mark.django_db
TODAY = datetime.date.today()


def _data(partnership, **changes):
    data = {
        "title": "Open dagen",
        "specific": "Alle leerlingen van leerjaar 3 bezoeken een mbo-open dag.",
        "indicator": "Aandeel leerlingen met een bezoek",
        "unit": "%",
        "baseline": Decimal("40"),
        "target": Decimal("80"),
        "deadline": TODAY + datetime.timedelta(days=100),
        "owner": MembershipFactory(partnership=partnership),
        "theme_key": "visie-en-ambitie",
    }
    return data | changes


def _codes(error: ValidationError) -> dict[str, list[str]]:
    return {name: [e.code for e in errors] for name, errors in error.error_dict.items()}


@pytest.mark.parametrize(
    ("field", "value", "code"),
    [
        ("specific", "", "smart_specific"),
        ("indicator", " ", "smart_indicator"),
        ("baseline", None, "smart_baseline"),
        ("target", None, "smart_target"),
        ("target", Decimal("40"), "smart_target_is_baseline"),
        ("owner", None, "smart_owner"),
        ("theme_key", "", "smart_theme"),
        ("theme_key", "geen-thema", "smart_theme_unknown"),
        ("deadline", None, "smart_deadline"),
        ("deadline", TODAY - datetime.timedelta(days=1), "smart_deadline_past"),
    ],
)
def test_a_goal_missing_a_smart_part_is_refused_on_its_field(
    partnership, field, value, code
):
    with scopes_disabled(), pytest.raises(ValidationError) as caught:
        services.goal_create(
            partnership=partnership, by=None, **_data(partnership, **{field: value})
        )
    assert _codes(caught.value) == {field: [code]}
    with scopes_disabled():
        assert not Goal.objects.exists()


def test_every_missing_part_is_reported_at_once(partnership):
    data = dict.fromkeys(services.GOAL_FIELDS) | {"title": "Leeg"}
    with scopes_disabled(), pytest.raises(ValidationError) as caught:
        services.goal_create(partnership=partnership, by=None, **data)
    assert set(caught.value.error_dict) == {
        "specific",
        "indicator",
        "baseline",
        "target",
        "owner",
        "theme_key",
        "deadline",
    }


def test_an_owner_of_another_partnership_is_refused(partnership, other_partnership):
    outsider = MembershipFactory(partnership=other_partnership)
    with scopes_disabled(), pytest.raises(ValidationError) as caught:
        services.goal_create(
            partnership=partnership, by=None, **_data(partnership, owner=outsider)
        )
    assert _codes(caught.value) == {"owner": ["smart_owner_outside"]}


def test_a_smart_goal_is_saved(partnership):
    with scopes_disabled():
        goal = services.goal_create(
            partnership=partnership, by=None, **_data(partnership)
        )
        assert goal.pk and goal.target == Decimal("80")


def test_goal_revise_records_old_and_new_with_the_reason(partnership):
    goal = GoalFactory(partnership=partnership)
    old_deadline = goal.deadline
    new_deadline = old_deadline + datetime.timedelta(days=60)
    with scopes_disabled():
        revision = services.goal_revise(
            goal=goal,
            target=Decimal("70"),
            deadline=new_deadline,
            reason="Twee scholen starten een jaar later.",
            by=None,
        )
        goal.refresh_from_db()
    assert (revision.old_target, revision.new_target) == (Decimal("80"), Decimal("70"))
    assert (revision.old_deadline, revision.new_deadline) == (
        old_deadline,
        new_deadline,
    )
    assert (goal.target, goal.deadline) == (Decimal("70"), new_deadline)


def test_goal_revise_needs_a_reason(partnership):
    goal = GoalFactory(partnership=partnership)
    with scopes_disabled(), pytest.raises(ValidationError) as caught:
        services.goal_revise(
            goal=goal, target=Decimal("90"), deadline=goal.deadline, reason=" ", by=None
        )
    assert _codes(caught.value) == {"reason": ["reason_required"]}
    with scopes_disabled():
        assert not GoalRevision.objects.exists()
        goal.refresh_from_db()
    assert goal.target == Decimal("80")


def test_goal_revise_refuses_no_change(partnership):
    goal = GoalFactory(partnership=partnership)
    with scopes_disabled(), pytest.raises(ValidationError) as caught:
        services.goal_revise(
            goal=goal, target=goal.target, deadline=goal.deadline, reason="x", by=None
        )
    assert caught.value.code == "revision_unchanged"


def test_goal_update_of_other_fields_makes_no_revision(partnership):
    goal = GoalFactory(partnership=partnership)
    with scopes_disabled():
        services.goal_update(goal=goal, by=None, title="Nieuwe naam", unit="leerlingen")
        assert not GoalRevision.objects.exists()
        goal.refresh_from_db()
    assert goal.title == "Nieuwe naam"


def test_goal_update_of_the_target_without_a_reason_is_refused(partnership):
    goal = GoalFactory(partnership=partnership)
    with scopes_disabled(), pytest.raises(ValidationError) as caught:
        services.goal_update(goal=goal, by=None, target=Decimal("95"))
    assert _codes(caught.value) == {"reason": ["reason_required"]}


def test_a_goal_with_tasks_is_not_deleted(partnership):
    goal = GoalFactory(partnership=partnership)
    TaskFactory(partnership=partnership, goal=goal)
    with scopes_disabled(), pytest.raises(ValidationError) as caught:
        services.goal_delete(goal=goal)
    assert caught.value.code == "goal_linked"
    with scopes_disabled():
        assert Goal.objects.filter(pk=goal.pk).exists()


def test_a_measurement_in_the_future_is_refused(partnership):
    goal = GoalFactory(partnership=partnership)
    with scopes_disabled(), pytest.raises(ValidationError) as caught:
        services.measurement_add(
            goal=goal,
            date=TODAY + datetime.timedelta(days=1),
            value=Decimal(1),
            by=None,
        )
    assert _codes(caught.value) == {"date": ["future"]}


def test_progress_runs_from_baseline_to_target(partnership):
    assert progress_percent(Decimal(40), Decimal(80), Decimal(60)) == 50
    assert progress_percent(Decimal(40), Decimal(20), Decimal(30)) == 50
    assert progress_percent(Decimal(40), Decimal(80), None) is None
    goal = GoalFactory(partnership=partnership)
    MeasurementFactory(goal=goal, date=TODAY - datetime.timedelta(days=9), value=90)
    MeasurementFactory(goal=goal, date=TODAY, value=70)
    with scopes_disabled():
        (line,) = goal_lines(partnership=partnership)
    assert (line.latest_value, line.progress, line.revision_count) == (
        Decimal(70),
        75,
        0,
    )
