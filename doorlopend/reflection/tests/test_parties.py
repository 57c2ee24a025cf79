"""Results per kind of party: k ≥ 3 per kind, no kind worked out from the total by
subtraction, tenancy and a query bound."""

import pytest
from django.urls import reverse
from django_scopes import scope

from ..selectors.parties import party_results
from .draagvlak_helpers import answer, draagvlak_session, filled

pytestmark = pytest.mark.django_db


def parties_url(session, slug=None):
    return reverse(
        "reflection:session_parties",
        args=[slug or session.partnership.slug, session.pk],
    )


def shown(session) -> dict[str, int | None]:
    with scope(partnership=session.partnership):
        return {c.key: c.count for c in party_results(session=session).columns}


def theme_means(session) -> dict[str, float | None]:
    with scope(partnership=session.partnership):
        res = party_results(session=session)
    row = res.themes[0]
    return {
        c.key: None if cell.suppressed else cell.mean
        for c, cell in zip(res.columns, row.cells, strict=True)
    } | {"all": row.total.mean}


def test_every_kind_of_party_with_k_shows(partnership):
    session = filled(partnership, {"vo": 3, "mbo": 3, "bedrijfsleven": 4}, [])
    assert shown(session) == {"vo": 3, "mbo": 3, "bedrijfsleven": 4}
    assert None not in theme_means(session).values()


def test_a_small_kind_hides_a_second_so_the_total_gives_nothing_away(partnership):
    # vo 4, mbo 3, gemeente 1: with the total, vo and mbo shown, the one municipal
    # answer would be the total minus the two. So mbo (the smallest shown) goes too,
    # and what is hidden (mbo and gemeente together, 4 people) is at least k.
    session = draagvlak_session(partnership)
    for sector, n, score in (("vo", 4, 5), ("mbo", 3, 3), ("gemeente", 1, 1)):
        for _i in range(n):
            answer(session, sector, score=score)
    assert shown(session) == {"vo": 4, "mbo": None, "gemeente": None}
    means = theme_means(session)
    assert means["vo"] == 5 and means["mbo"] is None and means["gemeente"] is None
    assert means["all"] == pytest.approx((4 * 5 + 3 * 3 + 1) / 8)


def test_the_page_says_too_few_answers_for_a_hidden_kind(partnership, client_for):
    session = filled(partnership, {"vo": 4, "mbo": 3, "gemeente": 1}, [])
    page = client_for("stuurgroep").get(parties_url(session)).content.decode()
    assert page.count("te weinig antwoorden") + page.count("too few answers") >= 2
    assert ">4</td>" in page  # the vo count and no other kind's


def test_under_k_in_all_the_page_shows_no_figure(partnership, client_for):
    session = filled(partnership, {"vo": 2}, [])
    page = client_for("coordinator").get(parties_url(session)).content.decode()
    assert "Mean per theme" not in page and "Gemiddelde per thema" not in page


def test_another_partnership_gets_404(partnership, other_partnership, client_for):
    session = filled(partnership, {"vo": 3}, [])
    outsider = client_for("coordinator", partnership=other_partnership)
    assert outsider.get(parties_url(session, other_partnership.slug)).status_code == 404


def test_the_page_reads_a_fixed_number_of_queries(
    partnership, client_for, django_assert_max_num_queries
):
    texts = [f"Antwoord {n}" for n in range(30)]
    session = filled(
        partnership, {"vo": 10, "mbo": 10, "bedrijfsleven": 10, "gemeente": 2}, texts
    )
    client = client_for("coordinator")
    client.get(parties_url(session))
    with django_assert_max_num_queries(12):
        response = client.get(parties_url(session))
    assert "Antwoord 29" in response.content.decode()
