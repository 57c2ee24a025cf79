"""The dossier's figures: no names, no cell under k, secondary suppression, start and
stay with a read dossier against without."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from django_scopes import scopes_disabled

from doorlopend.dossier.models import Handover
from doorlopend.dossier.selectors.figures import dossier_figures
from doorlopend.dossier.services import parts
from doorlopend.partnerships.tests.factories import SchoolFactory
from doorlopend.transitions.tests.factories import TransitionFactory

from .handover_helpers import approve

pytestmark = pytest.mark.django_db


def leavers(partnership, school, n, complete, read=0, mbo=None, started=0):
    """n leavers of `school`, the first `complete` with a complete dossier, the first
    `read` of those read by `mbo`, the first `started` started two years ago."""
    long_ago = timezone.localdate() - datetime.timedelta(days=800)
    with scopes_disabled():
        for i in range(n):
            t = TransitionFactory(
                partnership=partnership,
                sending_organisation=school,
                receiving_organisation=mbo,
                cohort=2024,
                started_on=long_ago if i < started else None,
            )
            if i >= complete:
                continue
            dossier = parts.dossier_get_or_create(transition=t)
            for field in parts.PART_A_FIELDS:
                parts.part_a_field_save(dossier=dossier, field=field, text="x")
            parts.part_b_save(
                dossier=dossier, advice="a", attendance_results="b", by=None
            )
            approve(dossier, "a")
            approve(dossier, "b")
            if i < read:
                Handover.objects.create(
                    partnership=partnership,
                    dossier=dossier,
                    receiving_organisation=mbo,
                    first_read_at=timezone.now(),
                )


def test_small_cells_are_hidden_and_shielded(partnership):
    with scopes_disabled():
        big = SchoolFactory(partnership=partnership, kind="vo", name="Groot")
        small = SchoolFactory(partnership=partnership, kind="vo", name="Klein")
    leavers(partnership, big, 10, complete=5)
    leavers(partnership, small, 6, complete=2)
    with scopes_disabled():
        figures = dossier_figures(partnership=partnership, cohort=2024)
    rows = {row.label: row for row in figures.schools}
    small_complete = rows["Klein"].lines[0][1][1]
    big_complete = rows["Groot"].lines[0][1][1]
    assert small_complete.hidden and small_complete.reason == "small"
    # The total (7) is shown, so the big school's 5 would give the small one away.
    assert big_complete.hidden and big_complete.reason == "protects"
    total = figures.schools[-1].lines[-1][1]
    assert total[0].count == 16 and total[1].count == 7


def test_read_dossiers_against_without_start_and_stay(partnership):
    with scopes_disabled():
        vo = SchoolFactory(partnership=partnership, kind="vo")
        mbo = SchoolFactory(partnership=partnership, kind="mbo")
    leavers(partnership, vo, 12, complete=6, read=6, mbo=mbo, started=10)
    with scopes_disabled():
        figures = dossier_figures(partnership=partnership, cohort=2024)
    with_read, without = figures.outcomes
    assert with_read.lines[0][1][0].count == 6  # headed to mbo
    assert with_read.lines[0][1][1].count == 6  # started
    assert without.lines[0][1][0].count == 6
    # 4 of the 6 without started: 2 did not, under k: hidden.
    assert without.lines[0][1][1].hidden


def test_the_page_shows_no_names(partnership, client_for):
    with scopes_disabled():
        vo = SchoolFactory(partnership=partnership, kind="vo", name="Vmbo Zonnebloem")
    leavers(partnership, vo, 6, complete=6)
    url = reverse("dossier:figures", args=[partnership.slug])
    for role in ("stuurgroep", "landelijk_adviseur", "coordinator"):
        response = client_for(role).get(url)
        assert response.status_code == 200
        assert "Vmbo Zonnebloem" in response.content.decode()
    with scopes_disabled():
        from doorlopend.transitions.models import Pupil

        names = list(Pupil.objects.values_list("name", flat=True))
    page = client_for("stuurgroep").get(url).content.decode()
    assert not any(name in page for name in names)


def test_the_page_queries_are_bounded(
    partnership, client_for, django_assert_max_num_queries
):
    with scopes_disabled():
        vo = SchoolFactory(partnership=partnership, kind="vo")
    leavers(partnership, vo, 8, complete=8)
    client = client_for("coordinator")
    with django_assert_max_num_queries(20):
        assert (
            client.get(reverse("dossier:figures", args=[partnership.slug])).status_code
            == 200
        )


def test_other_partnership_sees_none_of_it(partnership, other_partnership, client_for):
    with scopes_disabled():
        vo = SchoolFactory(partnership=partnership, kind="vo", name="Vmbo Zonnebloem")
    leavers(partnership, vo, 6, complete=6)
    url = reverse("dossier:figures", args=[partnership.slug])
    assert (
        client_for("coordinator", partnership=other_partnership).get(url).status_code
        == 404
    )
    own = reverse("dossier:figures", args=[other_partnership.slug])
    page = client_for("coordinator", partnership=other_partnership).get(own)
    assert "Vmbo Zonnebloem" not in page.content.decode()
