"""The decaan's signals: the morning page, one signal, interventions and closing."""

import datetime

import pytest
from django.utils.translation import gettext
from django_scopes import scopes_disabled

from doorlopend.transitions.models import Intervention, Signal

from .pupil_setup import FATIMA, last_entry_pk, new_entries, world  # noqa: F401

pytestmark = pytest.mark.django_db
TODAY = datetime.date.today().isoformat()


def _signal(world, **fields):  # noqa: F811
    with scopes_disabled():
        return Signal.objects.create(
            partnership=world.partnership,
            transition=world.fatima_transition,
            raised_on=datetime.date(2026, 4, 1),
            **fields,
        )


def test_open_signals_are_grouped_by_kind(world):  # noqa: F811
    _signal(world, kind="no_registration")
    response = world.client(world.decaan_a).get(world.url("signal_list", world.vo_a))
    groups = response.context["groups"]
    assert [g.kind for g in groups] == ["no_registration", "backwards"]
    assert groups[1].signals[0].intervention_count == 1
    body = response.content.decode()
    assert FATIMA in body
    assert "2026" in body  # since when


def test_closed_signals_are_behind_a_filter(world):  # noqa: F811
    _signal(world, kind="no_registration", closed_at="2026-04-03T10:00Z")
    client = world.client(world.decaan_a)
    open_groups = client.get(world.url("signal_list", world.vo_a)).context["groups"]
    assert [g.kind for g in open_groups] == ["backwards"]
    closed = client.get(world.url("signal_list", world.vo_a), {"closed": "1"})
    assert [g.kind for g in closed.context["groups"]] == ["no_registration"]


def test_the_list_is_logged_and_bounded(world, django_assert_max_num_queries):  # noqa: F811
    client = world.client(world.decaan_a)
    with scopes_disabled():
        before = last_entry_pk()
    with django_assert_max_num_queries(11):
        client.get(world.url("signal_list", world.vo_a))
    with scopes_disabled():
        [entry] = new_entries(before)
    assert entry.object_ids == [world.fatima.pk]


def test_open_signals_come_in_pages_with_totals_per_kind(world, monkeypatch):  # noqa: F811
    from doorlopend.transitions.selectors import signals as signal_selectors

    monkeypatch.setattr(signal_selectors, "PER_PAGE", 1)
    _signal(world, kind="no_registration")  # first kind: page 1; backwards on page 2
    client = world.client(world.decaan_a)
    first = client.get(world.url("signal_list", world.vo_a))
    assert [g.kind for g in first.context["groups"]] == ["no_registration"]
    assert first.context["total"] == 2
    assert first.context["page"].paginator.num_pages == 2
    with scopes_disabled():
        before = last_entry_pk()
    second = client.get(world.url("signal_list", world.vo_a) + "?page=2")
    [group] = second.context["groups"]
    assert group.kind == "backwards" and group.total == 1
    with scopes_disabled():
        [entry] = new_entries(before)
    assert entry.object_ids == [world.fatima.pk]


def test_an_empty_list_is_kind(world):  # noqa: F811
    client = world.client(world.decaan_a)
    with scopes_disabled():
        Signal.objects.all().delete()
    body = client.get(world.url("signal_list", world.vo_a)).content.decode()
    assert (
        gettext(
            "No open signals. Every pupil of your school is on track, or every signal "
            "has been dealt with."
        )
        in body
    )


def test_the_signal_page_shows_pupil_history_and_interventions(world):  # noqa: F811
    body = (
        world.client(world.decaan_a)
        .get(world.url("signal_detail", world.vo_a, world.signal.pk))
        .content.decode()
    )
    assert FATIMA in body and "Gesprek met Fatima" in body and "ingetrokken" in body


def test_a_new_intervention_starts_as_the_readers_own_today(world):  # noqa: F811
    response = world.client(world.decaan_a).get(
        world.url("signal_detail", world.vo_a, world.signal.pk)
    )
    form = response.context["intervention_form"]
    assert form["who"].value() == world.decaan_a.get_full_name()
    assert str(form["on"].value()) == TODAY


def _add(world, user=None, **data):  # noqa: F811
    form = {"what": "Belafspraak met ouders", "who": "mentor", "on": TODAY, **data}
    return world.client(user or world.decaan_a).post(
        world.url("intervention_add", world.vo_a, world.signal.pk), form
    )


def test_an_intervention_is_added_and_redirects_back(world):  # noqa: F811
    with scopes_disabled():
        before = last_entry_pk()
    response = _add(world)
    assert response.status_code == 302
    assert response["Location"] == (
        world.url("signal_detail", world.vo_a, world.signal.pk) + "#interventions"
    )
    with scopes_disabled():
        added = Intervention.objects.get(what="Belafspraak met ouders")
        entries = new_entries(before)
    assert added.created_by == world.decaan_a
    assert {e.action for e in entries} == {"view", "create"}
    assert all(e.organisation_id == world.vo_a.pk for e in entries)


def test_a_second_submit_does_not_duplicate(world):  # noqa: F811
    _add(world)
    assert _add(world).status_code == 302
    with scopes_disabled():
        assert Intervention.objects.filter(what="Belafspraak met ouders").count() == 1
    # A different intervention is still welcome.
    _add(world, what="Huisbezoek")
    with scopes_disabled():
        assert Intervention.objects.filter(signal=world.signal).count() == 3


def test_an_incomplete_intervention_is_refused_and_re_shown(world):  # noqa: F811
    response = _add(world, who="", what="Mail aan de ouders")
    assert response.status_code == 200
    assert "who" in response.context["intervention_form"].errors
    assert "Mail aan de ouders" in response.content.decode()
    with scopes_disabled():
        assert not Intervention.objects.filter(what="Mail aan de ouders").exists()


def test_a_date_far_ahead_is_refused(world):  # noqa: F811
    response = _add(world, on="2099-01-01")
    assert response.context["intervention_form"].errors["on"] == [
        gettext("Choose a date within the coming year.")
    ]


def test_closing_needs_a_reason(world):  # noqa: F811
    client = world.client(world.decaan_a)
    url = world.url("signal_close", world.vo_a, world.signal.pk)
    response = client.post(url, {"reason": "  "})
    assert response.status_code == 200
    assert "reason" in response.context["close_form"].errors
    with scopes_disabled():
        assert Signal.objects.get(pk=world.signal.pk).closed_at is None


def test_closing_closes_once_and_is_logged(world):  # noqa: F811
    client = world.client(world.decaan_a)
    url = world.url("signal_close", world.vo_a, world.signal.pk)
    response = client.post(url, {"reason": "Aangemeld bij een andere opleiding"})
    assert response["Location"] == world.url("signal_list", world.vo_a)
    with scopes_disabled():
        first = Signal.objects.get(pk=world.signal.pk)
    assert first.close_reason == "Aangemeld bij een andere opleiding"
    assert first.closed_by == world.decaan_a
    client.post(url, {"reason": "Nog een keer"})
    with scopes_disabled():
        again = Signal.objects.get(pk=world.signal.pk)
    assert (
        again.closed_at == first.closed_at and again.close_reason == first.close_reason
    )
    # A closed signal takes no more interventions.
    assert _add(world, what="Te laat").status_code == 200
    with scopes_disabled():
        assert not Intervention.objects.filter(what="Te laat").exists()


def test_post_endpoints_refuse_get(world):  # noqa: F811
    client = world.client(world.decaan_a)
    for name in ("intervention_add", "signal_close"):
        url = world.url(name, world.vo_a, world.signal.pk)
        assert client.get(url).status_code == 405


def test_another_schools_signal_is_404(world):  # noqa: F811
    # B's decaan: Fatima left school A, not B.
    client = world.client(world.decaan_a)
    url_b = world.url("signal_detail", world.vo_b, world.signal.pk)
    assert client.get(url_b).status_code == 404


def test_other_partnership_and_wrong_role(world, client_for, other_partnership):  # noqa: F811
    url = world.url("signal_list", world.vo_a)
    assert (
        client_for("decaan", partnership=other_partnership).get(url).status_code == 404
    )
    assert client_for("landelijk_adviseur").get(url).status_code == 403
