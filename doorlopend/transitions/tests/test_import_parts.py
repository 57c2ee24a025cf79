"""The parts of the import: readers, header aliases, the set-based recompute."""

import datetime
import random

import pytest
from django_scopes import scopes_disabled

from doorlopend.transitions.choices import ALLOWED_AFTER, Status
from doorlopend.transitions.models import Transition
from doorlopend.transitions.services.history import (
    transitions_recompute,
    transitions_recompute_sql,
)
from doorlopend.transitions.services.imports.columns import (
    mapping_problems,
    mapping_suggest,
)
from doorlopend.transitions.services.imports.read import UnreadableFile, open_table

from .factories import StatusEventFactory, TransitionFactory
from .import_helpers import xlsx_bytes


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        ("\ufeffBSN;Naam\r\n1;Één\r\n", "utf-8"),
        ("BSN,Naam\n1,Één\n", "utf-8"),
        ("BSN\tNaam\n1\tÉén\n", "cp1252"),
    ],
)
def test_csv_delimiters_and_encodings(tmp_path, data, encoding):
    path = tmp_path / "f.csv"
    path.write_bytes(data.encode(encoding))
    with open_table(path) as table:
        assert table.headers == ["BSN", "Naam"]
        assert list(table.rows) == [(2, ["1", "Één"])]
        assert table.fraction() == 1.0


def test_line_numbers_count_quoted_newlines_and_skip_empty_lines(tmp_path):
    path = tmp_path / "f.csv"
    path.write_text('A;B\n1;"x\ny"\n\n2;z\n')
    with open_table(path) as table:
        assert [line for line, _row in table.rows] == [3, 5]


def test_xlsx_headers_after_empty_rows(tmp_path):
    path = tmp_path / "f.upload"
    path.write_bytes(
        xlsx_bytes([[None], ["BSN", "Datum"], [123, datetime.datetime(2026, 2, 1)]])
    )
    with open_table(path) as table:
        assert table.headers == ["BSN", "Datum"]
        assert list(table.rows) == [(3, ["123", datetime.date(2026, 2, 1)])]


def test_an_empty_file_is_unreadable(tmp_path):
    path = tmp_path / "f.csv"
    path.write_bytes(b"")
    with pytest.raises(UnreadableFile), open_table(path):
        pass


def test_aliases_suggest_a_mapping_and_problems_are_per_field():
    headers = ["Burgerservicenummer", "Status ", "Status datum", "BRIN-nummer", "Naam"]
    columns = mapping_suggest(kind="statuses", headers=headers)
    assert columns == {
        "pgn": "Burgerservicenummer",
        "status": "Status ",
        "date": "Status datum",
        "brin": "BRIN-nummer",
        "name": "Naam",
    }
    assert mapping_problems(kind="statuses", columns=columns, headers=headers) == {}
    problems = mapping_problems(
        kind="statuses", columns={"pgn": "Naam", "name": "Naam"}, headers=headers
    )
    assert set(problems) == {"status", "date", "name"}


@pytest.mark.django_db
def test_the_set_based_recompute_gives_the_same_fields_as_the_orm_one():
    rnd = random.Random(3)
    transitions = [TransitionFactory() for _ in range(12)]
    day = datetime.date(2026, 1, 1)
    for transition in transitions:
        status = None
        for _ in range(rnd.randrange(1, 6)):
            following = sorted(
                ALLOWED_AFTER[Status(status)] if status else [Status.AANGEMELD]
            )
            if not following:
                break
            status = rnd.choice(following)
            day += datetime.timedelta(days=rnd.randrange(0, 3))  # same dates too
            StatusEventFactory(transition=transition, status=status, on=day)
    fields = [
        "status",
        "status_on",
        "registered_on",
        "placed_on",
        "enrolled_on",
        "started_on",
        "stopped_on",
        "diploma_on",
        "final_on",
    ]
    ids = [t.pk for t in transitions]
    results = []
    with scopes_disabled():
        for recompute in (
            lambda: transitions_recompute(Transition.objects.filter(pk__in=ids)),
            lambda: transitions_recompute_sql(
                ids_sql="SELECT id FROM transitions_transition"
            ),
        ):
            Transition.objects.filter(pk__in=ids).update(
                status="", status_on=None, final_on=None
            )
            recompute()
            results.append(
                list(
                    Transition.objects.filter(pk__in=ids)
                    .order_by("pk")
                    .values_list(*fields)
                )
            )
    assert results[0] == results[1]
    assert any(row[-1] for row in results[0])  # some became final
