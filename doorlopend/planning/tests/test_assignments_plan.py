"""The plan page's three sections (tasks, communication, schools) render in few queries."""

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils import timezone
from django_scopes import scope

from doorlopend.partnerships.tests.factories import SchoolFactory
from doorlopend.planning.selectors.assignments import plan_assignments
from doorlopend.planning.selectors.communication import plan_communication
from doorlopend.planning.selectors.tasks import plan_tasks

from .factories import ChangeAssignmentFactory, CommunicationItemFactory, TaskFactory
from .test_tasks import membership

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def test_plan_sections(partnership, member_of, django_assert_max_num_queries):
    me = membership(partnership, member_of(partnership))
    for n in range(10):
        school = SchoolFactory(partnership=partnership, name=f"School {n:02d}")
        ChangeAssignmentFactory(partnership=partnership, organisation=school)
        TaskFactory(
            partnership=partnership, owner=me, title=f"Taak {n}", due_date=TODAY
        )
        CommunicationItemFactory(partnership=partnership, moment=TODAY)
    request = RequestFactory().get("/")
    request.partnership = partnership
    request.membership = me
    with scope(partnership=partnership), django_assert_max_num_queries(7):
        args = {"partnership": partnership, "membership": me, "today": TODAY}
        html = render_to_string(
            "planning/plan/_tasks.html", {"tasks": plan_tasks(**args)}, request
        )
        html += render_to_string(
            "planning/plan/_communication.html",
            {"communication": plan_communication(**args)},
            request,
        )
        html += render_to_string(
            "planning/plan/_assignments.html",
            {"assignments": plan_assignments(**args)},
            request,
        )
    assert html.count("<section") == 3
    assert "School 09" in html
    assert "Taak 0" in html
