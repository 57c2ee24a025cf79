"""The sending school's dossier pages: the list, one dossier, part B and C, the link."""

import re

import pytest
from django.test import Client
from django_scopes import scopes_disabled

from doorlopend.core.submit_once import FIELD
from doorlopend.core.testing.forms import submit_once_key
from doorlopend.dossier.models import DossierLink
from doorlopend.dossier.services import parts
from doorlopend.partnerships.tests.factories import PartnershipFactory
from doorlopend.transitions.tests.factories import TransitionFactory

from .helpers import (  # noqa: F401
    FATIMA,
    dossier_of,
    filled,
    fresh,
    last_entry_pk,
    new_entries,
    pupil_url,
    staff_url,
    world,
)

pytestmark = pytest.mark.django_db


def _client(world, user):  # noqa: F811
    return world.client(user)


def test_the_list_shows_states_never_texts_and_logs_the_pupils(world, filled):  # noqa: F811
    with scopes_disabled():
        before = last_entry_pk()
    body = _client(world, world.mentor_a).get(staff_url(world, "dossier_list"))
    text = body.content.decode()
    assert FATIMA in text and "Bram Achterberg" in text
    assert "Niveau 3 past goed" not in text and "Open dagen" not in text
    assert "wacht op akkoord" in text or "waiting for approval" in text
    assert "Chris Bosman" not in text  # vo B's leaver
    with scopes_disabled():
        [entry] = new_entries(before)
    assert entry.action == "view" and entry.organisation_id == world.vo_a.pk
    assert sorted(entry.object_ids) == sorted([world.fatima.pk, world.bram.pk])


def test_the_list_costs_the_same_for_many_pupils(
    world,  # noqa: F811
    django_assert_max_num_queries,
):
    with scopes_disabled():
        for transition in TransitionFactory.create_batch(
            15, partnership=world.partnership, sending_organisation=world.vo_a
        ):
            dossier = parts.dossier_get_or_create(transition=transition)
            parts.part_a_field_save(dossier=dossier, field="choice", text="x")
    client = _client(world, world.decaan_a)
    # 16, and 2 for the handover column (the handovers and their questions).
    with django_assert_max_num_queries(18):
        assert client.get(staff_url(world, "dossier_list")).status_code == 200


@pytest.mark.parametrize("name", ["dossier_list", "dossier_detail"])
def test_other_schools_and_roles_are_refused(world, member_of, name):  # noqa: F811
    args = [] if name == "dossier_list" else [world.fatima_transition.pk]
    url = staff_url(world, name, *args)
    # The mbo school's decaan: not their school in the URL.
    assert _client(world, world.decaan_mbo).get(url).status_code == 404
    # vo B's decaan asking for A's pupil through B's own school: no such pupil there.
    decaan_b = member_of(world.partnership, "decaan", organisation=world.vo_b)
    own_url = staff_url(world, name, *args, school=world.vo_b)
    expected = 200 if name == "dossier_list" else 404
    assert _client(world, decaan_b).get(own_url).status_code == expected
    for role in ("stuurgroep", "werkgroeplid", "coordinator"):
        user = member_of(world.partnership, role)
        assert _client(world, user).get(url).status_code == 403
    stranger = member_of(PartnershipFactory(), "decaan")
    assert _client(world, stranger).get(url).status_code == 404


def test_the_detail_shows_the_texts_and_logs_one_read(world, filled):  # noqa: F811
    with scopes_disabled():
        before = last_entry_pk()
    url = staff_url(world, "dossier_detail", world.fatima_transition.pk)
    response = _client(world, world.mentor_a).get(url)
    text = response.content.decode()
    assert "Open dagen" in text and "Niveau 3 past goed" in text
    assert response["Cache-Control"] == "no-store"
    with scopes_disabled():
        [entry] = new_entries(before)
    assert entry.object_ids == [world.fatima.pk]
    # The log says who read which pupil and why, never what the dossier says.
    logged = f"{entry.purpose} {entry.object_label}"
    assert "Open dagen" not in logged and "Niveau" not in logged


def test_part_b_saves_once_and_keeps_input_on_error(world):  # noqa: F811
    url = staff_url(world, "part_b_save", world.fatima_transition.pk)
    client = _client(world, world.mentor_a)
    data = {"advice": "Niveau 2 eerst", "attendance_results": "Goed"}
    assert client.post(url, data).status_code == 302
    assert client.post(url, data).status_code == 302  # double submit
    dossier = fresh(dossier_of(world))
    assert dossier.b_version == 1 and dossier.advice == "Niveau 2 eerst"
    too_long = {"advice": "x" * 4001, "attendance_results": "Nieuw"}
    response = client.post(url, too_long)
    text = response.content.decode()
    assert response.status_code == 200
    assert "4000" in text and "Nieuw" in text
    assert fresh(dossier).attendance_results == "Goed"


def test_part_c_needs_support_marked_before_its_text(world):  # noqa: F811
    url = staff_url(world, "part_c_save", world.fatima_transition.pk)
    client = _client(world, world.decaan_a)
    response = client.post(url, {"care": "Dyslexie"})
    assert response.status_code == 200
    assert "Dyslexie" in response.content.decode()
    assert (
        client.post(url, {"support_needed": "on", "care": "Dyslexie"}).status_code
        == 302
    )
    assert fresh(dossier_of(world)).care == "Dyslexie"


def test_the_decaan_makes_a_link_shown_once_with_a_qr_code(world):  # noqa: F811
    url = staff_url(world, "pupil_link", world.fatima_transition.pk)
    response = _client(world, world.decaan_a).post(url, {"action": "create"})
    text = response.content.decode()
    assert response.status_code == 200 and "<svg" in text and "/mijn-dossier/" in text
    detail = _client(world, world.decaan_a).get(
        staff_url(world, "dossier_detail", world.fatima_transition.pk)
    )
    assert "/mijn-dossier/" not in detail.content.decode()
    # A mentor reads the dossier but makes no links.
    assert _client(world, world.mentor_a).post(url).status_code == 403
    _client(world, world.decaan_a).post(url, {"action": "revoke"})
    with scopes_disabled():
        assert not DossierLink.objects.filter(revoked_at__isnull=True).exists()


def test_a_mentor_of_another_partnership_cannot_write(world, member_of):  # noqa: F811
    stranger = member_of(PartnershipFactory(), "mentor")
    url = staff_url(world, "part_b_save", world.fatima_transition.pk)
    client = Client()
    client.force_login(stranger)
    assert client.post(url, {"advice": "x"}).status_code == 404
    assert fresh(dossier_of(world)).advice == ""


def test_the_pdf_for_the_decaan_is_logged_as_an_export(world, filled):  # noqa: F811
    with scopes_disabled():
        before = last_entry_pk()
    url = staff_url(world, "dossier_pdf", world.fatima_transition.pk)
    response = _client(world, world.decaan_a).get(url)
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")
    with scopes_disabled():
        [entry] = new_entries(before)
    assert entry.action == "export"


def test_the_list_pages_by_name_and_logs_only_the_page(world):  # noqa: F811
    """A school with many leavers: 50 a page, in the order of their names across the
    pages; each page logs only the pupils it shows."""
    from django.utils.html import escape

    from doorlopend.dossier.selectors.pages import PER_PAGE
    from doorlopend.transitions.models import Transition

    cohort = world.fatima_transition.cohort
    with scopes_disabled():
        TransitionFactory.create_batch(
            PER_PAGE + 3,
            partnership=world.partnership,
            sending_organisation=world.vo_a,
            cohort=cohort,
        )
        leavers = Transition.objects.filter(
            sending_organisation=world.vo_a, cohort=cohort
        ).select_related("pupil")
        names = sorted((escape(t.pupil.name) for t in leavers), key=str.casefold)
    client = _client(world, world.decaan_a)
    url = staff_url(world, "dossier_list") + f"?jaar={cohort}"
    shown = []
    for number in (1, 2):
        with scopes_disabled():
            before = last_entry_pk()
        page = client.get(f"{url}&page={number}").content.decode()
        with scopes_disabled():
            [entry] = new_entries(before)
        on_page = [n for n in names if f">{n}</a>" in page]
        assert len(entry.object_ids) == len(on_page)
        shown += on_page
        assert f"{len(names)} leerlingen" in page
    assert shown == names and len(names) > PER_PAGE  # page 1 holds the first 50
    assert "Pagina 1 van 2" in client.get(url).content.decode()


def test_pressing_make_a_link_twice_makes_one_working_link(world):  # noqa: F811
    client = _client(world, world.decaan_a)
    detail = client.get(staff_url(world, "dossier_detail", world.fatima_transition.pk))
    form = {"action": "create", FIELD: submit_once_key(detail.content.decode())}
    url = staff_url(world, "pupil_link", world.fatima_transition.pk)
    shown = [
        re.search(r'value="([^"]+)" id="new-link-url"', page.content.decode()).group(1)
        for page in (client.post(url, form), client.post(url, form))
    ]
    assert shown[0] == shown[1]
    with scopes_disabled():
        [link] = DossierLink.objects.all()
    assert link.is_usable
    token = shown[1].split("/mijn-dossier/")[1].split("/")[0]
    assert Client().get(pupil_url("home", token)).status_code == 200
    # A new page is a new press: it renews the link.
    again = client.get(staff_url(world, "dossier_detail", world.fatima_transition.pk))
    client.post(
        url, {"action": "create", FIELD: submit_once_key(again.content.decode())}
    )
    with scopes_disabled():
        assert DossierLink.objects.filter(revoked_at__isnull=True).count() == 1
        assert DossierLink.objects.count() == 2
