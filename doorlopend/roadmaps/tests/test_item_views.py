"""The item page: reading it, changing the row, evidence up and down, who may do what."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils.html import escape
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled

from ..models import ItemChange, ItemState, Status
from . import factories
from .conftest import PER_SCHOOL_ITEM, WIDE_ITEM

pytestmark = pytest.mark.django_db


def url(name: str, partnership, *args) -> str:
    return reverse(f"roadmaps:{name}", args=[partnership.slug, *args])


def client_of(membership) -> Client:
    client = Client()
    client.force_login(membership.user)
    return client


def _history(state) -> list[ItemChange]:
    with scopes_disabled():
        return list(ItemChange.objects.filter(state=state))


def _fresh(state) -> ItemState:
    with scopes_disabled():
        return ItemState.objects.get(pk=state.pk)


def _form(**fields) -> dict:
    data = {
        "status": Status.NOT_STARTED,
        "not_applicable_reason": "",
        "owner": "",
        "due_date": "",
        "notes": "",
        "evidence_link": "",
    }
    return {**data, **fields}


def test_the_item_page_explains_the_step(partnership, checklist, client_for):
    state = factories.state(checklist, WIDE_ITEM)
    page = client_for("docent").get(url("state_edit", partnership, state.pk))
    assert page.status_code == 200
    body = page.content.decode()
    assert escape(state.item.title) in body
    for point in state.item.points:
        assert escape(point) in body
    assert _("Change this item") in body
    assert escape(_("Nothing has changed yet.")) in body


def test_saving_writes_history_and_a_second_submit_writes_none(partnership, checklist):
    coordinator = factories.membership(partnership, "coordinator")
    client = client_of(coordinator)
    state = factories.state(checklist, WIDE_ITEM)
    data = _form(status=Status.IN_PROGRESS, owner=coordinator.pk, due_date="2027-02-01")
    response = client.post(url("state_edit", partnership, state.pk), data)
    assert response.status_code == 302
    assert len(_history(state)) == 1
    response = client.post(url("state_edit", partnership, state.pk), data, follow=True)
    assert _("Nothing changed.") in response.content.decode()
    assert len(_history(state)) == 1
    body = response.content.decode()
    assert escape(str(Status.IN_PROGRESS.label)) in body
    assert escape(str(coordinator.user)) in body


def test_not_applicable_without_reason_reshows_the_form(partnership, checklist):
    coordinator = factories.membership(partnership, "coordinator")
    state = factories.state(checklist, WIDE_ITEM)
    response = client_of(coordinator).post(
        url("state_edit", partnership, state.pk),
        _form(status=Status.NOT_APPLICABLE, notes="Wat ik typte"),
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert escape(_("Say why this item does not apply.")) in body
    assert "Wat ik typte" in body
    assert _fresh(state).status == Status.NOT_STARTED
    assert _history(state) == []


def test_an_owner_from_another_partnership_is_refused(
    partnership, other_partnership, checklist
):
    coordinator = factories.membership(partnership, "coordinator")
    outsider = factories.membership(other_partnership, "coordinator")
    state = factories.state(checklist, WIDE_ITEM)
    response = client_of(coordinator).post(
        url("state_edit", partnership, state.pk), _form(owner=outsider.pk)
    )
    assert response.status_code == 200
    assert response.context["form"].errors["owner"]
    assert _fresh(state).owner_id is None


def _pdf(name="plan.pdf", content=b"%PDF-1.4 het plan"):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def test_an_uploaded_file_is_stored_and_downloaded_as_attachment(
    partnership, checklist
):
    coordinator = factories.membership(partnership, "coordinator")
    state = factories.state(checklist, WIDE_ITEM)
    client = client_of(coordinator)
    response = client.post(
        url("state_edit", partnership, state.pk), {"form": "evidence", "file": _pdf()}
    )
    assert response.status_code == 302
    download = client_for_reader(partnership).get(
        url("evidence", partnership, state.pk)
    )
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == b"%PDF-1.4 het plan"
    assert download["Content-Disposition"].startswith("attachment")
    assert 'filename="plan.pdf"' in download["Content-Disposition"]
    assert download["X-Content-Type-Options"] == "nosniff"


def client_for_reader(partnership) -> Client:
    return client_of(factories.membership(partnership, "stuurgroep"))


def test_a_wrong_file_type_is_refused_with_a_message_and_nothing_stored(
    partnership, checklist, settings
):
    coordinator = factories.membership(partnership, "coordinator")
    state = factories.state(checklist, WIDE_ITEM)
    response = client_of(coordinator).post(
        url("state_edit", partnership, state.pk),
        {"form": "evidence", "file": _pdf("script.exe", b"MZ")},
    )
    assert response.status_code == 200
    assert response.context["upload_form"].errors["file"]
    assert "exe" in response.context["upload_form"].errors["file"][0]
    assert not _fresh(state).evidence_file
    media = settings.MEDIA_ROOT
    assert not media.exists() or not any(p.is_file() for p in media.rglob("*"))


def test_a_file_over_the_limit_is_refused(partnership, checklist, settings):
    settings.ROADMAP_EVIDENCE_MAX_BYTES = 5
    coordinator = factories.membership(partnership, "coordinator")
    state = factories.state(checklist, WIDE_ITEM)
    response = client_of(coordinator).post(
        url("state_edit", partnership, state.pk), {"form": "evidence", "file": _pdf()}
    )
    assert response.status_code == 200
    assert [
        e.code for e in response.context["upload_form"].errors.as_data()["file"]
    ] == ["file_size"]
    assert not _fresh(state).evidence_file


def test_no_file_means_404(partnership, checklist, client_for):
    state = factories.state(checklist, WIDE_ITEM)
    response = client_for("coordinator").get(url("evidence", partnership, state.pk))
    assert response.status_code == 404


def test_removing_a_file_asks_first(
    partnership, checklist, django_capture_on_commit_callbacks
):
    coordinator = factories.membership(partnership, "coordinator")
    client = client_of(coordinator)
    state = factories.state(checklist, WIDE_ITEM)
    client.post(
        url("state_edit", partnership, state.pk), {"form": "evidence", "file": _pdf()}
    )
    stored = _fresh(state).evidence_file
    confirm = client.get(url("evidence_remove", partnership, state.pk))
    assert confirm.status_code == 200
    assert _("Yes, remove") in confirm.content.decode()
    assert _fresh(state).evidence_file
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("evidence_remove", partnership, state.pk))
    assert response.status_code == 302
    assert not _fresh(state).evidence_file
    assert not stored.storage.exists(stored.name)


def test_stuurgroep_reads_the_page_and_may_not_post(partnership, checklist):
    state = factories.state(checklist, WIDE_ITEM)
    client = client_for_reader(partnership)
    page = client.get(url("state_edit", partnership, state.pk))
    assert page.status_code == 200
    assert _("Change this item") not in page.content.decode()
    assert "form" not in page.context
    response = client.post(
        url("state_edit", partnership, state.pk), _form(status=Status.DONE)
    )
    assert response.status_code == 403
    assert client.post(url("evidence_remove", partnership, state.pk)).status_code == 403
    assert _fresh(state).status == Status.NOT_STARTED


def test_a_docent_may_not_change_a_schools_row(partnership, checklist, schools):
    docent = factories.membership(partnership, "docent")
    row = factories.state(checklist, PER_SCHOOL_ITEM, schools[1])
    client = client_of(docent)
    page = client.get(url("state_edit", partnership, row.pk))
    assert page.status_code == 200
    assert "form" not in page.context
    response = client.post(
        url("state_edit", partnership, row.pk), _form(status=Status.DONE)
    )
    assert response.status_code == 403
    assert _fresh(row).status == Status.NOT_STARTED


def test_a_portefeuillehouder_changes_only_their_own_schools_row(
    partnership, checklist, schools
):
    own, other = schools
    lead = factories.membership(partnership, "portefeuillehouder", organisation=own)
    client = client_of(lead)
    own_row = factories.state(checklist, PER_SCHOOL_ITEM, own)
    other_row = factories.state(checklist, PER_SCHOOL_ITEM, other)
    done = _form(status=Status.DONE)
    assert (
        client.post(url("state_edit", partnership, own_row.pk), done).status_code == 302
    )
    assert (
        client.post(url("state_edit", partnership, other_row.pk), done).status_code
        == 403
    )
    assert _fresh(own_row).status == Status.DONE
    assert _fresh(other_row).status == Status.NOT_STARTED
