"""Migrations 0003/0004: route texts that name a leerroute of the partnership are linked.

On an empty database of its own (core/testing/scratch_db.py): only the migrations up to
0004 and their ancestors are applied, not every app's migrations undone and redone.
"""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from doorlopend.core.testing.scratch_db import empty_default_database

BEFORE = [
    ("reflection", "0002_report_language"),
    ("routes", "0002_consent_document_random_path"),
]
AFTER = [("reflection", "0004_session_route_label")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.fixture
def empty_database(django_db_blocker):
    with django_db_blocker.unblock(), empty_default_database():
        yield


def test_the_migration_links_a_matching_text_and_keeps_the_others(empty_database):
    old = _migrate(BEFORE)
    Partnership = old.get_model("partnerships", "Partnership")
    Organisation = old.get_model("partnerships", "Organisation")
    Leerroute = old.get_model("routes", "Leerroute")
    Session = old.get_model("reflection", "Session")
    Version = old.get_model("instruments", "InstrumentVersion")
    here = Partnership.objects.create(name="Rivierenland", slug="rivierenland")
    there = Partnership.objects.create(name="Zeeuwse Delta", slug="zeeuwse-delta")

    def route(partnership, name):
        mbo = Organisation.objects.create(
            partnership=partnership, name=f"ROC {name}", kind="mbo"
        )
        return Leerroute.objects.create(
            partnership=partnership,
            name=name,
            mbo_location=mbo,
            leerweg="bb",
            profile="pie",
            crebo="25180",
            qualification="Monteur",
            mbo_leerweg="bol",
            start_year=2027,
            start_date="2027-08-01",
        )

    techniek = route(here, "Techniek Tiel")
    route(here, "Zorg")
    route(here, "zorg")  # two routes of one name: a text cannot say which
    route(there, "Horeca")
    instrument = Version.objects.create(
        key="reflectietool",
        version=1,
        title="Reflectietool",
        definition_json={},
        content_hash="0" * 64,
        source_path="reflectietool/v1.yaml",
    )

    def session(partnership, text, code):
        return Session.objects.create(
            partnership=partnership,
            instrument=instrument,
            title=f"Over {text}",
            date="2026-06-12",
            route=text,
            join_code=code,
        )

    ids = {
        "match": session(here, "  techniek TIEL ", "AAAAAA").pk,
        "none": session(here, "Bouw en infra", "AAAAAC").pk,
        "two": session(here, "Zorg", "AAAAAD").pk,
        "other partnership": session(here, "Horeca", "AAAAAE").pk,
        "empty": session(here, "", "AAAAAF").pk,
    }
    new = _migrate(AFTER)
    Session = new.get_model("reflection", "Session")
    found = {k: Session.objects.get(pk=pk) for k, pk in ids.items()}
    assert found["match"].leerroute_id == techniek.pk
    assert found["match"].route_label == ""
    for key, label in (
        ("none", "Bouw en infra"),
        ("two", "Zorg"),
        ("other partnership", "Horeca"),
        ("empty", ""),
    ):
        assert (found[key].leerroute_id, found[key].route_label) == (None, label)
    # Back again: the linked session names its route in text once more.
    old = _migrate(BEFORE)
    Session = old.get_model("reflection", "Session")
    assert Session.objects.get(pk=ids["match"]).route == "Techniek Tiel"
