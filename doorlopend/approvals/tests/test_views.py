import pytest
from django.urls import reverse
from django_scopes import scopes_disabled

from doorlopend.approvals.models import ApprovalRequest, ApprovalStatus


def _url(name, partnership, **kwargs):
    return reverse(
        f"approvals:{name}", kwargs={"partnership_slug": partnership.slug, **kwargs}
    )


def _submit_url(partnership, kind="test", target_id=0):
    return _url("submit", partnership, kind=kind, target_id=target_id)


@pytest.fixture
def stuurgroep(partnership, member_of):
    return [member_of(partnership, "stuurgroep") for _ in range(2)]


def _login(user):
    from django.test import Client

    client = Client()
    client.force_login(user)
    return client


def _submitted(partnership, client_for):
    response = client_for("coordinator").post(_submit_url(partnership))
    assert response.status_code == 302
    with scopes_disabled():
        return ApprovalRequest.objects.get(partnership=partnership)


def test_coordinator_submits_and_stuurgroep_approves(
    partnership, client_for, stuurgroep, thing
):
    approval = _submitted(partnership, client_for)
    page = _login(stuurgroep[0]).get(
        _url("detail", partnership, approval_id=approval.pk)
    )
    assert "Jouw besluit" in page.content.decode()
    for user in stuurgroep:
        response = _login(user).post(
            _url("decide", partnership, approval_id=approval.pk),
            {"decision": "approve", "comment": "Akkoord."},
        )
        assert response.status_code == 302
    page = client_for("coordinator").get(
        _url("detail", partnership, approval_id=approval.pk)
    )
    html = page.content.decode()
    assert "Vastgesteld door de stuurgroep op" in html
    assert html.count("Akkoord.") == 2
    assert "Jouw besluit" not in html  # the coördinator does not decide


def test_reject_without_comment_is_refused_with_the_input_kept(
    partnership, client_for, stuurgroep, thing
):
    approval = _submitted(partnership, client_for)
    response = _login(stuurgroep[0]).post(
        _url("decide", partnership, approval_id=approval.pk), {"decision": "reject"}
    )
    assert response.status_code == 200
    assert "Zeg waarom je het afwijst." in response.content.decode()
    with scopes_disabled():
        assert not approval.decisions.exists()
    response = _login(stuurgroep[0]).post(
        _url("decide", partnership, approval_id=approval.pk),
        {"decision": "reject", "comment": "Doel 2 is niet meetbaar."},
    )
    approval.refresh_from_db()
    assert approval.status == ApprovalStatus.REJECTED


def test_only_the_coordinator_submits_and_only_the_stuurgroep_decides(
    partnership, client_for, stuurgroep, thing
):
    assert _login(stuurgroep[0]).post(_submit_url(partnership)).status_code == 403
    approval = _submitted(partnership, client_for)
    decide = _url("decide", partnership, approval_id=approval.pk)
    assert (
        client_for("coordinator").post(decide, {"decision": "approve"}).status_code
        == 403
    )
    assert client_for("decaan").post(decide, {"decision": "approve"}).status_code == 403


def test_other_partnership_gets_404(
    partnership, other_partnership, client_for, stuurgroep, thing, member_of
):
    approval = _submitted(partnership, client_for)
    outsider = _login(member_of(other_partnership, "stuurgroep"))
    # Their own partnership's URL with this partnership's request id.
    for name in ("detail", "decide"):
        url = _url(name, other_partnership, approval_id=approval.pk)
        response = (
            outsider.post(url, {"decision": "approve"})
            if name == "decide"
            else outsider.get(url)
        )
        assert response.status_code == 404
    assert (
        outsider.get(_url("detail", partnership, approval_id=approval.pk)).status_code
        == 404
    )


def test_nothing_to_submit_says_so(partnership, client_for, stuurgroep, thing):
    response = client_for("coordinator").post(
        _submit_url(partnership, target_id=99), follow=True
    )
    assert "Er is nog niets in te dienen" in response.content.decode()
    assert (
        client_for("coordinator").post(_submit_url(partnership, "nope")).status_code
        == 404
    )


def test_list_and_card_queries(
    partnership, client_for, stuurgroep, thing, django_assert_max_num_queries
):
    coordinator = client_for("coordinator")
    for n in range(12):
        thing["text"] = f"Versie {n}"
        coordinator.post(_submit_url(partnership, target_id=7 if n % 2 else 0))
    member = _login(stuurgroep[0])
    with django_assert_max_num_queries(12):
        response = member.get(_url("approval_list", partnership))
    assert response.content.decode().count("Wacht op jouw besluit") == 2
    overview = reverse(
        "partnerships:dashboard", kwargs={"partnership_slug": partnership.slug}
    )
    response = member.get(overview)
    assert "Wacht op jouw besluit" in response.content.decode()


def test_card_summary_takes_one_query(
    partnership, client_for, stuurgroep, thing, django_assert_max_num_queries
):
    from doorlopend.approvals import selectors
    from doorlopend.partnerships.models import Membership

    coordinator = client_for("coordinator")
    for n in range(6):
        thing["text"] = f"Versie {n}"
        coordinator.post(_submit_url(partnership, target_id=7 if n % 2 else 0))
    with scopes_disabled():
        member = (
            Membership.objects.select_related("partnership")
            .prefetch_related("roles")
            .get(user=stuurgroep[0])
        )
        with django_assert_max_num_queries(1):
            summary = selectors.card_summary(membership=member)
    assert len(summary.mine) == 2
