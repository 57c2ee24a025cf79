"""No group under k follows from everything shown together (issue 12, points 4 and 5).

The attacks of the issue, reproduced on stored sessions and through the outputs people
see; `test_anonymity_property.py` proves the rule for any group sizes and answers.
"""

import re
from datetime import date

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django_scopes import scope, scopes_disabled

from .. import report
from ..choices import State
from ..models import Answer
from ..selectors.results import session_results
from .anonymity_check import Person, answer_breaches, count_breaches, derivable
from .anonymity_check import null_space as basis_of
from .factories import ParticipantFactory, SessionFactory

pytestmark = pytest.mark.django_db


def stored(partnership, people: list[Person]):
    """A closed session with exactly these people and answers."""
    session = SessionFactory(
        partnership=partnership, state=State.CLOSED, date=date(2026, 6, 12)
    )
    with scopes_disabled():
        for person in people:
            participant = ParticipantFactory(
                session=session, sector=person.sector, layer=person.layer
            )
            Answer.objects.bulk_create(
                Answer(participant=participant, question_key=k, value=v)
                for k, v in person.answers.items()
            )
    return session


def everyone(session, value: int) -> dict[str, int]:
    return {q.key: value for q in session.instrument.definition.questions}


def results_of(session):
    with scopes_disabled():
        return session_results(session)


def seven_phones(partnership):
    """The issue's room: vo/bestuur ×3 (all 2), mbo/bestuur ×1 (all 5), mbo/uitvoering ×3."""
    session = stored(partnership, [])
    plan = [("vo", "bestuur", 2)] * 3 + [("mbo", "bestuur", 5)]
    plan += [("mbo", "uitvoering", 3)] * 3
    people = [Person(s, lay, everyone(session, v)) for s, lay, v in plan]
    with scopes_disabled():
        session.delete()
    return stored(partnership, people), people


def test_the_one_mbo_board_member_cannot_be_worked_out(partnership):
    """Layer bestuur (4) × its mean − sector vo (3) × its mean was their exact answer."""
    session, people = seven_phones(partnership)
    res = results_of(session)
    for theme in res.themes:
        bestuur, vo = theme.by_layer["bestuur"], theme.by_sector["vo"]
        if not bestuur.suppressed and not vo.suppressed:
            revealed = 4 * bestuur.mean - 3 * vo.mean
            pytest.fail(f"{theme.title}: the mbo board member answered {revealed}")
    assert not (res.layer_counts["bestuur"] and res.sector_counts["vo"])
    assert count_breaches(res, people) == []
    assert answer_breaches(res, people) == []


def test_the_page_shows_one_breakdown_of_the_seven_phones(partnership, client_for):
    session, _people = seven_phones(partnership)
    page = client_for("coordinator").get(
        reverse("reflection:session_detail", args=[partnership.slug, session.pk])
        + "?tab=resultaten"
    )
    live = client_for("coordinator").get(
        reverse("reflection:session_live", args=[partnership.slug, session.pk]),
        HTTP_HX_REQUEST="true",
    )
    for response in (page, live):  # the page, and the fragment that refreshes it
        text = response.content.decode()
        assert response.status_code == 200
        assert "Per sector" in text
        assert "Per laag" not in text  # both: 4 × 2,8 − 3 × 2,0 = the board member


def participation_table(html: str) -> list[list[str]]:
    """The cells of the report's "Wie deed er mee" table, as the PDF prints them."""
    section = html.split("Wie deed er mee", 1)[1].split("</table>", 1)[0]
    return [
        [re.sub(r"<[^>]+>", "", cell).strip() for cell in re.findall(cell_re, row)]
        for row in re.findall(r"<tr>(.*?)</tr>", section, re.S)
    ]


cell_re = re.compile(r"<t[hd][^>]*>(.*?)</t[hd]>", re.S)


def hidden_cells_that_follow(table: list[list[str]], truth: dict) -> list[str]:
    """Hidden figures of the table that its rows and columns of sums give away.

    Unknowns: every entry of the table; known: the printed numbers; equations: each row
    and column adds up to its total. An entry follows when its unit vector lies in the
    span of those; a breach when it is a group of 1 … k−1 people.
    """
    header, *body = table
    entries = [(r, c) for r in range(len(body)) for c in range(1, len(header))]
    index = {e: i for i, e in enumerate(entries)}
    rows = []
    last = len(header) - 1
    for r in range(len(body) if last > 1 else 0):  # a row adds up to its total
        row = [0] * len(entries)
        for c in range(1, last):
            row[index[(r, c)]] = 1
        row[index[(r, last)]] = -1
        rows.append(row)
    for c in range(1, len(header) if len(body) > 1 else 1):  # columns likewise
        row = [0] * len(entries)
        for r in range(len(body) - 1):
            row[index[(r, c)]] = 1
        row[index[(len(body) - 1, c)]] = -1
        rows.append(row)
    for (r, c), i in index.items():
        if body[r][c].isdigit():
            rows.append([int(j == i) for j in range(len(entries))])
    basis = basis_of(rows, len(entries))
    found = []
    for (r, c), i in index.items():
        label = (body[r][0], header[c])
        if body[r][c].isdigit() or not 0 < truth[label] < 3:
            continue
        if derivable([int(j == i) for j in range(len(entries))], basis):
            found.append(f"{label} = {truth[label]}")
    return found


def test_no_hidden_cell_of_the_pdf_participation_table_follows_by_subtraction(
    partnership,
):
    """vo: bestuur 5, uitvoering 2 (hidden), total 7 printed: 7 − 5 = 2 gave it away."""
    plan = [("vo", "bestuur")] * 5 + [("vo", "uitvoering")] * 2
    plan += [("mbo", "uitvoering")] * 4
    session = stored(partnership, [])
    people = [Person(s, lay, everyone(session, 4)) for s, lay in plan]
    session = stored(partnership, people)
    with scope(partnership=partnership), translation.override(settings.LANGUAGE_CODE):
        html = report.report_html(session)
    table = participation_table(html)
    truth: dict[tuple[str, str], int] = {}  # (row, column) as printed → people
    for sector in ("vo", "mbo", "Totaal"):
        for layer in ("bestuur", "uitvoering", "Totaal"):
            truth[(sector, layer)] = sum(
                sector in ("Totaal", p.sector) and layer in ("Totaal", p.layer)
                for p in people
            )
    assert table, "the report has a participation table"
    assert hidden_cells_that_follow(table, truth) == []
    res = results_of(session)
    assert count_breaches(res, people) == []
