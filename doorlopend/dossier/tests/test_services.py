"""The dossier's rules: versions and approvals, disagreement, consent to part C, links,
encryption at rest and erasure."""

import datetime
import io
import json

import pytest
from cryptography.fernet import Fernet
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import connection
from django.utils import timezone
from django_scopes import scopes_disabled

from doorlopend.dossier import selectors
from doorlopend.dossier.models import Approval, Dossier, DossierLink
from doorlopend.dossier.services import links, parts
from doorlopend.transitions.models import Pupil, Signal
from doorlopend.transitions.privacy import _fernet
from doorlopend.transitions.services.erasure import pupils_erase

from .helpers import dossier_of, filled, fresh, member, world  # noqa: F401

pytestmark = pytest.mark.django_db


def _approve(dossier, part, decision="approved", comment="", by="pupil"):
    with scopes_disabled():
        return parts.approval_record(
            dossier=dossier,
            part=part,
            version=fresh(dossier).version_of(part),
            decision=decision,
            who=by,
            comment=comment,
        )


def test_a_version_goes_up_only_when_the_text_changes(world):  # noqa: F811
    dossier = dossier_of(world)
    with scopes_disabled():
        assert parts.part_a_field_save(dossier=dossier, field="choice", text="Stage")
        assert not parts.part_a_field_save(
            dossier=dossier, field="choice", text=" Stage "
        )
        assert fresh(dossier).a_version == 1
        assert parts.part_b_save(
            dossier=dossier, advice="x", attendance_results="", by=None
        )
        assert not parts.part_b_save(
            dossier=dossier, advice="x", attendance_results="", by=None
        )
    assert fresh(dossier).b_version == 1


def test_a_change_after_approval_needs_a_new_approval(filled):  # noqa: F811
    _approve(filled, "b")
    with scopes_disabled():
        assert selectors.is_approved(fresh(filled), "b")
        parts.part_b_save(
            dossier=filled, advice="Niveau 4", attendance_results="", by=None
        )
        state = selectors.part_state(fresh(filled), "b")
    assert not state.approved and state.stale and state.status == "changed"
    _approve(filled, "b")
    with scopes_disabled():
        assert selectors.is_approved(fresh(filled), "b")


def test_approving_an_old_version_is_refused(filled):  # noqa: F811
    with scopes_disabled():
        parts.part_a_field_save(dossier=filled, field="learning", text="Doen")
        with pytest.raises(
            ValidationError, match="veranderd terwijl je las|changed while"
        ):
            parts.approval_record(
                dossier=filled, part="a", version=1, decision="approved", who="pupil"
            )


def test_approving_twice_records_once(filled):  # noqa: F811
    first = _approve(filled, "a")
    second = _approve(filled, "a")
    assert first.pk == second.pk
    with scopes_disabled():
        assert Approval.objects.filter(dossier=filled).count() == 1


def test_disagreeing_with_part_b_needs_a_comment_and_opens_a_signal(
    world,  # noqa: F811
    filled,  # noqa: F811
):
    with pytest.raises(ValidationError):
        _approve(filled, "b", decision="disagreed")
    with pytest.raises(ValidationError):
        _approve(filled, "a", decision="disagreed", comment="nee")
    _approve(filled, "b", decision="disagreed", comment="Ik wil niveau 4")
    with scopes_disabled():
        signal = Signal.objects.get(
            transition=world.fatima_transition, kind="dossier_disagreement"
        )
        state = selectors.part_state(fresh(filled), "b")
        visible = selectors.visible_parts(fresh(filled))
    assert signal.kind == "dossier_disagreement" and signal.is_open
    assert state.disagreed and not state.approved
    assert "b" not in visible


def _support(dossier, world):  # noqa: F811
    with scopes_disabled():
        parts.part_c_save(
            dossier=dossier,
            support_needed=True,
            care="Extra tijd bij toetsen",
            by=None,
        )


def test_part_c_is_visible_only_with_approval_and_consent_until_revoked(
    world,  # noqa: F811
    filled,  # noqa: F811
):
    _approve(filled, "a")
    _support(filled, world)
    _approve(filled, "c")
    with scopes_disabled():
        assert selectors.visible_parts(fresh(filled)) == {"a"}
        parts.consent_give(dossier=filled, who="pupil")
        assert selectors.visible_parts(fresh(filled)) == {"a", "c"}
        texts = selectors.parts_for_receiving_school(fresh(filled))
        assert texts["c"] == {"care": "Extra tijd bij toetsen"}
        assert "b" not in texts
        assert parts.consent_revoke(dossier=filled, who="pupil") == 1
        assert selectors.visible_parts(fresh(filled)) == {"a"}


def test_under_16_a_parent_must_consent_too(world, filled):  # noqa: F811
    with scopes_disabled():
        pupil = Pupil.objects.get(pk=world.fatima.pk)
        pupil.birth_date = (
            timezone.localdate() - datetime.timedelta(days=15 * 365)
        ).isoformat()
        pupil.save()
    _support(filled, world)
    _approve(filled, "c")
    with scopes_disabled():
        parts.consent_give(dossier=filled, who="pupil")
        state = selectors.consent_state(fresh(filled))
        assert state.parent_needed and not state.valid
        assert "c" not in selectors.visible_parts(fresh(filled))
        parts.consent_give(dossier=filled, who="parent")
        assert selectors.consent_state(fresh(filled)).valid
        assert "c" in selectors.visible_parts(fresh(filled))


def test_care_without_support_needed_is_refused(world):  # noqa: F811
    dossier = dossier_of(world)
    with scopes_disabled(), pytest.raises(ValidationError) as raised:
        parts.part_c_save(dossier=dossier, support_needed=False, care="x", by=None)
    assert "care" in raised.value.error_dict


def test_texts_are_encrypted_at_rest(filled):  # noqa: F811
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT choice, advice FROM dossier_dossier WHERE id = %s", [filled.pk]
        )
        choice, advice = cursor.fetchone()
    assert choice and "Open dagen" not in choice
    assert advice and "Niveau" not in advice
    assert fresh(filled).choice == "Open dagen"


def test_a_link_stores_only_a_hash_and_a_new_one_stops_the_old(world):  # noqa: F811
    dossier = dossier_of(world)
    with scopes_disabled():
        first, token = links.link_create(dossier=dossier, by=None)
        assert first.token_hash != token and len(token) >= 40
        assert links.link_resolve(token).pk == first.pk
        second, _token = links.link_create(dossier=dossier, by=None)
        first.refresh_from_db()
    assert first.revoked_at is not None and second.is_usable
    assert (first.expires_at - first.created_at).days == links.LINK_DAYS - 1 or (
        first.expires_at - first.created_at
    ).days == links.LINK_DAYS


def test_erasure_clears_the_dossier_texts_and_stops_the_links(world, filled):  # noqa: F811
    _approve(filled, "b", decision="disagreed", comment="Ik wil niveau 4")
    with scopes_disabled():
        link, _token = links.link_create(dossier=filled, by=None)
        pupils_erase(
            pupils=Pupil.objects.filter(pk=world.fatima.pk),
            by=None,
            purpose="verzoek",
            partnership=world.partnership,
        )
        dossier = Dossier.objects.get(pk=filled.pk)
        link.refresh_from_db()
        comments = list(Approval.objects.values_list("comment", flat=True))
    assert dossier.choice == "" and dossier.advice == ""
    assert dossier.b_version == 1  # versions and dates stay for the figures
    assert comments == [""]
    assert link.revoked_at is not None


def test_a_dossier_kept_elsewhere_holds_no_content(world):  # noqa: F811
    dossier = dossier_of(world)
    with scopes_disabled():
        parts.kept_elsewhere_record(
            dossier=dossier, on=timezone.localdate(), by=member(world, world.decaan_a)
        )
        with pytest.raises(ValidationError):
            parts.part_a_field_save(dossier=dossier, field="choice", text="x")
        assert selectors.visible_parts(fresh(dossier)) == frozenset()
        assert not DossierLink.objects.exists()


def test_key_rotation_reencrypts_the_dossier(filled, settings):  # noqa: F811
    old = list(settings.PUPIL_DATA_KEYS)
    settings.PUPIL_DATA_KEYS = [Fernet.generate_key().decode(), *old]
    _fernet.cache_clear()
    call_command("rotate_pupil_keys", stdout=io.StringIO())
    settings.PUPIL_DATA_KEYS = settings.PUPIL_DATA_KEYS[:1]  # the old key dropped
    _fernet.cache_clear()
    try:
        assert fresh(filled).choice == "Open dagen"
    finally:
        settings.PUPIL_DATA_KEYS = old
        _fernet.cache_clear()


def test_the_inspection_export_holds_the_dossier(world, filled):  # noqa: F811
    url = world.url("pupil_export_json", world.vo_a, world.fatima.pk)
    data = json.loads(world.client(world.decaan_a).get(url).content)
    [held] = data["doorstroomdossier"]
    assert held["parts"]["a"]["fields"]["choice"] == "Open dagen"
    assert held["parts"]["b"]["version"] == 1
