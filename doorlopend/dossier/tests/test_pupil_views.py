"""The pupil's and parent's pages through a personal link: autosave, akkoordverklaring,
consent, the parent's link, and every way a link stops working."""

import datetime
import re

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import timezone
from django_scopes import scopes_disabled

from doorlopend.audit.models import AccessLogEntry
from doorlopend.core.submit_once import FIELD
from doorlopend.core.testing.forms import submit_once_key
from doorlopend.dossier.models import Approval, DossierLink, SupportConsent
from doorlopend.dossier.services import parts
from doorlopend.transitions.models import Signal

from .helpers import (  # noqa: F401
    FATIMA,
    dossier_of,
    filled,
    fresh,
    pupil_token,
    pupil_url,
    world,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _clear_limits():
    cache.clear()
    yield
    cache.clear()


def test_the_pupil_page_shows_the_questions_and_no_data_in_the_url(world):  # noqa: F811
    token = pupil_token(world)
    response = Client().get(pupil_url("home", token))
    text = response.content.decode()
    assert response.status_code == 200
    assert 'aria-live="polite"' in text and "hx-post" in text
    assert response["Cache-Control"] == "no-store"
    assert response["Referrer-Policy"] == "same-origin"
    assert str(world.fatima.pk) not in pupil_url("home", token).replace(token, "")


def test_autosave_saves_one_field_and_says_so(world):  # noqa: F811
    token = pupil_token(world)
    response = Client().post(
        pupil_url("part_a_save", token),
        {"field": "learning", "learning": "Met mijn handen"},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200 and "save-ok" in response.content.decode()
    dossier = fresh(dossier_of(world))
    assert dossier.learning == "Met mijn handen" and dossier.a_version == 1


def test_without_javascript_the_form_saves_every_field(world):  # noqa: F811
    token = pupil_token(world)
    data = {"choice": "Open dag", "learning": "Doen", "placements": ""}
    response = Client().post(pupil_url("part_a_save", token), data)
    assert response.status_code == 302
    dossier = fresh(dossier_of(world))
    assert (dossier.choice, dossier.learning) == ("Open dag", "Doen")
    too_long = Client().post(pupil_url("part_a_save", token), {"choice": "x" * 4001})
    assert too_long.status_code == 200 and "4000" in too_long.content.decode()


def test_the_pupil_approves_and_disagrees_with_b(world, filled):  # noqa: F811
    token = pupil_token(world)
    client = Client()
    client.post(
        pupil_url("approve", token),
        {"part": "a", "version": 1, "decision": "approved"},
    )
    response = client.post(
        pupil_url("approve", token),
        {"part": "b", "version": 1, "decision": "disagreed", "comment": ""},
    )
    assert response.status_code == 200  # the comment is required: shown again
    client.post(
        pupil_url("approve", token),
        {"part": "b", "version": 1, "decision": "disagreed", "comment": "Niveau 4"},
    )
    with scopes_disabled():
        decisions = list(Approval.objects.values_list("part", "decision", "by"))
        assert Signal.objects.filter(kind="dossier_disagreement").count() == 1
    assert decisions == [("a", "approved", "pupil"), ("b", "disagreed", "pupil")]
    # The signal is in the school's existing list of signals, without the comment.
    signals = world.client(world.mentor_a).get(world.url("signal_list", world.vo_a))
    text = signals.content.decode()
    assert "niet eens met het advies" in text.lower() and "Niveau 4" not in text


def test_consent_is_given_and_taken_back_from_the_page(world, filled):  # noqa: F811
    with scopes_disabled():
        parts.part_c_save(
            dossier=filled, support_needed=True, care="Rustige plek", by=None
        )
    token = pupil_token(world)
    client = Client()
    client.post(pupil_url("consent", token), {"action": "give"})
    with scopes_disabled():
        assert SupportConsent.objects.filter(revoked_at__isnull=True).count() == 1
    client.post(pupil_url("consent", token), {"action": "revoke"})
    with scopes_disabled():
        assert not SupportConsent.objects.filter(revoked_at__isnull=True).exists()


def test_a_parent_link_reads_and_consents_but_cannot_write(world, filled):  # noqa: F811
    with scopes_disabled():
        parts.part_c_save(
            dossier=filled, support_needed=True, care="Rustige plek", by=None
        )
    token = pupil_token(world)
    invite = Client().post(pupil_url("invite_parent", token))
    text = invite.content.decode()
    assert "<svg" in text
    url = re.search(r'value="([^"]+)" id="invite-url"', text).group(1)
    parent_token = url.split("/mijn-dossier/")[1].split("/")[0]
    assert parent_token != token
    before = AccessLogEntry.objects.count()
    page = Client().get(pupil_url("home", parent_token))
    assert page.status_code == 200 and "Rustige plek" in page.content.decode()
    assert AccessLogEntry.objects.count() == before + 1  # a parent's read is logged
    refused = Client().post(
        pupil_url("part_a_save", parent_token), {"choice": "van de ouder"}
    )
    assert refused.status_code == 403
    Client().post(pupil_url("consent", parent_token), {"action": "give"})
    with scopes_disabled():
        assert SupportConsent.objects.get().given_by == "parent"
    assert fresh(filled).choice == "Open dagen"


@pytest.mark.parametrize("how", ["expired", "revoked"])
def test_a_closed_link_says_so_and_shows_nothing(world, filled, how):  # noqa: F811
    token = pupil_token(world)
    with scopes_disabled():
        if how == "expired":
            DossierLink.objects.update(
                expires_at=timezone.now() - datetime.timedelta(minutes=1)
            )
        else:
            DossierLink.objects.update(revoked_at=timezone.now())
    response = Client().get(pupil_url("home", token))
    text = response.content.decode()
    assert response.status_code == 410
    assert FATIMA not in text and "Open dagen" not in text and "Aquamarijn" not in text


def test_unknown_tokens_are_rate_limited(world, settings):  # noqa: F811
    client = Client()
    codes = [client.get(pupil_url("home", f"guess{i}")).status_code for i in range(25)]
    assert codes[0] == 404 and codes[-1] == 429


def test_the_pupil_downloads_the_pdf(world, filled):  # noqa: F811
    token = pupil_token(world)
    response = Client().get(pupil_url("dossier_pdf", token))
    assert response.status_code == 200 and response.content.startswith(b"%PDF")


def test_inviting_a_parent_twice_by_one_press_makes_one_link(world, filled):  # noqa: F811
    token = pupil_token(world)
    client = Client()
    home = client.get(pupil_url("home", token)).content.decode()
    form = {FIELD: submit_once_key(home)}
    shown = [
        re.search(r'value="([^"]+)" id="invite-url"', page.content.decode()).group(1)
        for page in (
            client.post(pupil_url("invite_parent", token), form),
            client.post(pupil_url("invite_parent", token), form),
        )
    ]
    assert shown[0] == shown[1]
    with scopes_disabled():
        assert DossierLink.objects.filter(kind="parent").count() == 1
    parent_token = shown[1].split("/mijn-dossier/")[1].split("/")[0]
    assert Client().get(pupil_url("home", parent_token)).status_code == 200
