"""An empty database in place of the test database, for a test that runs migrations.

A data migration tested on the test database must first unapply every later migration of
every app that depends on the migrated one, and afterwards apply them all again: with 25
apps that was half a minute of the suite for one test. On an empty database the test
applies only the migrations it names and their ancestors, and unapplies only the ones it
goes back over.

The empty database takes the place of the `default` connection in this thread while the
context is open, so a migration's RunPython (whose historical models read and write the
default database) works on it too. SQLite: a database in memory; PostgreSQL: a schema of
its own in the same database, the only one on the connection's search path, dropped again
at the end (a schema is made and dropped in milliseconds; a database takes seconds). Not
for a test marked `django_db`: that one's transaction lives on the real connection.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from contextlib import contextmanager

from django.core.exceptions import ImproperlyConfigured
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.utils import load_backend

SCHEMA = "scratch_migrations"


@contextmanager
def empty_default_database() -> Iterator[None]:
    real = connections[DEFAULT_DB_ALIAS]
    settings_dict = copy.deepcopy(real.settings_dict)
    postgres = real.vendor == "postgresql"
    if postgres:
        options = settings_dict.setdefault("OPTIONS", {})
        options["options"] = f"{options.get('options', '')} -c search_path={SCHEMA}"
    elif real.vendor == "sqlite":
        settings_dict["NAME"] = ":memory:"
    else:  # pragma: no cover - the project runs on SQLite and PostgreSQL only
        raise ImproperlyConfigured(
            f"A scratch database is made on SQLite or PostgreSQL, not {real.vendor}."
        )
    settings_dict["CONN_MAX_AGE"] = 0
    backend = load_backend(settings_dict["ENGINE"])
    scratch = backend.DatabaseWrapper(settings_dict, alias=DEFAULT_DB_ALIAS)
    if postgres:
        with scratch.cursor() as cursor:
            cursor.execute(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE")
            cursor.execute(f"CREATE SCHEMA {SCHEMA}")
    connections[DEFAULT_DB_ALIAS] = scratch
    try:
        yield
    finally:
        connections[DEFAULT_DB_ALIAS] = real
        if postgres:
            with scratch.cursor() as cursor:
                cursor.execute(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE")
        scratch.close()
