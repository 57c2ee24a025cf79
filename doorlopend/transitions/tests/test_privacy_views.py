"""The privacy officer's pages: the school's access log (page and CSV) and retention."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from django_scopes import scopes_disabled

from doorlopend.audit.models import AccessLogEntry
from doorlopend.audit.services import record
from doorlopend.transitions.models import Pupil, Transition

from .pupil_setup import FATIMA, world  # noqa: F401

pytestmark = pytest.mark.django_db


def _url(world, name, school=None):  # noqa: F811
    return reverse(
        f"transitions:{name}", args=[world.partnership.slug, (school or world.vo_a).pk]
    )


def _entry(world, school, pupils, action="view", purpose="testen"):  # noqa: F811
    return record(
        actor=world.decaan_a,
        action=action,
        objects=pupils,
        purpose=purpose,
        partnership=world.partnership,
        organisation=school,
    )


def test_the_log_shows_the_schools_entries_by_number(world):  # noqa: F811
    _entry(world, world.vo_a, [world.fatima, world.bram], purpose="lijst bekeken")
    _entry(world, world.vo_b, [world.chris], purpose="van een andere school")
    response = world.client(world.privacy_a).get(_url(world, "privacy_log"))
    body = response.content.decode()
    assert "lijst bekeken" in body and f"#{world.fatima.pk}" in body
    assert "van een andere school" not in body
    assert FATIMA not in body and world.decaan_a.email in body


def test_the_log_filters_by_action_and_dates(world):  # noqa: F811
    _entry(world, world.vo_a, [world.fatima], action="view", purpose="pagina-geopend")
    _entry(world, world.vo_a, [world.fatima], action="export", purpose="inzage")
    client = world.client(world.privacy_a)
    body = client.get(_url(world, "privacy_log"), {"action": "export"}).content.decode()
    assert "inzage" in body and "pagina-geopend" not in body
    today = timezone.localdate()
    tomorrow = (today + datetime.timedelta(days=1)).isoformat()
    later = client.get(_url(world, "privacy_log"), {"date_from": tomorrow})
    assert "inzage" not in later.content.decode()
    same_day = client.get(
        _url(world, "privacy_log"),
        {"date_from": today.isoformat(), "date_to": today.isoformat()},
    )
    assert "inzage" in same_day.content.decode()
    wrong = client.get(
        _url(world, "privacy_log"),
        {"date_from": tomorrow, "date_to": today.isoformat()},
    )
    assert wrong.context["form"].errors


def test_the_log_is_paged_and_bounded(world, django_assert_max_num_queries):  # noqa: F811
    for n in range(60):
        _entry(world, world.vo_a, [world.fatima], purpose=f"keer {n}")
    client = world.client(world.privacy_a)
    with django_assert_max_num_queries(10):
        response = client.get(_url(world, "privacy_log"))
    assert response.context["page"].paginator.num_pages == 2


def test_the_csv_holds_who_when_what_which_pupils_and_why(world):  # noqa: F811
    _entry(world, world.vo_a, [world.fatima, world.bram], purpose="lijst bekeken")
    _entry(world, world.vo_b, [world.chris], purpose="van een andere school")
    response = world.client(world.privacy_a).get(_url(world, "privacy_log_export"))
    assert response["Content-Type"].startswith("text/csv")
    text = b"".join(response.streaming_content).decode()
    lines = text.strip().splitlines()
    assert len(lines) == 2  # header and one entry
    assert f"{world.fatima.pk} {world.bram.pk}" in lines[1]
    assert "lijst bekeken" in lines[1] and world.decaan_a.email in lines[1]
    assert "van een andere school" not in text and FATIMA not in text


def test_only_the_schools_privacy_officer(world, member_of, client_for):  # noqa: F811
    # The privacy officer of A asking for B's log.
    client = world.client(world.privacy_a)
    assert client.get(_url(world, "privacy_log", world.vo_b)).status_code == 404
    assert client.get(_url(world, "retention_report", world.vo_b)).status_code == 404
    # A decaan of A holds no transitions.privacy.
    assert (
        world.client(world.decaan_a).get(_url(world, "privacy_log")).status_code == 403
    )


def test_other_partnership(world, client_for, other_partnership):  # noqa: F811
    outsider = client_for("privacy_officer", partnership=other_partnership)
    for name in ("privacy_log", "privacy_log_export", "retention_report"):
        assert outsider.get(_url(world, name)).status_code == 404


def test_the_retention_report_lists_due_pupils_by_number(world):  # noqa: F811
    with scopes_disabled():
        Transition.objects.filter(pupil=world.fatima).update(
            status="gestart", status_on="2024-09-01", final_on="2024-09-01"
        )
        Pupil.objects.filter(pk=world.fatima.pk).update(
            erase_announced_at=timezone.now()
        )
    response = world.client(world.privacy_a).get(_url(world, "retention_report"))
    [row] = response.context["rows"]
    assert row.pupil_id == world.fatima.pk
    assert row.announced_on == timezone.localdate()
    assert row.erase_from == timezone.localdate() + datetime.timedelta(days=14)
    body = response.content.decode()
    assert f"#{world.fatima.pk}" in body and FATIMA not in body


def test_the_retention_report_calls_retention_due_for_the_school(world, monkeypatch):  # noqa: F811
    from doorlopend.transitions.selectors import retention

    calls = []

    def fake(*, partnership, organisation=None, today=None):
        calls.append((partnership, organisation))
        return []

    monkeypatch.setattr(retention, "retention_due", fake)
    response = world.client(world.privacy_a).get(_url(world, "retention_report"))
    assert calls == [(world.partnership, world.vo_a)]
    assert response.context["rows"] == []


def test_reading_the_log_changes_nothing(world):  # noqa: F811
    before = AccessLogEntry.objects.count()
    world.client(world.privacy_a).get(_url(world, "privacy_log"))
    assert AccessLogEntry.objects.count() == before
