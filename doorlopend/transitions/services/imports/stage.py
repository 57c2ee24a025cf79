"""The staging table of one import: the clean rows of a file, in a temporary table.

PostgreSQL: COPY FROM STDIN in chunks; SQLite: executemany. The checks (`checks.py`) and the
write (`write.py`) work on it in SQL; nothing here holds the whole file in Python.
"""

from __future__ import annotations

import datetime
import logging
import time

from django.db import connection

from ...models import Pupil, StatusEvent, Transition
from .validate import STAGE_COLUMNS

logger = logging.getLogger(__name__)
_TYPES = {
    "line": "integer",
    "cohort": "integer",
    "org_id": "bigint",
    "on_date": "date",
}
_NULL = "\\N"
_COPY_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})
PUPILS, TRANSITIONS, EVENTS = (
    m._meta.db_table for m in (Pupil, Transition, StatusEvent)
)

WORK_MEM = "64MB"


class Stage:
    """A temporary table of clean rows for one import, filled in chunks."""

    CHUNK = 20_000

    def __init__(self, job_id: int):
        self.job_id = job_id
        self.name = f"tr_stage_{job_id}"
        self.postgres = connection.vendor == "postgresql"
        self.buffer: list = []
        self.rows = 0

    def create(self) -> None:
        columns = ", ".join(f"{c} {_TYPES.get(c, 'text')}" for c in STAGE_COLUMNS)
        with connection.cursor() as cursor:
            self.drop(cursor)
            if self.postgres:
                # Sorts and hashes of a national file in memory, not in temporary files:
                # this connection only, until `drop`.
                execute(cursor, f"SET work_mem = '{WORK_MEM}'")
            execute(cursor, f"CREATE TEMPORARY TABLE {self.name} ({columns})")
            for name in ("k", "l", "c", "r", "a", "e", "d", "o"):
                execute(cursor, f"DROP TABLE IF EXISTS {self.name}_{name}")

    def drop(self, cursor=None) -> None:
        if cursor is None:
            with connection.cursor() as cursor:
                return self.drop(cursor)
        for suffix in ("", "_k", "_l", "_c", "_r", "_a", "_e", "_d", "_o"):
            execute(cursor, f"DROP TABLE IF EXISTS {self.name}{suffix}")
        if self.postgres:
            execute(cursor, "RESET work_mem")

    def add(self, line: int, record: tuple) -> bool:
        """Buffer one row; True when a chunk was written (a moment to save progress)."""
        if self.postgres:
            self.buffer.append(_copy_line(line, record))
        else:
            self.buffer.append((line, *(_sqlite(v) for v in record)))
        self.rows += 1
        if len(self.buffer) >= self.CHUNK:
            self.flush()
            return True
        return False

    def flush(self) -> None:
        if not self.buffer:
            return
        with connection.cursor() as cursor:
            if self.postgres:
                columns = ", ".join(STAGE_COLUMNS)
                with cursor.copy(f"COPY {self.name} ({columns}) FROM STDIN") as copy:
                    copy.write("".join(self.buffer))
            else:
                marks = ", ".join(["%s"] * len(STAGE_COLUMNS))
                cursor.executemany(
                    f"INSERT INTO {self.name} VALUES ({marks})", self.buffer
                )
        self.buffer = []


def execute(cursor, sql: str, params=None) -> None:
    """Execute, logging each statement's time at DEBUG (the benchmark reads them)."""
    started = time.perf_counter()
    cursor.execute(sql, params)
    if logger.isEnabledFor(logging.DEBUG):
        what = " ".join(sql.split())[:90]
        logger.debug("%.2f s  %s", time.perf_counter() - started, what)


def _copy_line(line: int, record: tuple) -> str:
    """One row in COPY's text format. Only the free texts (route name, qualification,
    sector) can hold a tab, newline or backslash; the rest are codes, digits, hex
    pseudonyms, base64 tokens and ISO dates."""
    (
        code,
        cohort,
        name,
        birth,
        org_id,
        leerweg,
        profile,
        route_kind,
        route_name,
        crebo,
        qualification,
        sector,
        mbo_leerweg,
        status,
        on,
    ) = record
    t = _COPY_ESCAPES
    return (
        f"{line}\t{code}\t{cohort}\t{name}\t{birth}\t{_NULL if org_id is None else org_id}\t"
        f"{leerweg}\t{profile}\t{route_kind}\t{route_name.translate(t)}\t{crebo}\t"
        f"{qualification.translate(t)}\t{sector.translate(t)}\t{mbo_leerweg}\t{status}\t"
        f"{_NULL if on is None else on}\n"
    )


def _sqlite(value):
    return value.isoformat() if isinstance(value, datetime.date) else value
