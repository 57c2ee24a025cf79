"""Issue 17: the checklist and the overview show what waits for the stuurgroep's
approval; a route's step plan shows its own documents only; a decided request is gone."""

import pytest
from django.urls import reverse
from django_scopes import scopes_disabled

from doorlopend.approvals.models import ApprovalRequest, ApprovalStatus

from . import factories

pytestmark = pytest.mark.django_db


def _request(partnership, kind, target_id, title, status=ApprovalStatus.PENDING):
    with scopes_disabled():
        return ApprovalRequest.objects.create(
            partnership=partnership,
            kind=kind,
            target_id=target_id,
            title=title,
            content_hash="0" * 64,
            status=status,
        )


def test_the_checklist_the_step_plan_and_the_overview_show_what_waits(
    partnership, client_for, checklist
):
    route = factories.LeerrouteFactory(partnership=partnership, name="Zorg Betuwe")
    other = factories.LeerrouteFactory(partnership=partnership, name="Bouw Betuwe")
    plan = factories.step_plan(route)
    _request(partnership, "plan", 0, "Plan van aanpak 2026")
    _request(partnership, "agreement", route.pk, "Samenwerkingsovereenkomst Zorg")
    _request(partnership, "projectplan", other.pk, "Projectplan Bouw")
    _request(
        partnership,
        "projectplan",
        route.pk,
        "Projectplan Zorg",
        ApprovalStatus.APPROVED,
    )
    client = client_for("coordinator")
    slug = partnership.slug

    page = client.get(reverse("roadmaps:roadmap_detail", args=[slug, checklist.pk]))
    html = page.content.decode()
    assert "Wacht op vaststelling door de stuurgroep" in html
    for title in (
        "Plan van aanpak 2026",
        "Samenwerkingsovereenkomst Zorg",
        "Projectplan Bouw",
    ):
        assert title in html
    assert "Projectplan Zorg" not in html  # decided: waits no more

    page = client.get(reverse("roadmaps:roadmap_detail", args=[slug, plan.pk]))
    html = page.content.decode()
    assert "Samenwerkingsovereenkomst Zorg" in html
    assert "Plan van aanpak 2026" not in html  # the partnership's, not this route's
    assert "Projectplan Bouw" not in html  # another route's

    overview = client.get(reverse("partnerships:dashboard", args=[slug]))
    html = overview.content.decode()
    for title in ("Plan van aanpak 2026", "Samenwerkingsovereenkomst Zorg"):
        assert title in html
