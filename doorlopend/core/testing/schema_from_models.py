"""The test database's tables made from the models instead of by every migration in turn.

Applying the 117 migrations one by one cost each test process about ten seconds of CPU on
SQLite and more on PostgreSQL, nearly all of it Django rendering the models of every
intermediate state. `makemigrations --check` (make lint) holds the models equal to the
state the migrations end in, so `migrate --run-syncdb` with the migrations switched off
makes the tables the migrations make. What migrations do beyond tables is their RunPython
or RunSQL: those that build schema (SCHEMA) are run here after the tables; those that
only change rows (DATA) have nothing to do in a new database. Every migration is then
recorded as applied, and post_migrate (content types, instrument versions) runs as ever.
core/tests/test_schema_from_models.py fails on a RunPython or RunSQL in neither list.

The migrations themselves still run for real: a migration's own test migrates a database
of its own (core/testing/scratch_db.py), and `.ci/run` migrates SQLite (the outputs step)
and PostgreSQL down to zero and up again (the backup step). Not with --reuse-db: a kept
database gets new migrations applied as usual.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from django.apps import apps as global_apps
from django.core.management.commands import migrate
from django.db import connections, migrations
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder
from django.test.utils import override_settings

# Migrations whose RunPython builds schema: run on the tables made from the models.
SCHEMA = (
    ("core", "0001_cache_table"),
    ("audit", "0002_append_only_triggers"),
    ("knowledge", "0002_search_index"),
)
# Migrations whose RunPython only rewrites existing rows: nothing to do in a new database.
DATA = {
    ("auth", "0011_update_proxy_permissions"),
    ("axes", "0007_alter_accessattempt_unique_together"),
    ("contenttypes", "0002_remove_content_type_name"),
    ("django_tasks_database", "0008_separate_results_field"),
    ("django_tasks_database", "0011_rename_complete_status"),
    ("django_tasks_database", "0013_separate_exception_fields"),
    (
        "django_tasks_database",
        "0016_remove_dbtaskresult_django_task_new_ordering_idx_and_more",
    ),
    ("django_tasks_database", "0018_rename_succeeded_status"),
    ("documents", "0005_job_states_renamed"),
    ("reflection", "0003_session_leerroute"),
    ("reflection", "0006_job_states_renamed"),
    ("registry", "0004_job_states_renamed"),
    ("roadmaps", "0002_itemchange_raw_values"),
    ("transitions", "0004_import_states_renamed"),
}


class _NoMigrations:
    """MIGRATION_MODULES that says "no migrations" for every app (as pytest-django's
    --nomigrations does)."""

    def __contains__(self, item: str) -> bool:
        return True

    def __getitem__(self, item: str) -> None:
        return None


def code_migrations(loader: MigrationLoader) -> set[tuple[str, str]]:
    """Every migration on disk with a RunPython or RunSQL."""
    return {
        key
        for key, migration in loader.disk_migrations.items()
        if any(
            isinstance(operation, migrations.RunPython | migrations.RunSQL)
            for operation in migration.operations
        )
    }


def _statements(sql) -> list:
    return [sql] if isinstance(sql, str) else list(sql)


@contextmanager
def migrate_from_models() -> Iterator[None]:
    """While open, `migrate` makes the tables from the models, runs SCHEMA's code and
    records every migration as applied."""
    real_handle = migrate.Command.handle

    def handle(self, *args, **options):
        with override_settings(MIGRATION_MODULES=_NoMigrations()):
            real_handle(self, *args, **{**options, "run_syncdb": True})
        connection = connections[options.get("database") or "default"]
        loader = MigrationLoader(connection)
        with connection.schema_editor() as editor:
            for key in SCHEMA:
                for operation in loader.disk_migrations[key].operations:
                    if isinstance(operation, migrations.RunPython):
                        operation.code(global_apps, editor)
                    elif isinstance(operation, migrations.RunSQL):
                        for statement in _statements(operation.sql):
                            editor.execute(statement)
        recorder = MigrationRecorder(connection)
        recorder.ensure_schema()
        recorder.migration_qs.bulk_create(
            recorder.Migration(app=app, name=name)
            for app, name in sorted(loader.disk_migrations)
        )

    migrate.Command.handle = handle
    try:
        yield
    finally:
        migrate.Command.handle = real_handle
