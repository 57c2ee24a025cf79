"""A participant may leave an e-mail address for the report: kept apart from the answers,
used once, then deleted (also with the session, and when no report comes)."""

import datetime

import pytest
from django.core import mail
from django.core.cache import cache
from django.urls import reverse
from django_scopes import scope, scopes_disabled

from doorlopend.partnerships.models import Membership

from .. import report as report_module
from ..choices import State
from ..export import results_xlsx
from ..models import Participant, ReportAddress
from ..services import reports, session_delete
from ..services.report_mail import report_addresses_expire
from .factories import SessionFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("mail_worker")]


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()  # the wrong-code counter lives in the cache


def url(name: str, session) -> str:
    return reverse(f"participate:{name}", args=[session.join_code])


def joined(client, session):
    client.post(url("join", session), {"sector": "mbo", "layer": "management"})
    return client


def addresses(session) -> list[str]:
    with scopes_disabled():
        return list(
            ReportAddress.objects.filter(session=session).values_list(
                "email", flat=True
            )
        )


def test_the_thank_you_page_offers_the_report_by_mail(client, partnership):
    session = SessionFactory(partnership=partnership)
    page = joined(client, session).get(url("done", session)).content.decode()
    assert "Rapport per e-mail ontvangen" in page
    assert "Optioneel." in page


def test_a_wrong_address_is_refused_and_shown_again(client, partnership):
    session = SessionFactory(partnership=partnership)
    response = joined(client, session).post(
        url("report_address", session), {"email": "geen-adres"}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Voer een geldig e-mailadres in." in page
    assert 'value="geen-adres"' in page
    assert addresses(session) == []


def test_the_address_is_kept_apart_from_the_answers(client, partnership):
    session = SessionFactory(partnership=partnership, title="Reflectie voorjaar")
    response = joined(client, session).post(
        url("report_address", session), {"email": "Lid@School.nl"}, follow=True
    )
    assert "We mailen je het rapport als het klaar is." in response.content.decode()
    assert addresses(session) == ["lid@school.nl"]
    field_names = {f.name for f in ReportAddress._meta.get_fields()}
    assert field_names == {
        "id",
        "session",
        "email",
        "language",
    }  # no participant, no time
    assert "email" not in {f.name for f in Participant._meta.get_fields()}
    with scope(partnership=partnership):
        session.state = State.CLOSED
        session.save()
        workbook = results_xlsx(session)
    assert b"lid@school.nl" not in workbook


def test_the_report_is_mailed_once_and_the_address_deleted(
    client,
    partnership,
    member_of,
    django_capture_on_commit_callbacks,
    monkeypatch,
    settings,
    tmp_path,
):
    settings.MEDIA_ROOT = tmp_path
    monkeypatch.setattr(
        report_module, "report_pdf", lambda session, progress: b"%PDF-1.7 rapport"
    )
    session = SessionFactory(partnership=partnership, title="Reflectie voorjaar")
    joined(client, session).post(
        url("report_address", session), {"email": "a@school.nl"}
    )
    with scopes_disabled():
        session.state = State.CLOSED
        session.save()
        asker = Membership.objects.get(
            partnership=partnership, user=member_of(partnership, "werkgroeplid")
        )
    with (
        scope(partnership=partnership),
        django_capture_on_commit_callbacks(execute=True),
    ):
        reports.report_request(session=session, by=asker)
    [message] = [m for m in mail.outbox if m.to == ["a@school.nl"]]
    assert message.subject == "Het rapport van „Reflectie voorjaar”"
    assert "nu verwijderd" in message.body
    [(name, content, mimetype)] = message.attachments
    assert (content, mimetype) == (b"%PDF-1.7 rapport", "application/pdf")
    assert name.endswith(".pdf")
    assert addresses(session) == []


def test_addresses_go_with_their_session_and_after_a_month(partnership):
    kept = SessionFactory(partnership=partnership, date=datetime.date(2027, 3, 1))
    old = SessionFactory(partnership=partnership, date=datetime.date(2027, 1, 1))
    gone = SessionFactory(partnership=partnership)
    with scopes_disabled():
        for session in (kept, old, gone):
            ReportAddress.objects.create(session=session, email="x@school.nl")
    gone_id = gone.pk
    with scope(partnership=partnership):
        session_delete(session=gone)
    with scopes_disabled():
        assert not ReportAddress.objects.filter(session_id=gone_id).exists()
    assert report_addresses_expire(today=datetime.date(2027, 3, 15)) == 1
    assert addresses(old) == []
    assert addresses(kept) == ["x@school.nl"]
