"""The test database's tables come from the models (core/testing/schema_from_models.py):
every migration with code is sorted into schema work (run there) or row work (not needed
in a new database), and the test database counts every migration as applied."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.loader import MigrationLoader

from doorlopend.core.testing import schema_from_models


def test_every_migration_with_code_is_sorted_into_schema_or_data():
    loader = MigrationLoader(None, ignore_no_migrations=True)
    listed = set(schema_from_models.SCHEMA) | schema_from_models.DATA
    unsorted = schema_from_models.code_migrations(loader) - listed
    assert not unsorted, (
        "a migration with RunPython/RunSQL: add it to SCHEMA (it makes tables, indexes, "
        f"triggers) or DATA (it only changes rows) in schema_from_models.py: {sorted(unsorted)}"
    )
    assert listed <= set(loader.disk_migrations), "a listed migration is gone"


@pytest.mark.django_db
def test_the_test_database_has_every_migration_applied_and_the_schema_work_done():
    executor = MigrationExecutor(connection)
    assert executor.migration_plan(executor.loader.graph.leaf_nodes()) == []
    tables = connection.introspection.table_names()
    assert "django_cache" in tables  # core 0001
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            assert "knowledge_practice_fts" in tables  # knowledge 0002
            cursor.execute(
                "SELECT name FROM sqlite_master WHERE type = 'trigger'"
                " AND tbl_name = 'audit_accesslogentry'"
            )
        else:
            cursor.execute(
                "SELECT indexname FROM pg_indexes"
                " WHERE indexname = 'knowledge_practice_search_gin'"
            )
            assert cursor.fetchall()  # knowledge 0002
            cursor.execute(
                "SELECT tgname FROM pg_trigger"
                " WHERE tgrelid = 'audit_accesslogentry'::regclass AND NOT tgisinternal"
            )
        assert cursor.fetchall()  # audit 0002
