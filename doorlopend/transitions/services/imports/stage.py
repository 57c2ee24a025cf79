"""The staging tables of one import: the clean rows of a file, in a temporary table.

PostgreSQL: COPY FROM STDIN in chunks; SQLite: executemany. The checks (`checks.py`) and the
write (`write.py`) work on it in SQL, in more temporary tables named in `StageTables`;
nothing here holds the whole file in Python. All of them are dropped with the stage.
"""

from __future__ import annotations

import datetime
import logging
import time
from typing import NamedTuple

from django.db import connection

from ...models import Pupil, StatusEvent, Transition
from .row import STAGE_COLUMNS, StagedRow

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


class StageTables(NamedTuple):
    """The temporary tables of one import, each named after it and what it holds."""

    rows: str  # the clean lines of the file: STAGE_COLUMNS (`Stage`)
    keys: str  # each pupil and year of the file: pupil, transition, status so far (checks)
    owners: str  # whose personal data each known pupil's is (`owners.py`)
    allowed_pairs: str  # the (current, new) statuses that may follow (checks)
    latest: str  # each pupil and year's latest given details (write)
    changed: str  # the existing transitions whose details change (write)
    new_events: str  # the statuses of the file not recorded yet (write)
    new_derived: str  # the derived fields of the new transitions (write)

    @classmethod
    def of(cls, job_id: int) -> StageTables:
        prefix = f"tr_stage_{int(job_id)}"
        return cls(*(f"{prefix}_{field}" for field in cls._fields))


class Stage:
    """The staging tables of one import; the rows table filled in chunks."""

    CHUNK = 20_000

    def __init__(self, job_id: int):
        self.job_id = job_id
        self.tables = StageTables.of(job_id)
        self.postgres = connection.vendor == "postgresql"
        self.buffer: list = []
        self.rows = 0

    def create(self) -> None:
        """An empty rows table (and none of the others: a run before may have left them)."""
        columns = ", ".join(f"{c} {_TYPES.get(c, 'text')}" for c in STAGE_COLUMNS)
        with connection.cursor() as cursor:
            self.drop(cursor)
            if self.postgres:
                # Sorts and hashes of a national file in memory, not in temporary files:
                # this connection only, until `drop`.
                execute(cursor, f"SET work_mem = '{WORK_MEM}'")
            execute(cursor, f"CREATE TEMPORARY TABLE {self.tables.rows} ({columns})")

    def drop(self, cursor=None) -> None:
        """Drop every table of `StageTables` that exists."""
        if cursor is None:
            with connection.cursor() as cursor:
                return self.drop(cursor)
        for table in self.tables:
            execute(cursor, f"DROP TABLE IF EXISTS {table}")
        if self.postgres:
            execute(cursor, "RESET work_mem")

    def add(self, line: int, row: StagedRow) -> bool:
        """Buffer one row; True when a chunk was written (a moment to save progress)."""
        if self.postgres:
            self.buffer.append(_copy_line(line, row))
        else:
            self.buffer.append((line, *(_sqlite(v) for v in row)))
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
                with cursor.copy(
                    f"COPY {self.tables.rows} ({columns}) FROM STDIN"
                ) as copy:
                    copy.write("".join(self.buffer))
            else:
                marks = ", ".join(["%s"] * len(STAGE_COLUMNS))
                cursor.executemany(
                    f"INSERT INTO {self.tables.rows} VALUES ({marks})", self.buffer
                )
        self.buffer = []


def execute(cursor, sql: str, params=None) -> None:
    """Execute, logging each statement's time at DEBUG (the benchmark reads them)."""
    started = time.perf_counter()
    cursor.execute(sql, params)
    if logger.isEnabledFor(logging.DEBUG):
        what = " ".join(sql.split())[:90]
        logger.debug("%.2f s  %s", time.perf_counter() - started, what)


def _copy_line(line: int, row: StagedRow) -> str:
    """One row in COPY's text format. Only the free texts (route name, qualification,
    sector) can hold a tab, newline or backslash; the rest are codes, digits, hex
    pseudonyms, base64 tokens and ISO dates."""
    # Unpacked by StagedRow's field names: a million rows pass here, and one unpacking
    # costs less than fifteen attribute reads.
    (
        pseudonym,
        cohort,
        name,
        birth_date,
        org_id,
        leerweg,
        profile,
        route_kind,
        route_name,
        crebo,
        qualification,
        sector,
        mbo_leerweg,
        eindopdracht,
        status,
        on_date,
    ) = row
    t = _COPY_ESCAPES
    return (
        f"{line}\t{pseudonym}\t{cohort}\t{name}\t{birth_date}\t"
        f"{_NULL if org_id is None else org_id}\t{leerweg}\t{profile}\t{route_kind}\t"
        f"{route_name.translate(t)}\t{crebo}\t{qualification.translate(t)}\t"
        f"{sector.translate(t)}\t{mbo_leerweg}\t{eindopdracht}\t{status}\t"
        f"{_NULL if on_date is None else on_date}\n"
    )


def _sqlite(value):
    return value.isoformat() if isinstance(value, datetime.date) else value
