"""Working an item: history, validation, owners, per-school rows, evidence, the rule."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled

from doorlopend.partnerships.tests.factories import SchoolFactory

from ..models import ItemChange, ItemState, Status
from ..services import items, setup
from . import factories
from .conftest import PER_SCHOOL_BLOCK, PER_SCHOOL_ITEM, WIDE_ITEM

pytestmark = pytest.mark.django_db


def _changes(state) -> list[ItemChange]:
    with scopes_disabled():
        return list(ItemChange.objects.filter(state=state))


def _update(state, by, **fields):
    with scopes_disabled():
        return items.state_update(state=state, by=by, **fields)


def test_a_change_writes_one_history_line_with_raw_values(partnership, checklist):
    coordinator = factories.membership(partnership, "coordinator")
    state = factories.state(checklist, WIDE_ITEM)
    change = _update(
        state, coordinator, status=Status.IN_PROGRESS, notes="Eerste opzet"
    )
    assert change.changed_by == coordinator.user
    assert change.changes == {
        "status": [Status.NOT_STARTED.value, Status.IN_PROGRESS.value],
        "notes": ["", "Eerste opzet"],
    }
    assert change.rows == [
        (_("Status"), str(Status.NOT_STARTED.label), str(Status.IN_PROGRESS.label)),
        (_("Notes"), "", "Eerste opzet"),
    ]
    with scopes_disabled():
        state.refresh_from_db()
    assert state.status == Status.IN_PROGRESS


def test_the_same_submit_again_writes_no_history(partnership, checklist):
    coordinator = factories.membership(partnership, "coordinator")
    state = factories.state(checklist, WIDE_ITEM)
    fields = {
        "status": Status.DONE,
        "not_applicable_reason": "",
        "owner": coordinator,
        "due_date": datetime.date(2027, 3, 1),
        "notes": "Klaar",
        "evidence_link": "https://example.org/plan",
    }
    assert _update(state, coordinator, **fields) is not None
    assert _update(state, coordinator, **fields) is None
    assert len(_changes(state)) == 1


def test_not_applicable_needs_a_reason(partnership, checklist):
    coordinator = factories.membership(partnership, "coordinator")
    state = factories.state(checklist, WIDE_ITEM)
    with pytest.raises(ValidationError) as caught:
        _update(state, coordinator, status=Status.NOT_APPLICABLE)
    assert caught.value.error_dict["not_applicable_reason"][0].code == "reason_required"
    assert _changes(state) == []
    _update(
        state,
        coordinator,
        status=Status.NOT_APPLICABLE,
        not_applicable_reason="Geregeld in het convenant",
    )
    # Another status drops the reason: it belonged to "not applicable".
    _update(state, coordinator, status=Status.IN_PROGRESS)
    with scopes_disabled():
        state.refresh_from_db()
    assert state.not_applicable_reason == ""


def test_the_owner_must_be_a_member_of_the_partnership(
    partnership, other_partnership, checklist
):
    coordinator = factories.membership(partnership, "coordinator")
    outsider = factories.membership(other_partnership, "werkgroeplid")
    state = factories.state(checklist, WIDE_ITEM)
    with pytest.raises(ValidationError) as caught:
        _update(state, coordinator, owner=outsider)
    assert caught.value.error_dict["owner"][0].code == "owner_outside"
    colleague = factories.membership(partnership, "werkgroeplid")
    change = _update(state, coordinator, owner=colleague)
    assert change.changes["owner"] == [
        None,
        {"id": colleague.pk, "name": str(colleague.user)},
    ]


def test_per_school_rows_exist_for_every_school_and_one_added_later(
    partnership, checklist, schools
):
    block = checklist.definition.block(PER_SCHOOL_BLOCK)
    with scopes_disabled():
        rows = ItemState.objects.filter(roadmap=checklist, item_key=PER_SCHOOL_ITEM)
        assert {r.organisation_id for r in rows} == {s.pk for s in schools}
        late = SchoolFactory(partnership=partnership, name="Nieuwe school")
        assert setup.states_ensure(roadmap=checklist) == len(block.items)
        assert ItemState.objects.filter(
            roadmap=checklist, organisation=late
        ).count() == len(block.items)
        assert setup.states_ensure(roadmap=checklist) == 0


def _upload(name="plan.pdf", content=b"%PDF-1.4 plan", content_type="application/pdf"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def test_evidence_is_stored_and_a_replacement_deletes_the_old_file(
    partnership, checklist, django_capture_on_commit_callbacks
):
    coordinator = factories.membership(partnership, "coordinator")
    state = factories.state(checklist, WIDE_ITEM)
    with scopes_disabled(), django_capture_on_commit_callbacks(execute=True):
        items.evidence_upload(state=state, upload=_upload(), by=coordinator)
    with scopes_disabled():
        state.refresh_from_db()
    first = state.evidence_file.name
    storage = state.evidence_file.storage
    assert storage.exists(first)
    assert state.evidence_name == "plan.pdf"
    with scopes_disabled(), django_capture_on_commit_callbacks(execute=True):
        items.evidence_upload(
            state=state, upload=_upload("verslag.docx", b"PK docx"), by=coordinator
        )
    with scopes_disabled():
        state.refresh_from_db()
    assert not storage.exists(first)
    assert storage.exists(state.evidence_file.name)
    assert _changes(state)[0].changes == {"evidence_file": ["plan.pdf", "verslag.docx"]}


def test_evidence_of_a_wrong_type_or_too_large_is_refused(
    partnership, checklist, settings
):
    coordinator = factories.membership(partnership, "coordinator")
    state = factories.state(checklist, WIDE_ITEM)
    with pytest.raises(ValidationError) as caught, scopes_disabled():
        items.evidence_upload(
            state=state, upload=_upload("run.exe", b"MZ"), by=coordinator
        )
    assert caught.value.code == "file_type"
    settings.ROADMAP_EVIDENCE_MAX_BYTES = 10
    with pytest.raises(ValidationError) as caught, scopes_disabled():
        items.evidence_upload(state=state, upload=_upload(), by=coordinator)
    assert caught.value.code == "file_size"
    with scopes_disabled():
        state.refresh_from_db()
    assert not state.evidence_file
    assert _changes(state) == []


def test_evidence_remove_deletes_the_file(
    partnership, checklist, django_capture_on_commit_callbacks
):
    coordinator = factories.membership(partnership, "coordinator")
    state = factories.state(checklist, WIDE_ITEM)
    with scopes_disabled(), django_capture_on_commit_callbacks(execute=True):
        items.evidence_upload(state=state, upload=_upload(), by=coordinator)
        state.refresh_from_db()
        name, storage = state.evidence_file.name, state.evidence_file.storage
        items.evidence_remove(state=state, by=coordinator)
        state.refresh_from_db()
    assert not storage.exists(name)
    assert not state.evidence_file
    assert _changes(state)[0].changes == {"evidence_file": ["plan.pdf", ""]}


def may_work(membership, state) -> bool:
    return membership.has_perm("roadmaps.work", state)


def test_who_may_work_which_row(partnership, checklist, schools):
    own, other = schools
    wide = factories.state(checklist, WIDE_ITEM)
    own_row = factories.state(checklist, PER_SCHOOL_ITEM, own)
    other_row = factories.state(checklist, PER_SCHOOL_ITEM, other)
    coordinator = factories.membership(partnership, "coordinator")
    lead = factories.membership(partnership, "portefeuillehouder", organisation=own)
    docent = factories.membership(partnership, "docent")
    stuurgroep = factories.membership(partnership, "stuurgroep")
    assert all(may_work(coordinator, s) for s in (wide, own_row, other_row))
    assert may_work(lead, own_row)
    assert not may_work(lead, other_row)
    assert not may_work(lead, wide)
    assert may_work(docent, wide)
    assert not may_work(docent, own_row)
    assert not any(may_work(stuurgroep, s) for s in (wide, own_row, other_row))
    # Owning an item lets its owner work it, whatever their role's reach.
    with scopes_disabled():
        wide.owner = lead
        wide.save()
    assert may_work(lead, wide)


def test_a_refused_change_raises_permission_denied(partnership, checklist, schools):
    docent = factories.membership(partnership, "docent")
    row = factories.state(checklist, PER_SCHOOL_ITEM, schools[1])
    with pytest.raises(PermissionDenied):
        _update(row, docent, status=Status.DONE)
    assert _changes(row) == []
