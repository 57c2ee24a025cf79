"""The three OCW action lines on goals and activities, activities for parents: forms,
service checks, the list's filters and the plan page's counts."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled

from doorlopend.partnerships.tests.factories import StaffMembershipFactory

from ..action_lines import action_line_choices
from ..models import Activity, ActivityAudience, ActivityStatus, Goal
from ..services import goals as goal_services
from .factories import ActivityFactory, GoalFactory
from .test_activities_views import form_data
from .test_goals_views import goal_data

pytestmark = pytest.mark.django_db
LOB, OVERGANG, INFO = (
    "deskundige-lob",
    "samenwerking-overgangen",
    "informatie-beroepenveld",
)


def url(partnership, name, *args) -> str:
    return reverse(f"planning:{name}", args=[partnership.slug, *args])


def test_the_action_lines_come_from_the_lob_scan():
    assert [key for key, _t in action_line_choices()] == [LOB, OVERGANG, INFO]
    assert dict(action_line_choices())[OVERGANG] == (
        "Betere samenwerking bij de onderwijsovergangen"
    )


def test_a_parents_evening_is_planned_for_parents_on_two_lines(partnership, client_for):
    client = client_for("coordinator")
    response = client.post(
        url(partnership, "activity_create"),
        form_data(
            title="Ouderavond Help mee bij LOB",
            kind="ouderavond",
            audience="ouders",
            action_lines=[INFO, LOB],
        ),
    )
    assert response.status_code == 302
    with scopes_disabled():
        activity = Activity.objects.get()
    assert activity.audience == ActivityAudience.OUDERS
    assert activity.action_lines == [LOB, INFO]  # in the lines' order
    body = client.get(response["Location"]).content.decode()
    assert _("parents") in body
    assert "Betere informatie over beroepenveld en vervolgonderwijs" in body
    edit = client.get(url(partnership, "activity_edit", activity.pk))
    assert edit.context["form"].initial["action_lines"] == [LOB, INFO]
    assert edit.context["form"].initial["audience"] == "ouders"


def test_an_unknown_line_or_audience_is_refused_with_the_input_kept(
    partnership, client_for
):
    response = client_for("coordinator").post(
        url(partnership, "activity_create"),
        form_data(action_lines=["betere-koffie"], audience="honden"),
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert set(form.errors) == {"action_lines", "audience"}
    assert 'value="Gastles techniek"' in response.content.decode()
    with scopes_disabled():
        assert not Activity.objects.exists()


def test_an_activity_without_audience_is_for_pupils(partnership, client_for):
    client_for("coordinator").post(url(partnership, "activity_create"), form_data())
    with scopes_disabled():
        assert Activity.objects.get().audience == ActivityAudience.LEERLINGEN


def test_a_goal_names_its_action_lines(partnership, client_for):
    owner = StaffMembershipFactory(partnership=partnership)
    client = client_for("coordinator")
    response = client.post(
        url(partnership, "goal_create"),
        goal_data(owner, action_lines=[OVERGANG]),
    )
    assert response.status_code == 302
    with scopes_disabled():
        goal = Goal.objects.get()
    assert goal.action_lines == [OVERGANG]
    body = client.get(response["Location"]).content.decode()
    assert "Betere samenwerking bij de onderwijsovergangen" in body
    bad = client.post(
        url(partnership, "goal_edit", goal.pk),
        goal_data(owner, action_lines=["nergens"]),
    )
    assert "action_lines" in bad.context["form"].errors


def test_the_service_refuses_an_unknown_line_on_a_goal(partnership):
    goal = GoalFactory(partnership=partnership)
    with pytest.raises(ValidationError) as raised, scopes_disabled():
        goal_services.goal_update(goal=goal, by=None, action_lines=["nergens"])
    assert "action_lines" in raised.value.message_dict


def test_the_list_filters_by_audience_and_by_action_line(partnership, client_for):
    ActivityFactory(partnership=partnership, title="Ouderavond", audience="ouders")
    ActivityFactory(partnership=partnership, title="Gastles", action_lines=[INFO])
    ActivityFactory(partnership=partnership, title="Studiemiddag", audience="docenten")
    client = client_for("stuurgroep")

    def titles(**query):
        response = client.get(
            url(partnership, "activity_list"), query | {"when": "all"}
        )
        return sorted(a.title for a in response.context["page"].object_list)

    assert titles(audience="ouders") == ["Ouderavond"]
    assert titles(line=INFO) == ["Gastles"]
    assert titles(audience="nobody") == ["Gastles", "Ouderavond", "Studiemiddag"]
    empty = client.get(
        url(partnership, "activity_list"), {"audience": "partners", "when": "all"}
    )
    assert _("No activities match this filter.") in empty.content.decode()


def test_the_plan_counts_action_lines_and_parent_activities(partnership, client_for):
    GoalFactory(partnership=partnership, action_lines=[LOB, OVERGANG])
    GoalFactory(partnership=partnership)
    ActivityFactory(partnership=partnership, audience="ouders", action_lines=[INFO])
    ActivityFactory(partnership=partnership, audience="ouders", action_lines=[INFO])
    ActivityFactory(
        partnership=partnership,
        audience="ouders",
        status=ActivityStatus.CANCELLED,
        action_lines=[INFO],
    )
    ActivityFactory(partnership=partnership, action_lines=[LOB])
    response = client_for("stuurgroep").get(url(partnership, "plan"))
    lines = response.context["action_lines"]
    counts = {row.key: (row.goals, row.activities) for row in lines.rows}
    assert counts == {LOB: (1, 1), OVERGANG: (1, 0), INFO: (0, 2)}
    assert (lines.goals_without, lines.activities_without) == (1, 0)
    assert response.context["activities"].for_parents == 2
    body = response.content.decode()
    assert ">" + _("OCW action lines") + "</h2>" in body
    assert "?when=all&amp;audience=ouders" in body
    assert f"?when=all&amp;line={INFO}" in body


def test_the_goal_list_shows_and_filters_by_action_line(partnership, client_for):
    GoalFactory(partnership=partnership, title="Deskundig", action_lines=[LOB])
    GoalFactory(partnership=partnership, title="Overgang", action_lines=[OVERGANG])
    client = client_for("stuurgroep")
    response = client.get(url(partnership, "goal_list"))
    assert [line.goal.title for line in response.context["lines"]] == [
        "Deskundig",
        "Overgang",
    ]
    assert "Betere samenwerking bij de onderwijsovergangen" in (
        response.content.decode()
    )
    narrowed = client.get(url(partnership, "goal_list"), {"line": OVERGANG})
    assert [line.goal.title for line in narrowed.context["lines"]] == ["Overgang"]
    assert narrowed.context["lines"][0].action_line_titles == [
        "Betere samenwerking bij de onderwijsovergangen"
    ]
    none = client.get(url(partnership, "goal_list"), {"line": INFO})
    assert _("No goal names this action line yet.") in none.content.decode()
    unknown = client.get(url(partnership, "goal_list"), {"line": "nergens"})
    assert len(unknown.context["lines"]) == 2
