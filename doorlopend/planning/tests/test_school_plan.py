"""A school's own LOB plan: its portefeuillehouder keeps the school's vision (with
versions) through the vision's own code; the partnership's plan shows every school's in
summary."""

from html import escape

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled

from doorlopend.accounts.tests.factories import UserFactory
from doorlopend.core.demo import DemoContext
from doorlopend.partnerships.models import Membership
from doorlopend.partnerships.roles import Role
from doorlopend.partnerships.tests.factories import OrganisationFactory, SchoolFactory
from doorlopend.reflection.services.scans import scan_action_point
from doorlopend.reflection.tests.scan_helpers import scan_of

from ..demo import school_plan as demo_school_plan
from ..models import VisionVersion
from ..selectors.vision import current_vision
from ..services.inbox import triage_decline
from ..services.vision import vision_save
from .test_tasks import logged_in

pytestmark = pytest.mark.django_db

TEXTS = {
    "vision": "LOB is bij ons de kern van de mentorles.",
    "ambition": "Elke leerling voert in leerjaar 3 twee loopbaangesprekken.",
}


def url(partnership, name, *args):
    return reverse(f"planning:{name}", args=[partnership.slug, *args])


@pytest.fixture
def schools(partnership):
    return [
        SchoolFactory(partnership=partnership, name="Het Lingecollege"),
        SchoolFactory(partnership=partnership, name="Pantarijn", kind="mbo"),
    ]


def lead_of(partnership, member_of, school):
    user = UserFactory(name="Pfh Linge")
    member_of(partnership, "portefeuillehouder", user=user, organisation=school)
    return user


def test_portefeuillehouder_keeps_their_schools_vision_as_versions(
    partnership, member_of, schools
):
    school = schools[0]
    client = logged_in(lead_of(partnership, member_of, school))
    edit = url(partnership, "school_vision_edit", school.pk)
    assert client.get(edit).status_code == 200
    response = client.post(edit, TEXTS, follow=True)
    body = response.content.decode()
    assert escape(_("The school's vision has been saved as a new version.")) in body
    assert TEXTS["vision"] in body
    # The same again adds nothing; a change adds a second version.
    client.post(edit, TEXTS)
    client.post(edit, {**TEXTS, "ambition": "Elke leerling drie gesprekken."})
    with scopes_disabled():
        versions = VisionVersion.objects.filter(school=school)
        assert versions.count() == 2
        # The partnership's own vision is untouched by a school's.
        assert not VisionVersion.objects.filter(school__isnull=True).exists()
    history = client.get(url(partnership, "school_vision_history", school.pk))
    text = history.content.decode()
    assert "Elke leerling drie gesprekken." in text
    assert _("The first version.") in text


def test_portefeuillehouder_of_another_school_gets_403(partnership, member_of, schools):
    client = logged_in(lead_of(partnership, member_of, schools[0]))
    edit = url(partnership, "school_vision_edit", schools[1].pk)
    assert client.get(edit).status_code == 403
    assert client.post(edit, TEXTS).status_code == 403
    with scopes_disabled():
        assert not VisionVersion.objects.exists()
    # Reading the other school's plan is allowed, without the edit button.
    page = client.get(url(partnership, "school_plan", schools[1].pk))
    assert page.status_code == 200
    assert escape(_("Edit the school's vision")) not in page.content.decode()


def test_the_service_checks_the_school_too(partnership, member_of, schools):
    user = lead_of(partnership, member_of, schools[0])
    with scopes_disabled():
        by = Membership.objects.get(partnership=partnership, user=user)
        with pytest.raises(PermissionDenied):
            vision_save(
                partnership=partnership,
                school=schools[1],
                definition="",
                by=by,
                **TEXTS,
            )


def test_coordinator_keeps_any_school_stuurgroep_reads(
    partnership, client_for, schools
):
    coordinator = client_for("coordinator")
    edit = url(partnership, "school_vision_edit", schools[1].pk)
    assert coordinator.post(edit, TEXTS).status_code == 302
    reader = client_for("stuurgroep")
    assert reader.get(edit).status_code == 403
    page = reader.get(url(partnership, "school_plan", schools[1].pk))
    assert TEXTS["ambition"] in page.content.decode()
    assert escape(_("Edit the school's vision")) not in page.content.decode()


def test_an_organisation_that_is_no_school_is_404(partnership, client_for):
    employer = OrganisationFactory(partnership=partnership, kind="employer")
    response = client_for("coordinator").get(
        url(partnership, "school_plan", employer.pk)
    )
    assert response.status_code == 404


def test_a_school_of_another_partnership_is_404(
    partnership, other_partnership, client_for
):
    theirs = SchoolFactory(partnership=other_partnership)
    client = client_for("coordinator")
    for name in ("school_plan", "school_vision_edit", "school_vision_history"):
        assert client.get(url(partnership, name, theirs.pk)).status_code == 404


def test_the_partnership_plan_summarises_each_schools_plan(
    partnership, client_for, schools
):
    with scopes_disabled():
        vision_save(
            partnership=partnership, school=schools[0], definition="", by=None, **TEXTS
        )
        vision_save(
            partnership=partnership,
            school=schools[0],
            definition="",
            by=None,
            vision="Nieuw",
            ambition="",
        )
        assert current_vision(partnership=partnership) is None
    body = client_for("stuurgroep").get(url(partnership, "plan")).content.decode()
    assert escape(_("The schools' own LOB plans")) in body
    assert "Het Lingecollege" in body and "Pantarijn" in body
    assert "(2 versies)" in body
    assert _("no vision yet") in body
    assert url(partnership, "school_plan", schools[0].pk) in body


def test_school_plans_queries(partnership, client_for, django_assert_max_num_queries):
    client = client_for("coordinator")
    for n in range(12):
        school = SchoolFactory(partnership=partnership, name=f"School {n:02}")
        with scopes_disabled():
            vision_save(
                partnership=partnership, school=school, definition="", by=None, **TEXTS
            )
    with django_assert_max_num_queries(12):
        response = client.get(url(partnership, "school_plans"))
    assert response.content.decode().count("(1 versie)") == 12


def test_demo_school_plan_loads_once(partnership, member_of, schools):
    user = lead_of(partnership, member_of, schools[0])
    context = DemoContext(
        partnership=partnership, people={Role.PORTEFEUILLEHOUDER: user}
    )
    with scopes_disabled():
        demo_school_plan.load_demo(context)
        demo_school_plan.load_demo(context)
        versions = VisionVersion.objects.filter(school=schools[0])
        assert versions.count() == 2
        assert not VisionVersion.objects.exclude(school=schools[0]).exists()
        current = current_vision(partnership=partnership, school=schools[0])
        assert "meeloopdag" in current.ambition


def test_a_scan_action_point_lands_in_the_schools_plan(
    partnership, member_of, client_for, schools
):
    school, other = schools
    user = lead_of(partnership, member_of, school)
    scan = scan_of(school)
    with scopes_disabled():
        by = Membership.objects.get(partnership=partnership, user=user)
        point = scan_action_point(session=scan, element_key="ouders", by=by)
    client = logged_in(user)
    page = client.get(url(partnership, "school_plan", school.pk)).content.decode()
    assert point.title in page
    assert _("not handled yet") in page
    elsewhere = client.get(url(partnership, "school_plan", other.pk)).content.decode()
    assert point.title not in elsewhere
    # The coördinator handles it in the partnership's inbox, which names the school plan.
    coordinator = client_for("coordinator")
    inbox = coordinator.get(url(partnership, "inbox")).content.decode()
    assert url(partnership, "school_plan", school.pk) in inbox
    summary = coordinator.get(url(partnership, "plan")).content.decode()
    assert "1 open actiepunt uit de LOB-scan" in summary
    with scopes_disabled():
        triage_decline(point=point, by=by_coordinator(partnership), reason="Al gepland")
    page = client.get(url(partnership, "school_plan", school.pk)).content.decode()
    assert _("not handled yet") not in page
    assert _("not in the plan") in page
    summary = coordinator.get(url(partnership, "plan")).content.decode()
    assert "open actiepunt uit de LOB-scan" not in summary


def by_coordinator(partnership):
    return Membership.objects.filter(
        partnership=partnership, roles__role=Role.COORDINATOR
    ).first()


def test_school_plan_page_queries(
    partnership, member_of, client_for, schools, django_assert_max_num_queries
):
    school = schools[0]
    user = lead_of(partnership, member_of, school)
    with scopes_disabled():
        by = Membership.objects.get(partnership=partnership, user=user)
        for _n in range(3):
            scan = scan_of(school, people=3)
            for key in ("ouders", "reflectie"):
                scan_action_point(session=scan, element_key=key, by=by)
        vision_save(
            partnership=partnership, school=school, definition="", by=by, **TEXTS
        )
    client = logged_in(user)
    # Four more than the vision and action points alone: the school's goals (and the
    # reflectietool's themes), activities and budget lines.
    with django_assert_max_num_queries(18):
        response = client.get(url(partnership, "school_plan", school.pk))
    assert response.content.decode().count(_("not handled yet")) == 6
