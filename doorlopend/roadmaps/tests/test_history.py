"""An item's history in the reader's language, and older rows read back by the migration."""

import datetime
import importlib

import pytest
from django.apps import apps
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import formats, translation
from django.utils.html import escape
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled

from ..models import ItemChange, Status
from ..services import items
from . import factories
from .conftest import WIDE_ITEM

pytestmark = pytest.mark.django_db

raw_values = importlib.import_module(
    "doorlopend.roadmaps.migrations.0002_itemchange_raw_values"
)
DUE = datetime.date(2027, 2, 1)


def _reader(membership, language: str) -> Client:
    client = Client()
    client.force_login(membership.user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    return client


def _page(state, membership, language: str, client: Client | None = None) -> str:
    client = client or _reader(membership, language)
    url = reverse(
        "roadmaps:state_edit", args=[state.roadmap.partnership.slug, state.pk]
    )
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def _line(label: str, before: str, after: str) -> str:
    return f"<strong>{escape(label)}</strong>: {escape(before)} → {escape(after)}"


def test_a_change_made_under_english_reads_in_dutch(partnership, checklist):
    coordinator = factories.membership(partnership, "coordinator")
    reader = factories.membership(partnership, "docent")
    state = factories.state(checklist, WIDE_ITEM)
    with translation.override("en"), scopes_disabled():
        items.state_update(
            state=state,
            by=coordinator,
            status=Status.IN_PROGRESS,
            owner=coordinator,
            due_date=DUE,
        )
    body = _page(state, reader, "nl")
    with translation.override("nl"):
        expected = [
            _line(
                _("Status"),
                str(Status.NOT_STARTED.label),
                str(Status.IN_PROGRESS.label),
            ),
            _line(_("Owner"), "—", str(coordinator.user)),
            _line(_("Due date"), "—", formats.date_format(DUE, "j F Y")),
        ]
        english_status = _line("Status", "not started", "in progress")
    for line in expected:
        assert line in body
    assert "1 februari 2027" in body  # the month by its Dutch name
    assert english_status not in body
    # The same line reads in English to an English reader.
    body = _page(state, reader, "en")
    assert english_status in body
    assert _line("Due date", "—", "1 February 2027") in body


def test_the_owner_shows_by_present_name_or_by_the_name_kept(partnership, checklist):
    coordinator = factories.membership(partnership, "coordinator")
    owner = factories.membership(partnership, "werkgroeplid")
    state = factories.state(checklist, WIDE_ITEM)
    with scopes_disabled():
        items.state_update(state=state, by=coordinator, owner=owner)
        kept = str(owner.user)
        owner.user.name = "Nieuwe Naam"
        owner.user.save()
    with translation.override("nl"):
        label = _("Owner")
    assert _line(label, "—", "Nieuwe Naam") in _page(state, coordinator, "nl")
    with scopes_disabled():
        owner.delete()  # the member has gone: the name of the moment remains
    assert _line(label, "—", kept) in _page(state, coordinator, "nl")


def test_the_page_reads_history_in_a_bounded_number_of_queries(
    partnership, checklist, django_assert_max_num_queries
):
    coordinator = factories.membership(partnership, "coordinator")
    state = factories.state(checklist, WIDE_ITEM)
    people = [factories.membership(partnership, "werkgroeplid") for _n in range(5)]
    with scopes_disabled():
        for person in people:
            items.state_update(state=state, by=coordinator, owner=person)
    client = _reader(coordinator, "nl")
    _page(state, coordinator, "nl", client)  # warm caches
    with django_assert_max_num_queries(15):
        body = _page(state, coordinator, "nl", client)
    for person in people:
        assert escape(str(person.user)) in body


def _legacy(state, changes: dict) -> ItemChange:
    with scopes_disabled():
        return ItemChange.objects.create(state=state, changes=changes)


def test_the_migration_reads_older_rows_back_to_raw_values(partnership, checklist):
    coordinator = factories.membership(partnership, "coordinator")
    state = factories.state(checklist, WIDE_ITEM)
    dutch = _legacy(
        state,
        {
            "status": ["niet gestart", "gereed", "Status"],
            "due_date": ["", "1 maart 2027", "Streefdatum"],
            "owner": ["", str(coordinator.user), "Eigenaar"],
            "notes": ["", "Eerste opzet", "Notities"],
        },
    )
    english = _legacy(
        state,
        {
            "status": ["in progress", "not applicable", "Status"],
            "due_date": ["1 March 2027", "someday", "Due date"],
            "owner": ["Iemand die weg is", "", "Owner"],
        },
    )
    unknown = _legacy(state, {"status": ["en cours", "done", "Statut"]})
    raw_values.forwards(apps, None)
    with scopes_disabled():
        for change in (dutch, english, unknown):
            change.refresh_from_db()
    assert dutch.changes == {
        "status": ["not_started", "done"],
        "due_date": [None, "2027-03-01"],
        "owner": [None, {"id": coordinator.pk, "name": str(coordinator.user)}],
        "notes": ["", "Eerste opzet"],
    }
    assert english.changes == {
        "status": ["in_progress", "not_applicable"],
        "due_date": ["2027-03-01", "someday"],
        "owner": [{"id": None, "name": "Iemand die weg is"}, None],
    }
    assert unknown.changes == {"status": ["en cours", "done"]}
    # Unknown words are shown as they are; known ones in the reader's language.
    with translation.override("nl"):
        assert unknown.rows == [(_("Status"), "en cours", str(Status.DONE.label))]
        assert english.rows[1] == (_("Owner"), "Iemand die weg is", "")
        assert english.rows[2] == (
            _("Due date"),
            formats.date_format(datetime.date(2027, 3, 1), "j F Y"),
            "someday",
        )
    # Running it again changes nothing; going back gives words again.
    raw_values.forwards(apps, None)
    with scopes_disabled():
        assert ItemChange.objects.get(pk=dutch.pk).changes == dutch.changes
        raw_values.backwards(apps, None)
        assert ItemChange.objects.get(pk=dutch.pk).changes["status"] == [
            "not started",
            "done",
            "",
        ]
