"""Running imports: validation errors with line numbers, all-or-nothing, idempotence,
history, the meeting of two files on one pupil, and no pupil number in the database."""

import datetime

import pytest
from django.db import connection
from django_scopes import scopes_disabled

from doorlopend.audit.models import AccessLogEntry
from doorlopend.transitions.models import Pupil, StatusEvent, Transition
from doorlopend.transitions.privacy import pseudonym

from .import_helpers import (
    LEAVERS_HEADER,
    STATUS_HEADER,
    csv_bytes,
    pgn,
    run_file,
    save_mapping,
    schools,
    xlsx_bytes,
)

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture(autouse=True)
def private_root(settings, tmp_path):
    settings.PRIVATE_UPLOAD_ROOT = tmp_path / "private"
    return settings.PRIVATE_UPLOAD_ROOT


@pytest.fixture
def setup(partnership):
    vo, mbo = schools(partnership)
    save_mapping(partnership, mbo, "statuses", STATUS_HEADER)
    save_mapping(partnership, vo, "leavers", LEAVERS_HEADER)
    return vo, mbo


def status_file(rows):
    return csv_bytes(STATUS_HEADER, rows)


def test_a_status_file_creates_pupils_transitions_and_history(
    partnership, setup, private_root
):
    _vo, mbo = setup
    data = status_file(
        [
            f"{pgn(1)};aangemeld;01-02-2026;22BB;25168;Verzorgende IG;Zorg;BOL",
            f"{pgn(1)};Intake;2026-02-15;;;;;",
            f"{pgn(2)};Aangemeld;3-2-2026;22BB;25168;Verzorgende IG;Zorg;bbl",
        ]
    )
    job = run_file(partnership, mbo, "statuses", data)
    assert job.status == "done", job.errors
    assert (
        job.created_count,
        job.updated_count,
        job.unchanged_count,
        job.rejected_count,
    ) == (3, 0, 0, 0)
    with scopes_disabled():
        t = Transition.objects.get(pupil__pseudonym=pseudonym(pgn(1)))
        assert (t.status, t.status_on, t.registered_on) == (
            "intake",
            D(2026, 2, 15),
            D(2026, 2, 1),
        )
        assert (t.receiving_organisation, t.crebo, t.sector, t.mbo_leerweg) == (
            mbo,
            "25168",
            "Zorg",
            "bol",
        )
        assert StatusEvent.objects.count() == 3
        assert (
            AccessLogEntry.objects.filter(action="import", organisation=mbo).count()
            == 1
        )
    assert not list(private_root.iterdir())  # the file is gone


def test_the_same_file_twice_changes_nothing(partnership, setup):
    _vo, mbo = setup
    data = status_file(
        [f"{pgn(1)};aangemeld;01-02-2026;;;;;", f"{pgn(1)};intake;15-02-2026;;;;;"]
    )
    run_file(partnership, mbo, "statuses", data)
    again = run_file(partnership, mbo, "statuses", data)
    assert again.status == "done", again.errors
    assert (again.created_count, again.updated_count, again.unchanged_count) == (
        0,
        0,
        2,
    )
    with scopes_disabled():
        assert StatusEvent.objects.count() == 2


def test_a_newer_file_adds_history_and_changed_details_count_as_updated(
    partnership, setup
):
    _vo, mbo = setup
    run_file(
        partnership,
        mbo,
        "statuses",
        status_file(
            [
                f"{pgn(1)};aangemeld;01-02-2026;;25168;;;",
                f"{pgn(2)};aangemeld;01-02-2026;;;;;",
            ]
        ),
    )
    newer = status_file(
        [
            f"{pgn(1)};aangemeld;01-02-2026;;25168;;;",
            f"{pgn(1)};ingeschreven;01-06-2026;;25168;;;",
            f"{pgn(2)};aangemeld;01-02-2026;;25169;;;",
        ]
    )
    job = run_file(partnership, mbo, "statuses", newer)
    assert (job.created_count, job.updated_count, job.unchanged_count) == (1, 1, 1)
    with scopes_disabled():
        t1 = Transition.objects.get(pupil__pseudonym=pseudonym(pgn(1)))
        t2 = Transition.objects.get(pupil__pseudonym=pseudonym(pgn(2)))
        assert [e.status for e in t1.events.all()] == ["aangemeld", "ingeschreven"]
    assert (t1.status, t1.enrolled_on) == ("ingeschreven", D(2026, 6, 1))
    assert t2.crebo == "25169"


def test_every_bad_row_is_reported_with_its_line_and_nothing_is_written(
    partnership, setup
):
    _vo, mbo = setup
    future = (datetime.date.today() + datetime.timedelta(days=3)).strftime("%d-%m-%Y")
    bad_pgn = pgn(3)[:-1] + str((int(pgn(3)[-1]) + 1) % 10)
    rows = [
        f"{pgn(1)};aangemeld;01-02-2026;;;;;",  # line 2: fine
        f"{bad_pgn};aangemeld;01-02-2026;;;;;",  # 3
        f"{pgn(4)};aangemeld;01-02-2026;99ZZ;;;;",  # 4
        f"{pgn(5)};verdwenen;01-02-2026;;;;;",  # 5
        f"{pgn(6)};aangemeld;{future};;;;;",  # 6
        f"{pgn(7)};aangemeld;31-02-2026;;;;;",  # 7
        f"{pgn(8)};aangemeld;01-02-2026;;2516;;;",  # 8
        f"{pgn(9)};;01-02-2026;;;;;",  # 9
        f"{pgn(10)};aangemeld;01-02-2026;;;;;XYZ",  # 10
    ]
    job = run_file(partnership, mbo, "statuses", status_file(rows))
    assert job.status == "refused"
    assert job.rejected_count == 8
    lines = {e["line"]: e["reason"] for e in job.errors}
    assert sorted(lines) == [3, 4, 5, 6, 7, 8, 9, 10]
    assert "11-proef" in lines[3]
    assert "99ZZ" in lines[4]
    assert "verdwenen" in lines[5]
    assert future in lines[6]
    assert "31-02-2026" in lines[7]
    assert "2516" in lines[8]
    assert "Status" in lines[9]
    assert "XYZ" in lines[10]
    with scopes_disabled():
        assert not Pupil.objects.exists()
        assert not Transition.objects.exists()


def test_a_status_impossible_after_the_current_one_is_refused(partnership, setup):
    _vo, mbo = setup
    run_file(
        partnership, mbo, "statuses", status_file([f"{pgn(1)};gestart;01-09-2025;;;;;"])
    )
    job = run_file(
        partnership,
        mbo,
        "statuses",
        status_file(
            [
                f"{pgn(2)};aangemeld;01-02-2026;;;;;",  # 2: fine
                f"{pgn(1)};aangemeld;01-02-2026;;;;;",  # 3: after gestart (in the database)
                f"{pgn(2)};gestart;01-03-2026;;;;;",  # 4: after aangemeld (in the file)
                f"{pgn(3)};diploma;01-03-2025;;;;;",  # 5: first: fine
            ]
        ),
    )
    assert job.status == "refused"
    assert [e["line"] for e in job.errors] == [3, 4]
    with scopes_disabled():
        assert Pupil.objects.count() == 1


def test_leavers_and_statuses_meet_on_one_pupil(partnership, setup):
    vo, mbo = setup
    leavers = csv_bytes(
        LEAVERS_HEADER,
        [
            f"{pgn(1)};Sanne de Vries;17-05-2010;KB;Zorg en welzijn;DLR;Zorgroute;mbo",
            f"{pgn(2)};Ahmed Bakir;2010-01-02;gemengde leerweg;eo;regulier;;havo",
        ],
    )
    job = run_file(partnership, vo, "leavers", leavers)
    assert job.status == "done", job.errors
    assert job.created_count == 2
    job = run_file(
        partnership,
        mbo,
        "statuses",
        status_file([f"{pgn(1)};aangemeld;01-02-2026;;25168;;;"]),
    )
    assert job.status == "done", job.errors
    with scopes_disabled():
        assert Pupil.objects.count() == 2
        t = Transition.objects.get(pupil__pseudonym=pseudonym(pgn(1)))
        assert (t.sending_organisation, t.receiving_organisation) == (vo, mbo)
        assert (t.leerweg, t.profile, t.route_kind, t.route_name) == (
            "kb",
            "zw",
            "dlr",
            "Zorgroute",
        )
        assert t.status == "aangemeld"
        assert t.pupil.name == "Sanne de Vries"
        assert t.pupil.birth_date == "2010-05-17"
        havo = Transition.objects.get(pupil__pseudonym=pseudonym(pgn(2)))
        assert havo.status == "havo"
    # The leavers file again: the destination equals the current status, nothing new.
    again = run_file(partnership, vo, "leavers", leavers)
    assert (again.created_count, again.updated_count, again.unchanged_count) == (
        0,
        0,
        2,
    )


def test_an_xlsx_file_with_excel_dates(partnership, setup):
    _vo, mbo = setup
    data = xlsx_bytes(
        [
            STATUS_HEADER.split(";"),
            [
                int(pgn(1)),
                "aangemeld",
                datetime.datetime(2026, 2, 1),
                "22BB",
                25168,
                "Kok",
                "Horeca",
                "BOL",
            ],
            [None, None, None],
            [pgn(2), "Ingeschreven", "01-06-2026", None, None, None, None, None],
        ]
    )
    job = run_file(partnership, mbo, "statuses", data, name="statussen.xlsx")
    assert job.status == "done", job.errors
    assert job.created_count == 2
    with scopes_disabled():
        assert (
            Transition.objects.get(pupil__pseudonym=pseudonym(pgn(1))).crebo == "25168"
        )


def test_a_windows_1252_file_with_commas(partnership, setup):
    vo, _mbo = setup
    header = LEAVERS_HEADER.replace(";", ",")
    save_mapping(partnership, vo, "leavers", header, sep=",")
    data = csv_bytes(
        header, [f"{pgn(1)},José Ünal,17-05-2010,TL,,,,onbekend"], encoding="cp1252"
    )
    job = run_file(partnership, vo, "leavers", data)
    assert job.status == "done", job.errors
    with scopes_disabled():
        assert Pupil.objects.get().name == "José Ünal"


def test_the_pupil_number_is_nowhere_in_the_database(partnership, setup, private_root):
    vo, mbo = setup
    numbers = [pgn(n) for n in range(1, 6)]
    run_file(
        partnership,
        vo,
        "leavers",
        csv_bytes(LEAVERS_HEADER, [f"{n};Naam {n};17-05-2010;KB;;;;" for n in numbers]),
    )
    run_file(
        partnership,
        mbo,
        "statuses",
        status_file([f"{n};aangemeld;01-02-2026;;;;;" for n in numbers]),
    )
    dump = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f'SELECT * FROM "{table}"')
            dump.extend(repr(row) for row in cursor.fetchall())
    text = "\n".join(dump)
    assert text  # the dump holds the imported rows
    for number in numbers:
        assert number not in text
        assert number.lstrip("0") not in text
    assert "Naam 1" not in text  # names are encrypted
    assert not list(private_root.iterdir())
