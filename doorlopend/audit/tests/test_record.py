import pytest
from django.db import DatabaseError, connection, transaction
from django.test import RequestFactory

from doorlopend.accounts.tests.factories import UserFactory
from doorlopend.audit import services
from doorlopend.audit.models import AccessLogEntry, AppendOnlyError

pytestmark = pytest.mark.django_db


def test_record_writes_who_what_why_and_request_id(partnership):
    reader = UserFactory(email="decaan@example.org")
    request = RequestFactory().get("/")
    request.id = "req-12345678"
    entry = services.record(
        actor=reader,
        action="view",
        objects=[reader],
        purpose="Overdracht voorbereiden",
        partnership=partnership,
        request=request,
    )
    entry.refresh_from_db()
    assert entry.actor == reader
    assert entry.actor_label == f"decaan@example.org (#{reader.pk})"
    assert (entry.action, entry.object_type, entry.object_ids) == (
        "view",
        "accounts.user",
        [reader.pk],
    )
    assert (entry.purpose, entry.request_id, entry.partnership) == (
        "Overdracht voorbereiden",
        "req-12345678",
        partnership,
    )


def test_record_refuses_an_empty_purpose():
    with pytest.raises(ValueError, match="purpose"):
        services.record(actor=None, action="view", objects=[], purpose="  ")
    assert not AccessLogEntry.objects.exists()


def test_entry_keeps_who_it_was_after_the_account_is_gone():
    reader = UserFactory(email="weg@example.org")
    entry = services.record(
        actor=reader, action="export", objects=reader, purpose="Inzageverzoek"
    )
    reader.delete()
    entry = AccessLogEntry.objects.select_related("actor").get(pk=entry.pk)
    assert entry.actor is None
    assert entry.actor_label.startswith("weg@example.org")


def test_the_orm_cannot_change_or_delete_entries():
    entry = services.record(actor=None, action="view", objects=[], purpose="test")
    entry.purpose = "changed"
    with pytest.raises(AppendOnlyError):
        entry.save()
    with pytest.raises(AppendOnlyError):
        entry.delete()
    with pytest.raises(AppendOnlyError):
        AccessLogEntry.objects.all().update(purpose="changed")
    with pytest.raises(AppendOnlyError):
        AccessLogEntry.objects.all().delete()


def test_the_database_refuses_an_update_that_bypasses_the_orm():
    entry = services.record(actor=None, action="view", objects=[], purpose="test")
    with (
        pytest.raises(DatabaseError),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(
            "UPDATE audit_accesslogentry SET purpose = 'changed' WHERE id = %s",
            [entry.pk],
        )
    entry.refresh_from_db()
    assert entry.purpose == "test"
