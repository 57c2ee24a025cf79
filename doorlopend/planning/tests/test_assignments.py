"""The change assignment per school: its portefeuillehouder keeps it, everyone reads where
each school stands."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled

from doorlopend.accounts.tests.factories import UserFactory
from doorlopend.core.submit_once import FIELD
from doorlopend.core.testing.forms import submit_once_key
from doorlopend.partnerships.tests.factories import OrganisationFactory, SchoolFactory
from doorlopend.planning.models import ChangeAssignment, Milestone, ProgressUpdate

from .factories import ChangeAssignmentFactory
from .test_tasks import logged_in

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()
DAY = datetime.timedelta(days=1)

PARTS = {
    "what": "Loopbaangesprekken in elk leerjaar",
    "why": "Leerlingen kiezen bewuster",
    "who": "Mentoren en decanen",
    "when": "Schooljaar 2026-2027",
    "where": "Vmbo-bovenbouw",
    "how": "Scholing en een vast format",
}


def url(partnership, name, *args):
    return reverse(f"planning:{name}", args=[partnership.slug, *args])


@pytest.fixture
def schools(partnership):
    return [
        SchoolFactory(partnership=partnership, name="Het Lingecollege"),
        SchoolFactory(partnership=partnership, name="Pantarijn", kind="mbo"),
    ]


def lead_of(partnership, member_of, school, name="Pfh"):
    user = UserFactory(name=name)
    member_of(partnership, "portefeuillehouder", user=user, organisation=school)
    return user


def test_portefeuillehouder_edits_their_own_school(partnership, member_of, schools):
    school = schools[0]
    client = logged_in(lead_of(partnership, member_of, school))
    assert client.get(url(partnership, "assignment_edit", school.pk)).status_code == 200
    response = client.post(url(partnership, "assignment_edit", school.pk), PARTS)
    assert response.status_code == 302
    with scopes_disabled():
        assignment = ChangeAssignment.objects.get(organisation=school)
    assert assignment.what == PARTS["what"]
    assert assignment.partnership == partnership


def test_portefeuillehouder_of_another_school_gets_403(partnership, member_of, schools):
    client = logged_in(lead_of(partnership, member_of, schools[1]))
    target = schools[0]
    assert client.get(url(partnership, "assignment_edit", target.pk)).status_code == 403
    assert (
        client.post(url(partnership, "assignment_edit", target.pk), PARTS).status_code
        == 403
    )
    response = client.post(
        url(partnership, "update_add", target.pk),
        {"date": TODAY.isoformat(), "state": "on_track", "text": "Goed"},
    )
    assert response.status_code == 403
    with scopes_disabled():
        assert not ChangeAssignment.objects.exists()


def test_coordinator_edits_any_school(partnership, client_for, schools):
    response = client_for("coordinator").post(
        url(partnership, "assignment_edit", schools[1].pk), PARTS
    )
    assert response.status_code == 302


def test_other_roles_read_but_may_not_change(partnership, client_for, schools):
    client = client_for("werkgroeplid")
    assert client.get(url(partnership, "assignments")).status_code == 200
    assert (
        client.get(url(partnership, "assignment_detail", schools[0].pk)).status_code
        == 200
    )
    assert (
        client.post(
            url(partnership, "assignment_edit", schools[0].pk), PARTS
        ).status_code
        == 403
    )


def test_empty_assignment_is_refused(partnership, client_for, schools):
    response = client_for("coordinator").post(
        url(partnership, "assignment_edit", schools[0].pk), {}
    )
    assert response.status_code == 200
    assert response.context["form"].has_error("__all__", code="empty")


def test_not_a_school_is_404(partnership, client_for):
    gemeente = OrganisationFactory(partnership=partnership, kind="gemeente")
    response = client_for("coordinator").get(
        url(partnership, "assignment_detail", gemeente.pk)
    )
    assert response.status_code == 404


def test_school_of_another_partnership_is_404(
    partnership, other_partnership, client_for
):
    school = SchoolFactory(partnership=other_partnership)
    response = client_for("coordinator").get(
        url(partnership, "assignment_detail", school.pk)
    )
    assert response.status_code == 404


def test_progress_update_in_the_future_is_refused(partnership, member_of, schools):
    school = schools[0]
    client = logged_in(lead_of(partnership, member_of, school))
    response = client.post(
        url(partnership, "update_add", school.pk),
        {"date": (TODAY + DAY).isoformat(), "state": "on_track", "text": "Alvast"},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["date"] == [
        _("A progress update cannot be dated in the future.")
    ]
    with scopes_disabled():
        assert not ProgressUpdate.objects.exists()
    response = client.post(
        url(partnership, "update_add", school.pk),
        {"date": TODAY.isoformat(), "state": "attention", "text": "Roosters lopen uit"},
    )
    assert response.status_code == 302
    with scopes_disabled():
        assert ProgressUpdate.objects.get().state == "attention"


def test_milestones_added_toggled_deleted(partnership, member_of, schools):
    school = schools[0]
    client = logged_in(lead_of(partnership, member_of, school))
    response = client.post(
        url(partnership, "milestone_add", school.pk),
        {
            "title": "Plan vastgesteld door het MT",
            "date": (TODAY + 30 * DAY).isoformat(),
        },
    )
    assert response.status_code == 302
    with scopes_disabled():
        milestone = Milestone.objects.get()
    client.post(url(partnership, "milestone_toggle", school.pk, milestone.pk))
    milestone.refresh_from_db()
    assert milestone.done
    detail = client.get(url(partnership, "assignment_detail", school.pk))
    assert _("reached") in detail.content.decode()
    assert (
        client.post(
            url(partnership, "milestone_delete", school.pk, milestone.pk)
        ).status_code
        == 302
    )
    with scopes_disabled():
        assert not Milestone.objects.exists()


def test_milestone_of_another_school_is_404(partnership, client_for, schools):
    assignment = ChangeAssignmentFactory(
        partnership=partnership, organisation=schools[1]
    )
    with scopes_disabled():
        milestone = Milestone.objects.create(
            assignment=assignment, title="M", date=TODAY
        )
    response = client_for("coordinator").post(
        url(partnership, "milestone_toggle", schools[0].pk, milestone.pk)
    )
    assert response.status_code == 404


def test_overview_lists_every_school_with_lead_and_latest_status(
    partnership, member_of, client_for, schools
):
    lead_of(partnership, member_of, schools[0], name="Anna de Vries")
    assignment = ChangeAssignmentFactory(
        partnership=partnership, organisation=schools[0], **PARTS
    )
    with scopes_disabled():
        ProgressUpdate.objects.create(
            assignment=assignment, date=TODAY - 9 * DAY, state="behind", text="Oud"
        )
        ProgressUpdate.objects.create(
            assignment=assignment, date=TODAY - DAY, state="on_track", text="Nieuw"
        )
        Milestone.objects.create(
            assignment=assignment, title="Start", date=TODAY - DAY, done=True
        )
        Milestone.objects.create(
            assignment=assignment, title="Evaluatie", date=TODAY + DAY
        )
    response = client_for("stuurgroep").get(url(partnership, "assignments"))
    rows = response.context["rows"]
    assert [r.school.name for r in rows] == ["Het Lingecollege", "Pantarijn"]
    first, second = rows
    assert [str(m.user) for m in first.leads] == ["Anna de Vries"]
    assert first.complete
    assert first.assignment.latest_state == "on_track"
    assert (first.assignment.milestones_reached, first.assignment.milestones_total) == (
        1,
        2,
    )
    assert first.assignment.next_title == "Evaluatie"
    assert second.assignment is None
    body = response.content.decode()
    assert "Anna de Vries" in body
    assert _("on track") in body
    assert _("no portefeuillehouder yet") in body


def test_assignments_queries(partnership, member_of, django_assert_max_num_queries):
    for n in range(20):
        school = SchoolFactory(partnership=partnership)
        lead_of(partnership, member_of, school, name=f"Pfh {n}")
        assignment = ChangeAssignmentFactory(
            partnership=partnership, organisation=school
        )
        with scopes_disabled():
            Milestone.objects.create(assignment=assignment, title="M", date=TODAY)
            ProgressUpdate.objects.create(
                assignment=assignment, date=TODAY, state="attention", text="T"
            )
    client = logged_in(member_of(partnership))
    # Constant: 11 whether there is one school or twenty.
    with django_assert_max_num_queries(12):
        assert client.get(url(partnership, "assignments")).status_code == 200


def test_a_milestone_is_late_only_once_its_date_has_passed():
    today = timezone.localdate()
    assert Milestone(done=True, date=today).progress == "reached"
    assert Milestone(done=False, date=today).progress == "planned"
    late = Milestone(done=False, date=today - datetime.timedelta(days=1))
    assert late.progress == "late"


def test_pressing_add_twice_adds_one_milestone_and_one_update(
    partnership, member_of, schools
):
    school = schools[0]
    client = logged_in(lead_of(partnership, member_of, school))
    for name, data, model in (
        (
            "milestone_add",
            {"title": "Plan vastgesteld", "date": (TODAY + DAY).isoformat()},
            Milestone,
        ),
        (
            "update_add",
            {"date": TODAY.isoformat(), "state": "on_track", "text": "Goed"},
            ProgressUpdate,
        ),
    ):
        page = client.get(url(partnership, name, school.pk)).content.decode()
        form = data | {FIELD: submit_once_key(page)}
        first = client.post(url(partnership, name, school.pk), form)
        second = client.post(url(partnership, name, school.pk), form)
        assert first.status_code == second.status_code == 302
        with scopes_disabled():
            assert model.objects.count() == 1
