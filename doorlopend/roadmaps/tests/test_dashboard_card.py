"""The roadmaps card for the partnership's overview page (an inclusion tag)."""

import datetime

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_scopes import scope, scopes_disabled

from ..models import ItemState, Status
from . import factories
from .conftest import WIDE_ITEM

pytestmark = pytest.mark.django_db


def _card(partnership, membership) -> str:
    request = RequestFactory().get("/")
    request.partnership, request.membership = partnership, membership
    with scope(partnership=partnership):
        return Template("{% load roadmaps_dashboard %}{% roadmaps_card %}").render(
            Context({"request": request})
        )


def test_card_shows_checklist_progress_overdue_and_mine(partnership, checklist):
    me = factories.membership(partnership, "werkgroeplid")
    with scopes_disabled():
        ItemState.objects.filter(pk=factories.state(checklist, WIDE_ITEM).pk).update(
            owner=me,
            status=Status.IN_PROGRESS,
            due_date=timezone.localdate() - datetime.timedelta(days=1),
        )
    html = _card(partnership, me)
    overdue = ngettext(
        "%(counter)s item is overdue", "%(counter)s items are overdue", 1
    )
    mine = ngettext(
        "%(counter)s open item is assigned to you",
        "%(counter)s open items are assigned to you",
        1,
    )
    assert overdue % {"counter": 1} in html
    assert mine % {"counter": 1} in html


def test_card_before_the_checklist_was_opened(partnership):
    me = factories.membership(partnership, "stuurgroep")
    html = _card(partnership, me)
    assert _("The checklist has not been opened yet.") in html
