"""PostgreSQL for backups: its client programs, a connection, and a summary of its data.

The summary (row counts of every table, a hash of every table holding pupil data) is taken
in the snapshot pg_dump dumps (`pg_export_snapshot`), so the manifest describes exactly
the archived data and `restore` can check that it came back whole.
"""

from __future__ import annotations

import glob
import hashlib
import os
import shutil
import subprocess
from pathlib import Path

import psycopg
from django.apps import apps
from django.core.exceptions import ImproperlyConfigured
from psycopg import sql

POSTGRES_ENGINES = {"django.db.backends.postgresql"}


class BackupError(Exception):
    """A backup or restore that cannot go on; the message says why, in plain words."""


def require_postgres(database: dict) -> None:
    if database["ENGINE"] not in POSTGRES_ENGINES:
        raise BackupError(
            f"Backups need PostgreSQL; this database is {database['ENGINE']} "
            "(set DATABASE_URL=postgres://…). For SQLite, copy the file while the app "
            "is stopped."
        )


def tool(name: str, server_major: int | None = None) -> str:
    """The path of a PostgreSQL client program (pg_dump, pg_restore): PG_BIN_DIR if set,
    else Debian's for the server's major version (or the newest), else on PATH."""
    candidates = []
    if os.environ.get("PG_BIN_DIR"):
        candidates.append(Path(os.environ["PG_BIN_DIR"]) / name)
    if server_major:
        candidates.append(Path(f"/usr/lib/postgresql/{server_major}/bin/{name}"))
    versions = glob.glob(f"/usr/lib/postgresql/*/bin/{name}")
    candidates += sorted(map(Path, versions), key=lambda p: int(p.parts[-3]))[::-1]
    found = next((str(p) for p in candidates if os.access(p, os.X_OK)), None)
    found = found or shutil.which(name)
    if not found:
        raise BackupError(
            f"{name} was not found: install PostgreSQL's client programs (Debian: "
            "postgresql-client) or set PG_BIN_DIR to the folder that holds them."
        )
    return found


def tool_version(path: str) -> str:
    done = subprocess.run([path, "--version"], capture_output=True, text=True)  # noqa: S603
    return done.stdout.strip()


def conninfo(database: dict) -> dict:
    """psycopg's keywords for a Django database setting."""
    params = {
        "dbname": database["NAME"],
        "user": database.get("USER") or None,
        "password": database.get("PASSWORD") or None,
        "host": database.get("HOST") or None,
        "port": str(database["PORT"]) if database.get("PORT") else None,
    }
    return {k: v for k, v in params.items() if v is not None}


def client_env(database: dict) -> dict[str, str]:
    """The environment pg_dump and pg_restore connect with (no password on the command
    line, where `ps` would show it)."""
    info, names = conninfo(database), {"user": "PGUSER", "password": "PGPASSWORD"}
    names |= {"host": "PGHOST", "port": "PGPORT", "dbname": "PGDATABASE"}
    return {**os.environ, **{names[k]: v for k, v in info.items()}}


def connect(database: dict) -> psycopg.Connection:
    try:
        return psycopg.connect(**conninfo(database), connect_timeout=10)
    except psycopg.OperationalError as e:
        raise BackupError(f"Cannot connect to PostgreSQL: {e}") from e


def server_version(conn: psycopg.Connection) -> str:
    return conn.execute("SHOW server_version").fetchone()[0]


def server_major(conn: psycopg.Connection) -> int:
    return conn.info.server_version // 10000


def table_names(conn: psycopg.Connection) -> list[str]:
    rows = conn.execute(
        "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() "
        "ORDER BY tablename"
    )
    return [row[0] for row in rows]


def pupil_tables() -> list[str]:
    """The tables holding pupil data: each model with an encrypted field (the fields
    `PUPIL_DATA_KEYS` encrypt say `pupil_data`)."""
    try:
        models = apps.get_models()
    except ImproperlyConfigured:  # pragma: no cover - Django is always set up here
        return []
    return sorted(
        model._meta.db_table
        for model in models
        if any(getattr(f, "pupil_data", False) for f in model._meta.local_fields)
    )


def summary(conn: psycopg.Connection) -> dict:
    """Row counts of every table, and one hash over the pupil tables' rows in key order
    (the stored ciphertext: equal hashes mean equal data, without decrypting it)."""
    counts = {}
    for table in table_names(conn):
        query = sql.SQL("SELECT count(*) FROM {}").format(sql.Identifier(table))
        counts[table] = conn.execute(query).fetchone()[0]
    digest = hashlib.sha256()
    for table in pupil_tables():
        if table not in counts:
            continue
        query = sql.SQL("SELECT t::text FROM {} t ORDER BY t.id").format(
            sql.Identifier(table)
        )
        digest.update(table.encode() + b"\0")
        with conn.cursor() as cursor:
            for (row,) in cursor.execute(query):
                digest.update(row.encode() + b"\0")
    return {"row_counts": counts, "pupil_tables_sha256": digest.hexdigest()}
