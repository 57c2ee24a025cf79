"""The receiving school's pages: who sees which dossier, which parts, and the access log."""

import pytest
from django.urls import reverse
from django.utils.translation import gettext_lazy
from django_scopes import scopes_disabled

from doorlopend.dossier.models import Handover
from doorlopend.dossier.services import parts
from doorlopend.transitions.models import StatusEvent, Transition
from doorlopend.transitions.selectors._audit import stored
from doorlopend.transitions.tests.pupil_setup import last_entry_pk, new_entries

from .handover_helpers import approve, handed, register, world  # noqa: F401

pytestmark = pytest.mark.django_db


def test_the_mbo_decaan_reads_the_approved_parts_of_a_registered_pupil(handed):  # noqa: F811
    w = handed.world
    page = handed.client(w.decaan_mbo).get(handed.url("incoming_list"))
    assert page.status_code == 200
    assert "Fatima" in page.content.decode()
    detail = handed.client(w.decaan_mbo).get(handed.detail)
    assert detail.status_code == 200
    text = detail.content.decode()
    assert "Niveau 3 past goed" in text and "Rustige plek" in text
    with scopes_disabled():
        handover = Handover.objects.get(dossier=handed.dossier)
    assert handover.first_read_at is not None
    assert handover.receiving_organisation == w.mbo


def test_the_intake_reads_too_but_not_the_monitors_pupils(handed):  # noqa: F811
    w = handed.world
    client = handed.client(handed.intake)
    assert client.get(handed.detail).status_code == 200
    pupils = reverse("transitions:pupil_list", args=[w.partnership.slug, w.mbo.pk])
    assert client.get(pupils).status_code == 403


def test_an_unapproved_part_is_not_shown(handed):  # noqa: F811
    w = handed.world
    with scopes_disabled():
        parts.part_b_save(
            dossier=handed.dossier,
            advice="Nieuw advies, nog niet gelezen",
            attendance_results="Altijd aanwezig",
            by=handed.membership(w.mentor_a),
        )
    text = handed.client(w.decaan_mbo).get(handed.detail).content.decode()
    assert "Nieuw advies" not in text and "Niveau 3" not in text
    assert "Rustige plek" in text  # part A is still approved


def test_another_mbo_school_and_the_sending_mentor_get_404(handed):  # noqa: F811
    w = handed.world
    other = handed.url("incoming_detail", w.fatima_transition.pk, school=handed.mbo_n)
    assert handed.client(handed.decaan_n).get(other).status_code == 404
    assert handed.client(handed.decaan_n).get(handed.detail).status_code == 404
    # The vo mentor holds no dossier.receive at all.
    assert handed.client(w.mentor_a).get(handed.detail).status_code == 403
    vo_url = handed.url("incoming_detail", w.fatima_transition.pk, school=w.vo_a)
    assert handed.client(w.decaan_a).get(vo_url).status_code == 404


def test_a_withdrawn_registration_hands_nothing(handed):  # noqa: F811
    w = handed.world
    register(w.fatima_transition, "ingetrokken")
    assert handed.client(w.decaan_mbo).get(handed.detail).status_code == 404
    page = handed.client(w.decaan_mbo).get(handed.url("incoming_list"))
    assert "Fatima" not in page.content.decode()


def test_a_pupil_not_registered_here_is_404(handed):  # noqa: F811
    w = handed.world
    with scopes_disabled():
        chris = w.chris.transitions.get()
        dossier = parts.dossier_get_or_create(transition=chris)
        parts.part_a_field_save(dossier=dossier, field="choice", text="x")
    approve(dossier, "a")
    # Chris applied to M but his transition has no active status: nothing handed.
    url = handed.url("incoming_detail", chris.pk)
    assert handed.client(w.decaan_mbo).get(url).status_code == 404


def test_revoking_consent_hides_part_c_at_once(handed):  # noqa: F811
    w = handed.world
    with scopes_disabled():
        parts.part_c_save(
            dossier=handed.dossier,
            support_needed=True,
            care="Extra tijd bij toetsen",
            by=handed.membership(w.mentor_a),
        )
    approve(handed.dossier, "c")
    with scopes_disabled():
        parts.consent_give(dossier=handed.dossier, who="pupil")
        parts.consent_give(dossier=handed.dossier, who="parent")
    client = handed.client(w.decaan_mbo)
    assert "Extra tijd bij toetsen" in client.get(handed.detail).content.decode()
    with scopes_disabled():
        parts.consent_revoke(dossier=handed.dossier, who="pupil")
    assert "Extra tijd bij toetsen" not in client.get(handed.detail).content.decode()


def test_every_read_is_logged_for_both_schools(handed):  # noqa: F811
    w = handed.world
    since = last_entry_pk()
    handed.client(handed.intake).get(handed.detail)
    with scopes_disabled():
        entries = new_entries(since)
    assert {e.organisation_id for e in entries} == {w.mbo.pk, w.vo_a.pk}
    assert all(e.object_ids == [w.fatima.pk] for e in entries)
    assert len({e.request_id for e in entries}) == 1
    # Both privacy officers see the read on their school's access log.
    for officer, school in ((w.privacy_a, w.vo_a), (handed.privacy_mbo, w.mbo)):
        url = reverse("transitions:privacy_log", args=[w.partnership.slug, school.pk])
        page = handed.client(officer).get(url).content.decode()
        assert (
            stored(gettext_lazy("doorstroomdossier: read by the receiving school"))
            in page
        )


def test_the_list_logs_its_pupils_and_writes_no_read(handed):  # noqa: F811
    w = handed.world
    since = last_entry_pk()
    handed.client(w.decaan_mbo).get(handed.url("incoming_list"))
    with scopes_disabled():
        assert len(new_entries(since)) == 2
        assert not Handover.objects.exists()


def test_kept_elsewhere_shows_only_the_date(handed):  # noqa: F811
    import datetime

    from doorlopend.dossier.models import DossierAgreement

    w = handed.world
    with scopes_disabled():
        DossierAgreement.objects.create(partnership=w.partnership, kind="ddd")
        parts.kept_elsewhere_record(
            dossier=handed.dossier,
            on=datetime.date(2026, 3, 20),
            by=handed.membership(w.decaan_a),
        )
    text = handed.client(w.decaan_mbo).get(handed.detail).content.decode()
    assert "20 maart 2026" in text or "20 March 2026" in text
    assert "Niveau 3" not in text and "Rustige plek" not in text


def test_other_partnership_404(handed, other_partnership, member_of):  # noqa: F811
    outsider = member_of(other_partnership, "decaan")
    assert handed.client(outsider).get(handed.detail).status_code == 404


def test_list_queries(handed, django_assert_max_num_queries):  # noqa: F811
    """The same number of queries for one pupil or twelve."""
    from doorlopend.transitions.tests.factories import TransitionFactory

    w = handed.world
    with scopes_disabled():
        for t in TransitionFactory.create_batch(
            12,
            partnership=w.partnership,
            sending_organisation=w.vo_b,
            receiving_organisation=w.mbo,
            cohort=w.fatima_transition.cohort,
            status="intake",
        ):
            dossier = parts.dossier_get_or_create(transition=t)
            parts.part_a_field_save(dossier=dossier, field="choice", text="x")
            approve(dossier, "a")
    client = handed.client(w.decaan_mbo)
    # 19 with 2 pupils as with 13: the guard, the agreement, transitions, dossiers with
    # approvals, consents, handovers and questions, and the two access-log entries.
    with django_assert_max_num_queries(19):
        page = client.get(handed.url("incoming_list"))
    assert page.status_code == 200
    assert page.content.decode().count("/dossier/ontvangen/") >= 13


def test_the_overview_card_counts_the_dossiers_not_read_yet(handed):  # noqa: F811
    w = handed.world
    home = reverse("partnerships:dashboard", args=[w.partnership.slug])
    client = handed.client(handed.intake)
    page = client.get(home).content.decode()
    assert handed.url("incoming_list") in page
    assert "1 nog niet gelezen" in page or "1 not read yet" in page
    client.get(handed.detail)
    page = client.get(home).content.decode()
    assert "nog niet gelezen" not in page and "not read yet" not in page


def test_the_intake_pdf_holds_the_handed_parts_only_and_is_logged(handed):  # noqa: F811
    """The PDF for the intake interview: the approved parts, part C only while the pupil
    consents; a read for both schools' logs; another mbo school gets 404."""
    from doorlopend.core.testing.pdf import pdf_text

    w = handed.world
    with scopes_disabled():
        parts.part_c_save(
            dossier=handed.dossier,
            support_needed=True,
            care="Extra tijd bij toetsen",
            by=handed.membership(w.mentor_a),
        )
    approve(handed.dossier, "c")
    with scopes_disabled():
        parts.consent_give(dossier=handed.dossier, who="pupil")
        parts.consent_give(dossier=handed.dossier, who="parent")
    url = handed.url("incoming_pdf", w.fatima_transition.pk)
    assert url in handed.client(handed.intake).get(handed.detail).content.decode()
    since = last_entry_pk()
    response = handed.client(handed.intake).get(url)
    assert response["Content-Type"] == "application/pdf"
    text = " ".join(pdf_text(response.content).split())
    assert "Niveau 3 past goed" in text and "Extra tijd bij toetsen" in text
    with scopes_disabled():
        entries = new_entries(since)
        assert {e.organisation_id for e in entries} == {w.mbo.pk, w.vo_a.pk}
        assert all(e.action == "view" for e in entries)
        assert Handover.objects.get(dossier=handed.dossier).first_read_at is not None
        parts.consent_revoke(dossier=handed.dossier, who="pupil")
    again = handed.client(handed.intake).get(url)
    assert "Extra tijd bij toetsen" not in " ".join(pdf_text(again.content).split())
    other = handed.url("incoming_pdf", w.fatima_transition.pk, school=handed.mbo_n)
    assert handed.client(handed.decaan_n).get(other).status_code == 404


def test_the_first_read_shows_dossier_ontvangen_in_the_monitor_once(handed):  # noqa: F811
    w = handed.world
    client = handed.client(w.decaan_mbo)
    client.get(handed.detail)
    client.get(handed.detail)
    with scopes_disabled():
        transition = Transition.objects.get(pk=w.fatima_transition.pk)
        events = list(
            StatusEvent.objects.filter(transition=transition).values_list(
                "status", flat=True
            )
        )
    assert transition.status == "dossier_ontvangen"
    assert events.count("dossier_ontvangen") == 1


@pytest.mark.parametrize("status", ["ovk_aangeboden", "ingeschreven"])
def test_a_later_read_does_not_put_the_monitors_status_back(handed, status):  # noqa: F811
    w = handed.world
    register(w.fatima_transition, status=status)
    handed.client(w.decaan_mbo).get(handed.detail)
    with scopes_disabled():
        transition = Transition.objects.get(pk=w.fatima_transition.pk)
        assert transition.status == status
        assert not StatusEvent.objects.filter(
            transition=transition, status="dossier_ontvangen"
        ).exists()
