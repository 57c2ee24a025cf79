"""A migrated SQLite test database kept as a template between test runs.

Migrating the test database takes about 4 seconds of CPU per test process (two processes
under `make test -n auto` on two cores). The result only depends on the migrations, the
models, the apps' `post_migrate` handlers and the instrument files those handlers load, so it is kept
in `var/` under a name made from a hash of exactly those files: the next run copies it into
its in-memory database (SQLite's backup API, a few milliseconds) instead of migrating. Any
change to a migration, an `apps.py` or an instrument file gives a new name, so a stale
template is never used; older templates are deleted when a new one is written.

Only for SQLite in memory, and only while pytest-django creates the test database: a test
that runs `migrate` itself still runs the real command.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import django
from django.conf import settings
from django.core.management.commands import migrate
from django.db import connections

PREFIX = "test-template-"


def _inputs(root: Path) -> list[Path]:
    """Every file the migrated database depends on, in a stable order."""
    package = root / "doorlopend"
    files = [
        *package.glob("*/migrations/*.py"),
        # The test database's tables are made from the models (schema_from_models.py).
        *package.glob("*/models.py"),
        *package.glob("*/models/*.py"),
        *package.glob("*/apps.py"),
        *(path for path in (package / "instruments").rglob("*") if path.is_file()),
    ]
    return sorted(path for path in files if "__pycache__" not in path.parts)


def template_path() -> Path:
    root = Path(settings.BASE_DIR)
    digest = hashlib.sha256(django.get_version().encode())
    digest.update("\n".join(settings.INSTALLED_APPS).encode())
    for path in _inputs(root):
        digest.update(str(path.relative_to(root)).encode())
        digest.update(path.read_bytes())
    return root / "var" / f"{PREFIX}{digest.hexdigest()[:16]}.sqlite3"


def applies(database: dict) -> bool:
    """True for an SQLite test database in memory (Django's default for SQLite)."""
    name = database.get("TEST", {}).get("NAME")
    return database["ENGINE"] == "django.db.backends.sqlite3" and (
        not name or name == ":memory:" or "mode=memory" in name
    )


def _save(raw: sqlite3.Connection, template: Path) -> None:
    template.parent.mkdir(exist_ok=True)
    partial = template.with_name(f"{template.name}.{os.getpid()}.partial")
    copy = sqlite3.connect(partial)
    try:
        raw.backup(copy)
    finally:
        copy.close()
    os.replace(
        partial, template
    )  # atomic: two workers may both write it on a first run
    for old in template.parent.glob(f"{PREFIX}*.sqlite3"):
        if old != template:
            old.unlink(missing_ok=True)


@contextmanager
def migrate_from_template() -> Iterator[Path]:
    """While open, `migrate` on an in-memory SQLite database loads the template when there
    is one, and otherwise migrates and writes the template."""
    template = template_path()
    real_handle = migrate.Command.handle

    def handle(self, *args, **options):
        connection = connections[options.get("database") or "default"]
        connection.ensure_connection()
        if template.exists():
            source = sqlite3.connect(template)
            try:
                source.backup(connection.connection)
            finally:
                source.close()
            return
        real_handle(self, *args, **options)
        _save(connection.connection, template)

    migrate.Command.handle = handle
    try:
        yield template
    finally:
        migrate.Command.handle = real_handle
