"""Every migration can be unapplied: an upgrade that goes wrong can be rolled back with
`migrate <app> <previous>`, the code of the previous release and no restore.

Checked on the operations (RunPython and RunSQL need their reverse); `.ci/run` also runs
every app down to zero and up again on PostgreSQL with the demo data (`migrations down
and up`), which catches a reverse that exists but fails.
"""

from django.db.migrations.loader import MigrationLoader

# Migrations of installed packages that cannot be unapplied, and why we accept that.
IRREVERSIBLE = {
    ("django_tasks_database", "0013_separate_exception_fields"): (
        "django-tasks-db's own data migration (no reverse in the package); unapplying "
        "the task queue's tables is never part of rolling back Doorlopend"
    ),
}


def test_every_migration_can_be_unapplied():
    loader = MigrationLoader(None, ignore_no_migrations=True)
    irreversible = sorted(
        f"{app}.{name}: {type(operation).__name__}"
        for (app, name), migration in loader.disk_migrations.items()
        for operation in migration.operations
        if not operation.reversible and (app, name) not in IRREVERSIBLE
    )
    assert irreversible == [], "give each a reverse (RunPython.noop if nothing to undo)"


def test_the_accepted_exceptions_are_still_there_and_still_irreversible():
    migrations = MigrationLoader(None, ignore_no_migrations=True).disk_migrations
    for key in IRREVERSIBLE:
        assert key in migrations
        assert not all(op.reversible for op in migrations[key].operations)
