"""The demo, loaded once per test process and copied into each test that asks for it.

`load_demo` takes seconds and many tests only read what it made. The first test that asks
(fixture `loaded_demo` in conftest.py) runs the command and keeps the rows of every table
the command changed; each later test gets those rows written into its own transaction
instead (one DELETE and one bulk INSERT per table, or COPY on PostgreSQL), which its
rollback removes again like anything else the test wrote.

The copy is only used on the database state it was taken on: any flush or migrate (a
`transaction=True` test's clean-up sends post_migrate, whose handlers make content types
and instrument versions anew) drops it, and a table that does not hold as many rows as
when the copy was taken makes the test run the real command.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection
from django.db.models.signals import post_migrate


@dataclass
class _Table:
    columns: list[str]
    rows: list  # SQLite: tuples of raw values; PostgreSQL: COPY's text output
    count_before: int


_copy: dict[str, _Table] | None = None


def _forget(**kwargs) -> None:
    global _copy
    _copy = None


post_migrate.connect(_forget, weak=False, dispatch_uid="core.testing.demo_copy")


def load_demo() -> None:
    """`manage.py load_demo` into the current test's database, from the copy if there is one."""
    global _copy
    # A transaction=True test: no rollback would undo a copy.
    if not connection.in_atomic_block:
        call_command("load_demo", stdout=io.StringIO())
        return
    if _copy is not None and _restore(_copy):
        return
    before = _read_all()
    call_command("load_demo", stdout=io.StringIO())
    after = _read_all()
    _copy = {
        table: _Table(columns, rows, len(before[table][1]))
        for table, (columns, rows) in after.items()
        if table in before
        and sorted(map(repr, rows)) != sorted(map(repr, before[table][1]))
    }


def _virtual_tables(cursor) -> set[str]:
    """SQLite's full-text tables (knowledge's search index): copied with their rowid;
    their shadow tables are theirs to keep."""
    if connection.vendor != "sqlite":
        return set()
    cursor.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'"
    )
    return {name for (name,) in cursor.fetchall()}


def _read_all() -> dict[str, tuple[list[str], list]]:
    found = {}
    with connection.cursor() as cursor:
        virtual = _virtual_tables(cursor)
        tables = connection.introspection.django_table_names(only_existing=True)
        for table in sorted(set(tables) | virtual):
            found[table] = _read(cursor, table, table in virtual)
    return found


def _read(cursor, table: str, virtual: bool) -> tuple[list[str], list]:
    quote = connection.ops.quote_name
    columns = [
        column.name
        for column in connection.introspection.get_table_description(cursor, table)
    ]
    if virtual:
        columns = ["rowid", *columns]
    if connection.vendor == "postgresql":
        names = ", ".join(map(quote, columns))
        with cursor.cursor.copy(f"COPY {quote(table)} ({names}) TO STDOUT") as copy:
            rows = [bytes(block) for block in copy]
        # One COPY block may hold several rows: compare and store them line by line.
        lines = b"".join(rows).splitlines(keepends=True)
        return columns, lines
    # `+column` is the value as stored, without the converters of Django's SQLite
    # connection (which would make a bool of 1 and a datetime of its text).
    select = ", ".join(f"+{quote(c)}" for c in columns)
    cursor.execute(f"SELECT {select} FROM {quote(table)}")  # noqa: S608 (names from the schema)
    return columns, list(cursor.fetchall())


def _restore(copy: dict[str, _Table]) -> bool:
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        for table, saved in copy.items():
            cursor.execute(f"SELECT COUNT(*) FROM {quote(table)}")  # noqa: S608
            if cursor.fetchone()[0] != saved.count_before:
                return False
        if connection.vendor == "postgresql":
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        else:
            cursor.execute("PRAGMA defer_foreign_keys = ON")
        for table, saved in copy.items():
            names = ", ".join(map(quote, saved.columns))
            if saved.count_before:
                cursor.execute(f"DELETE FROM {quote(table)}")  # noqa: S608
            if connection.vendor == "postgresql":
                with cursor.cursor.copy(
                    f"COPY {quote(table)} ({names}) FROM STDIN"
                ) as copy_in:
                    copy_in.write(b"".join(saved.rows))
            elif saved.rows:
                marks = ", ".join("?" * len(saved.columns))
                connection.connection.executemany(
                    f"INSERT INTO {quote(table)} ({names}) VALUES ({marks})",  # noqa: S608
                    saved.rows,
                )
        if connection.vendor == "postgresql":
            for statement in connection.ops.sequence_reset_sql(
                no_style(), _models_of(set(copy))
            ):
                cursor.execute(statement)
    ContentType.objects.clear_cache()
    return True


def _models_of(tables: set[str]) -> list:
    from django.apps import apps

    return [model for model in apps.get_models() if model._meta.db_table in tables]
