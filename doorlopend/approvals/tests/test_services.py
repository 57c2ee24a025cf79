import pytest
from django.core.exceptions import ValidationError
from django_scopes import scopes_disabled

from doorlopend.approvals import selectors, services
from doorlopend.approvals.models import ApprovalStatus
from doorlopend.partnerships.models import Membership


def _membership(partnership, user) -> Membership:
    with scopes_disabled():
        return Membership.objects.get(partnership=partnership, user=user)


@pytest.fixture
def board(partnership, member_of):
    """The coördinator and a stuurgroep of three."""
    coordinator = _membership(partnership, member_of(partnership, "coordinator"))
    members = [
        _membership(partnership, member_of(partnership, "stuurgroep")) for _ in range(3)
    ]
    return coordinator, members


def _submit(partnership, coordinator, kind="test"):
    with scopes_disabled():
        return services.approval_submit(
            partnership=partnership, kind=kind, target_id=0, by=coordinator
        )


def _decide(request, member, decision="approve", comment=""):
    with scopes_disabled():
        return services.approval_decide(
            request=request, by=member, decision=decision, comment=comment
        )


def _state(partnership):
    with scopes_disabled():
        return selectors.approval_state(partnership=partnership, kind="test")


def test_vastgesteld_only_when_every_member_approved(partnership, board, thing):
    coordinator, members = board
    request = _submit(partnership, coordinator)
    assert (
        request.content_hash
        == services.approvable("test").current(partnership, 0).content_hash
    )
    for member in members[:2]:
        assert _decide(request, member).status == ApprovalStatus.PENDING
    request = _decide(request, members[2])
    assert request.status == ApprovalStatus.APPROVED
    assert request.decided_at is not None
    assert _state(partnership).current_is_approved


def test_one_rejection_rejects_and_needs_a_comment(partnership, board, thing):
    coordinator, members = board
    request = _submit(partnership, coordinator)
    _decide(request, members[0])
    with pytest.raises(ValidationError) as error:
        _decide(request, members[1], "reject", "  ")
    assert "comment" in error.value.message_dict
    request = _decide(request, members[1], "reject", "De begroting klopt niet.")
    assert request.status == ApprovalStatus.REJECTED
    with pytest.raises(ValidationError):
        _decide(request, members[2])
    with scopes_disabled():
        rows = selectors.member_decisions(request=request)
        comments = {r.membership.pk: r.decision and r.decision.comment for r in rows}
    assert comments[members[1].pk] == "De begroting klopt niet."
    assert comments[members[2].pk] is None


def test_a_change_after_approval_needs_a_new_approval(partnership, board, thing):
    coordinator, members = board
    first = _submit(partnership, coordinator)
    for member in members:
        _decide(first, member)
    assert not _state(partnership).can_submit
    # Submitting the approved version again gives the approved request, not a new one.
    assert _submit(partnership, coordinator).pk == first.pk

    thing["text"] = "Versie 2: een extra activiteit"
    state = _state(partnership)
    assert state.current_differs and state.can_submit
    second = _submit(partnership, coordinator)
    assert second.pk != first.pk
    assert second.status == ApprovalStatus.PENDING
    first.refresh_from_db()
    # The approved version stays frozen with its own text.
    assert first.status == ApprovalStatus.APPROVED
    assert first.content_text == "Versie 1"


def test_a_newer_version_replaces_the_waiting_one(partnership, board, thing):
    coordinator, _members = board
    first = _submit(partnership, coordinator)
    assert _submit(partnership, coordinator).pk == first.pk  # a double click
    thing["text"] = "Versie 1b"
    second = _submit(partnership, coordinator)
    first.refresh_from_db()
    assert first.status == ApprovalStatus.SUPERSEDED
    assert _state(partnership).pending.pk == second.pk


def test_a_member_decides_once(partnership, board, thing):
    coordinator, members = board
    request = _submit(partnership, coordinator)
    _decide(request, members[0])
    _decide(request, members[0], "reject", "Toch niet")  # the first decision stands
    with scopes_disabled():
        assert request.decisions.get().decision == "approve"
    assert request.status == ApprovalStatus.PENDING


def test_only_the_stuurgroep_decides(partnership, board, thing):
    coordinator, _members = board
    request = _submit(partnership, coordinator)
    with pytest.raises(ValidationError):
        _decide(request, coordinator)


def test_nothing_to_submit_without_a_stuurgroep(partnership, member_of, thing):
    coordinator = _membership(partnership, member_of(partnership, "coordinator"))
    with pytest.raises(ValidationError, match="stuurgroep"):
        _submit(partnership, coordinator)


def test_submit_mails_each_stuurgroep_member_by_their_settings(
    partnership,
    board,
    thing,
    mail_worker,
    django_capture_on_commit_callbacks,
    mailoutbox,
):
    from doorlopend.accounts.notifications import opt_out

    coordinator, members = board
    opt_out(user=members[2].user, kind="approval")
    with django_capture_on_commit_callbacks(execute=True):
        _submit(partnership, coordinator)
    assert sorted(m.to[0] for m in mailoutbox) == sorted(
        m.user.email for m in members[:2]
    )
    assert "Testplan" in mailoutbox[0].subject
    assert "/besluiten/" in mailoutbox[0].body
