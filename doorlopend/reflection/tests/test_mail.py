"""E-mail from reflection: an action point's new owner, and 'your report is ready'."""

import datetime

import pytest
from django.core import mail
from django_scopes import scope, scopes_disabled

from doorlopend.partnerships.models import Membership

from .. import report as report_module
from ..choices import ActionStatus, State
from ..models import Report
from ..notify import reminders_send
from ..services import discussion, reports
from .factories import ActionPointFactory, SessionFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("mail_worker")]


def membership(partnership, user) -> Membership:
    with scopes_disabled():
        return Membership.objects.prefetch_related("roles").get(
            partnership=partnership, user=user
        )


def test_an_action_points_owner_hears_of_it(
    partnership, member_of, django_capture_on_commit_callbacks
):
    chair = membership(partnership, member_of(partnership, "werkgroeplid"))
    owner = membership(partnership, member_of(partnership, "ambassadeur"))
    session = SessionFactory(partnership=partnership, state=State.CLOSED)
    with (
        scope(partnership=partnership),
        django_capture_on_commit_callbacks(execute=True),
    ):
        point = discussion.action_point_create(
            session=session, by=chair, title="Stagebank vullen"
        )
        discussion.action_point_update(point=point, by=chair, owner_member=owner)
        discussion.action_point_update(point=point, by=chair, title="Stagebank vullen!")
    [message] = mail.outbox
    assert message.to == [owner.user.email]
    assert "een actiepunt gegeven" in message.body
    assert "Stagebank vullen" in message.subject


def test_the_person_who_asked_hears_the_report_is_ready(
    partnership,
    member_of,
    django_capture_on_commit_callbacks,
    monkeypatch,
    settings,
    tmp_path,
):
    settings.MEDIA_ROOT = tmp_path
    monkeypatch.setattr(
        report_module, "report_pdf", lambda session, progress: b"%PDF-1.7"
    )
    asker = membership(partnership, member_of(partnership, "werkgroeplid"))
    asker.user.language = "en"
    asker.user.save()
    session = SessionFactory(partnership=partnership, state=State.CLOSED, title="Juni")
    with (
        scope(partnership=partnership),
        django_capture_on_commit_callbacks(execute=True),
    ):
        report = reports.report_request(session=session, by=asker)
    with scopes_disabled():
        assert Report.objects.get(pk=report.pk).status == Report.Status.DONE
    [message] = mail.outbox
    assert message.to == [asker.user.email]
    assert message.subject.startswith("Your report is ready: Juni")
    assert f"/reflectie/{session.pk}/report/{report.pk}/" in message.body


def test_an_open_action_points_owner_is_reminded_once_and_a_done_one_not(
    partnership, member_of, django_capture_on_commit_callbacks
):
    today = datetime.date(2026, 12, 4)
    owner = membership(partnership, member_of(partnership, "ambassadeur"))
    ActionPointFactory(
        session__partnership=partnership,
        owner_member=owner,
        title="Stagebank vullen",
        due_date=today + datetime.timedelta(days=1),
    )
    ActionPointFactory(
        session__partnership=partnership,
        owner_member=owner,
        title="Al gedaan",
        due_date=today + datetime.timedelta(days=1),
        status=ActionStatus.GEREED,
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert reminders_send(today=today) == 1
        assert reminders_send(today=today) == 0  # once per point and due date
    [message] = mail.outbox
    assert message.to == [owner.user.email]
    assert "Stagebank vullen" in message.subject
