"""The stuurgroep approves the covenant; a later change needs approval again, a
signature does not."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from doorlopend.approvals.models import ApprovalRequest, ApprovalStatus

from .. import document

pytestmark = pytest.mark.django_db


def _decide(user, approval):
    client = Client()
    client.force_login(user)
    return client.post(
        reverse(
            "approvals:decide",
            kwargs={
                "partnership_slug": approval.partnership.slug,
                "approval_id": approval.pk,
            },
        ),
        {"decision": "approve"},
    )


def _submit(client, partnership):
    return client.post(
        reverse(
            "approvals:submit",
            kwargs={
                "partnership_slug": partnership.slug,
                "kind": "covenant",
                "target_id": 0,
            },
        )
    )


def test_covenant_approved_then_changed_needs_approval_again(
    partnership, covenant, client_for, member_of, url
):
    stuurgroep = [member_of(partnership, "stuurgroep") for _ in range(2)]
    coordinator = client_for("coordinator")
    assert _submit(coordinator, partnership).status_code == 302
    with scopes_disabled():
        approval = ApprovalRequest.objects.get(kind="covenant")
    assert "Gemeente Tiel" in approval.content_text
    for user in stuurgroep:
        _decide(user, approval)
    approval.refresh_from_db()
    assert approval.status == ApprovalStatus.APPROVED
    page = url("detail", partnership)
    assert "Vastgesteld door de stuurgroep op" in coordinator.get(page).content.decode()
    with scope(partnership=partnership):
        assert "Vastgesteld door de stuurgroep op" in document.build(partnership)[1]
    # Marking a signature is no change of what was agreed.
    with scopes_disabled():
        party = covenant.parties.first()
    coordinator.post(
        url("party_sign", partnership, covenant_party_id=party.pk),
        {"signed_on": timezone.localdate().isoformat()},
    )
    assert "Vastgesteld door de stuurgroep op" in coordinator.get(page).content.decode()
    # Another theme is: it needs the stuurgroep again.
    with scopes_disabled():
        covenant.themes += "\nStages bij werkgevers"
        covenant.save()
    html = coordinator.get(page).content.decode()
    assert "wijkt af van de versie die de stuurgroep" in html
    with scope(partnership=partnership):
        assert "Vastgesteld" not in document.build(partnership)[1]
    _submit(coordinator, partnership)
    with scopes_disabled():
        newest = ApprovalRequest.objects.filter(kind="covenant").first()
    assert newest.pk != approval.pk and "Stages bij werkgevers" in newest.content_text


def test_nothing_to_submit_before_there_is_a_covenant(
    partnership, client_for, member_of
):
    member_of(partnership, "stuurgroep")
    _submit(client_for("coordinator"), partnership)
    with scopes_disabled():
        assert not ApprovalRequest.objects.exists()
