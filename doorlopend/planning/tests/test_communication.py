"""The communication plan: lines by moment or per audience, kept by the coördinator."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled

from doorlopend.planning.models import CommunicationItem
from doorlopend.planning.selectors.communication import plan_communication

from .factories import CommunicationItemFactory
from .test_tasks import logged_in, membership

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def url(partnership, name, *args):
    return reverse(f"planning:{name}", args=[partnership.slug, *args])


VALID = {
    "audience": "ouders",
    "message": "Ouderavond over de overstap naar het mbo",
    "channel": "ouderavond",
    "moment": "2026-11-12",
    "status": "planned",
}


def test_coordinator_adds_a_line(partnership, client_for):
    response = client_for("coordinator").post(
        url(partnership, "communication_create"), VALID
    )
    assert response.status_code == 302
    with scopes_disabled():
        item = CommunicationItem.objects.get()
    assert item.audience == "ouders"
    assert item.moment == datetime.date(2026, 11, 12)


@pytest.mark.parametrize("missing", ["audience", "message", "channel", "moment"])
def test_a_required_part_missing_is_refused(partnership, client_for, missing):
    data = {**VALID, missing: ""}
    response = client_for("coordinator").post(
        url(partnership, "communication_create"), data
    )
    assert response.status_code == 200
    assert response.context["form"].errors[missing][0] == _("This field is required.")
    with scopes_disabled():
        assert not CommunicationItem.objects.exists()


def test_an_unknown_audience_is_refused(partnership, client_for):
    data = {**VALID, "audience": "iedereen"}
    response = client_for("coordinator").post(
        url(partnership, "communication_create"), data
    )
    assert response.status_code == 200
    assert response.context["form"].has_error("audience", code="invalid_choice")


def test_owner_of_another_partnership_is_refused(
    partnership, other_partnership, member_of, client_for
):
    stranger = membership(other_partnership, member_of(other_partnership, "docent"))
    data = {**VALID, "owner": stranger.pk}
    response = client_for("coordinator").post(
        url(partnership, "communication_create"), data
    )
    assert response.status_code == 200
    assert response.context["form"].has_error("owner", code="invalid_choice")


def test_staff_reads_but_may_not_change(partnership, client_for):
    item = CommunicationItemFactory(partnership=partnership)
    client = client_for("docent")
    assert client.get(url(partnership, "communication")).status_code == 200
    assert (
        client.post(url(partnership, "communication_create"), VALID).status_code == 403
    )
    assert (
        client.post(url(partnership, "communication_delete", item.pk)).status_code
        == 403
    )


def test_filter_by_audience_and_group(partnership, client_for):
    CommunicationItemFactory(
        partnership=partnership, audience="ouders", message="Voor ouders"
    )
    CommunicationItemFactory(
        partnership=partnership, audience="bedrijfsleven", message="Voor werkgevers"
    )
    client = client_for("stuurgroep")
    response = client.get(url(partnership, "communication"), {"audience": "ouders"})
    body = response.content.decode()
    assert "Voor ouders" in body
    assert "Voor werkgevers" not in body
    response = client.get(url(partnership, "communication"), {"view": "audience"})
    groups = response.context["groups"]
    assert [g.audience for g in groups] == ["ouders", "bedrijfsleven"]


def test_edit_and_delete(partnership, client_for):
    item = CommunicationItemFactory(partnership=partnership)
    client = client_for("coordinator")
    data = {**VALID, "channel": "website"}
    assert (
        client.post(url(partnership, "communication_edit", item.pk), data).status_code
        == 302
    )
    item.refresh_from_db()
    assert item.channel == "website"
    assert (
        client.get(url(partnership, "communication_delete", item.pk)).status_code == 200
    )
    assert (
        client.post(url(partnership, "communication_delete", item.pk)).status_code
        == 302
    )
    with scopes_disabled():
        assert not CommunicationItem.objects.exists()


def test_item_of_another_partnership_is_404(partnership, other_partnership, client_for):
    item = CommunicationItemFactory(partnership=other_partnership)
    response = client_for("coordinator").get(
        url(partnership, "communication_edit", item.pk)
    )
    assert response.status_code == 404


def test_plan_communication_next_moments(partnership, member_of):
    me = membership(partnership, member_of(partnership))
    day = datetime.timedelta(days=1)
    CommunicationItemFactory(partnership=partnership, moment=TODAY - day)
    CommunicationItemFactory(
        partnership=partnership, moment=TODAY + day, message="Volgende"
    )
    CommunicationItemFactory(partnership=partnership, moment=TODAY, status="done")
    with scopes_disabled():
        summary = plan_communication(
            partnership=partnership, membership=me, today=TODAY
        )
    assert summary.total == 3
    assert [i.message for i in summary.next] == ["Volgende"]


def test_communication_queries(partnership, member_of, django_assert_max_num_queries):
    owner = membership(partnership, member_of(partnership, "werkgroeplid"))
    audiences = [a for a, _label in CommunicationItem.Audience.choices]
    for n in range(50):
        CommunicationItemFactory(
            partnership=partnership, audience=audiences[n % 8], owner=owner
        )
    client = logged_in(member_of(partnership))
    with django_assert_max_num_queries(10):
        assert client.get(url(partnership, "communication")).status_code == 200
    with django_assert_max_num_queries(10):
        response = client.get(url(partnership, "communication"), {"view": "audience"})
        assert response.status_code == 200
