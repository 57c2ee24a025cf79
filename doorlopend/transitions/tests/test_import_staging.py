"""The staging of an import: a clean row is a staged row with named fields, and every
temporary table an import makes is dropped again (also after a refused file)."""

import datetime
import re

import pytest
from django.db import connection
from django_scopes import scopes_disabled

from doorlopend.partnerships.tests.factories import RegisterEntryFactory, SchoolFactory
from doorlopend.transitions.models import StatusEvent, Transition
from doorlopend.transitions.privacy import decrypt, pseudonym
from doorlopend.transitions.services.imports.columns import mapping_suggest
from doorlopend.transitions.services.imports.rights import ImportSchools
from doorlopend.transitions.services.imports.row import StagedRow
from doorlopend.transitions.services.imports.validate import Validator

from .import_helpers import (
    LEAVERS_HEADER,
    STATUS_HEADER,
    csv_bytes,
    pgn,
    run_file,
    save_mapping,
    schools,
)

pytestmark = pytest.mark.django_db

CREATE = re.compile(r"CREATE TEMPORARY TABLE (\w+)")
DROP = re.compile(r"DROP TABLE IF EXISTS (\w+)")


@pytest.fixture(autouse=True)
def private_root(settings, tmp_path):
    settings.PRIVATE_UPLOAD_ROOT = tmp_path / "private"


def test_a_clean_row_is_a_staged_row_whose_fields_are_the_staging_columns():

    headers = STATUS_HEADER.split(";")
    validator = Validator(
        kind="statuses",
        headers=headers,
        columns=mapping_suggest(kind="statuses", headers=headers),
        cohort=2026,
        default_org_id=7,
        schools={"22BB": 7},
        schools_allowed=ImportSchools(own=frozenset({7}), fitting=frozenset({7})),
        today=datetime.date(2026, 6, 1),
    )
    row, reasons = validator.clean(
        [pgn(1), "Intake", "15-02-2026", "22BB", "25168", "Kok", "Horeca", "BOL"]
    )
    assert reasons == []
    assert isinstance(row, StagedRow)
    assert row._asdict() == {
        "pseudonym": pseudonym(pgn(1)),
        "cohort": 2026,
        "name": "",
        "birth_date": "",
        "org_id": 7,
        "leerweg": "",
        "profile": "",
        "route_kind": "",
        "route_name": "",
        "crebo": "25168",
        "qualification": "Kok",
        "sector": "Horeca",
        "mbo_leerweg": "bol",
        "eindopdracht": "",
        "status": "intake",
        "on_date": datetime.date(2026, 2, 15),
    }


def test_a_leavers_row_names_its_details_and_encrypts_name_and_birth_date():

    headers = LEAVERS_HEADER.split(";")
    validator = Validator(
        kind="leavers",
        headers=headers,
        columns=mapping_suggest(kind="leavers", headers=headers),
        cohort=2026,
        default_org_id=5,
        schools={"11AA": 5},
        schools_allowed=ImportSchools(own=frozenset({5}), fitting=frozenset({5})),
        today=datetime.date(2026, 6, 1),
    )
    row, reasons = validator.clean(
        [pgn(2), "Sanne de Vries", "17-05-2010", "KB", "zw", "DLR", "Zorgroute", "havo"]
    )
    assert reasons == []
    assert (decrypt(row.name), decrypt(row.birth_date)) == (
        "Sanne de Vries",
        "2010-05-17",
    )
    assert (row.leerweg, row.profile, row.route_kind, row.route_name) == (
        "kb",
        "zw",
        "dlr",
        "Zorgroute",
    )
    assert (row.org_id, row.status, row.on_date) == (5, "havo", validator.today)


def _tables_run(partnership, school, kind, data):
    """(tables created, tables dropped) by one import, and the job."""
    statements: list[str] = []

    def capture(execute, sql, params, many, context):
        statements.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(capture):
        job = run_file(partnership, school, kind, data)
    # Named without the import's id, to compare two imports.
    created = {_unnumbered(m) for s in statements for m in CREATE.findall(s)}
    dropped = {_unnumbered(m) for s in statements for m in DROP.findall(s)}
    return created, dropped, job


def _unnumbered(table: str) -> str:
    return re.sub(r"_\d+", "", table)


def _temporary_tables() -> set[str]:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname LIKE 'pg_temp%%'"
            )
        else:
            cursor.execute("SELECT name FROM sqlite_temp_master WHERE type = 'table'")
        return {_unnumbered(name) for (name,) in cursor.fetchall()}


def test_every_staging_table_an_import_makes_is_dropped_and_only_those(partnership):
    vo, mbo = schools(partnership)
    save_mapping(partnership, vo, "leavers", LEAVERS_HEADER)
    save_mapping(partnership, mbo, "statuses", STATUS_HEADER)
    leavers = csv_bytes(
        LEAVERS_HEADER, [f"{pgn(1)};Sanne de Vries;17-05-2010;KB;zw;DLR;Zorgroute;mbo"]
    )
    created, dropped, job = _tables_run(partnership, vo, "leavers", leavers)
    assert job.status == "done", job.errors
    statuses = csv_bytes(
        STATUS_HEADER,
        [
            f"{pgn(1)};aangemeld;01-02-2026;22BB;25168;Kok;Horeca;BOL",
            f"{pgn(1)};intake;15-02-2026;;;;;",
        ],
    )
    created_2, dropped_2, job = _tables_run(partnership, mbo, "statuses", statuses)
    assert job.status == "done", job.errors
    assert created == created_2 and dropped == dropped_2
    # Each table dropped is one an import makes, and the other way round.
    assert created == dropped
    # Named for what they hold, not by a letter.
    assert not [t for t in created if re.search(r"_[a-z]$", t)], created
    assert _temporary_tables().isdisjoint(created)


def test_a_refused_file_leaves_no_staging_table(partnership):
    _vo, mbo = schools(partnership)
    save_mapping(partnership, mbo, "statuses", STATUS_HEADER)
    # Ingeschreven cannot follow gestopt: refused by the set-based order check.
    statuses = csv_bytes(
        STATUS_HEADER,
        [
            f"{pgn(1)};gestopt;01-02-2026;22BB;;;;",
            f"{pgn(1)};ingeschreven;15-02-2026;22BB;;;;",
        ],
    )
    created, dropped, job = _tables_run(partnership, mbo, "statuses", statuses)
    assert job.status == "refused"
    assert created <= dropped
    assert _temporary_tables().isdisjoint(created)


def test_the_same_pupil_number_in_two_partnerships_stays_two_pupils(
    partnership, other_partnership
):
    """The raw-SQL write carries `partnership_id` itself (no scope filters it): the
    pseudonym of a pupil number is the same everywhere, the pupil is not."""
    _vo, mbo = schools(partnership)
    other_mbo = SchoolFactory(
        partnership=other_partnership,
        kind="mbo",
        register_entry=RegisterEntryFactory(brin="33CC", vestiging="", sector="mbo"),
    )
    save_mapping(partnership, mbo, "statuses", STATUS_HEADER)
    save_mapping(other_partnership, other_mbo, "statuses", STATUS_HEADER)
    first = run_file(
        partnership,
        mbo,
        "statuses",
        csv_bytes(STATUS_HEADER, [f"{pgn(1)};aangemeld;01-02-2026;;25168;Kok;;BOL"]),
    )
    second = run_file(
        other_partnership,
        other_mbo,
        "statuses",
        csv_bytes(STATUS_HEADER, [f"{pgn(1)};gestopt;01-03-2026;;25180;;;BBL"]),
    )
    assert (first.status, second.status) == ("done", "done"), second.errors
    assert second.created_count == 1
    with scopes_disabled():
        here = Transition.objects.get(partnership=partnership)
        there = Transition.objects.get(partnership=other_partnership)
        assert here.pupil_id != there.pupil_id
        assert (here.status, here.crebo, here.receiving_organisation) == (
            "aangemeld",
            "25168",
            mbo,
        )
        assert (there.status, there.crebo, there.receiving_organisation) == (
            "gestopt",
            "25180",
            other_mbo,
        )
        assert StatusEvent.objects.filter(partnership=partnership).count() == 1
