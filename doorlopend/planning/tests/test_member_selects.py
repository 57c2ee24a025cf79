"""Owner and person selects offer only members who may open the item they are given.

A landelijk adviseur holds none of the staff pages (planning, roadmaps, reflection): made
owner of a task or a roadmap row, they would get a 403 on the very item they own.
"""

import re

import pytest
from django.test import Client
from django.urls import reverse
from django_scopes import scope, scopes_disabled

from doorlopend.partnerships.models import Membership
from doorlopend.reflection.forms.actions import ActionPointForm
from doorlopend.reflection.models import ActionPoint
from doorlopend.roadmaps.forms import ItemStateForm
from doorlopend.roadmaps.tests import factories as roadmap_factories

from ..forms.activities import PersonForm
from ..forms.communication import CommunicationItemForm
from ..forms.goals import GoalForm
from ..forms.inbox import TaskTriageForm
from ..forms.tasks import TaskFilterForm, TaskForm

pytestmark = pytest.mark.django_db

ROLES = ("coordinator", "docent", "privacy_officer", "landelijk_adviseur")

FORMS = {
    "goal owner": (GoalForm, "owner", {}),
    "task owner": (TaskForm, "owner", {}),
    "task filter": (TaskFilterForm, "owner", {}),
    "triage owner": (TaskTriageForm, "owner", {"point": ActionPoint(title="x")}),
    "communication owner": (CommunicationItemForm, "owner", {}),
    "activity person": (PersonForm, "membership", {}),
    "roadmap owner": (ItemStateForm, "owner", {}),
    "action point owner": (ActionPointForm, "owner_member", {}),
}


@pytest.fixture
def members(partnership, member_of) -> dict[str, Membership]:
    users = {role: member_of(partnership, role) for role in ROLES}
    with scopes_disabled():
        return {
            role: Membership.objects.get(partnership=partnership, user=user)
            for role, user in users.items()
        }


@pytest.mark.parametrize("name", FORMS)
def test_a_select_offers_only_members_who_may_open_the_item(name, partnership, members):
    form_class, field, extra = FORMS[name]
    with scope(partnership=partnership):
        form = form_class(partnership=partnership, **extra)
        offered = set(form.fields[field].queryset)
    assert members["coordinator"] in offered
    assert members["docent"] in offered
    # The privacy officer is on staff (planning.view, roadmaps.view, reflection.view).
    assert members["privacy_officer"] in offered
    assert members["landelijk_adviseur"] not in offered


def test_everyone_offered_as_owner_of_a_roadmap_row_can_open_it(partnership, members):
    checklist = roadmap_factories.checklist(partnership)
    state = roadmap_factories.state(checklist, "doelen-smart")
    url = reverse("roadmaps:state_edit", args=[partnership.slug, state.pk])
    coordinator = Client()
    coordinator.force_login(members["coordinator"].user)
    page = coordinator.get(url).content.decode()
    select = re.search(r'<select name="owner".*?</select>', page, re.S).group(0)
    offered = {int(pk) for pk in re.findall(r'value="(\d+)"', select)}
    assert members["landelijk_adviseur"].pk not in offered
    for membership in members.values():
        if membership.pk in offered:
            client = Client()
            client.force_login(membership.user)
            assert client.get(url).status_code == 200, membership
