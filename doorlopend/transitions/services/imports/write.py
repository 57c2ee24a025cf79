"""The staging table, the set-based checks and the all-or-nothing write of one import.

Valid rows are staged in a temporary table (PostgreSQL: COPY FROM STDIN; SQLite:
executemany), then everything that depends on more than one row is done in SQL: the order
of statuses is checked against `choices.allowed_pairs()`, and — only if no row was refused
— pupils, transitions and status events are written in one transaction: a new transition
with its derived fields (`history.derived_sql` over its new statuses), an existing one
recomputed when it gets new statuses; the events in (transition, date, line) order.
Nothing here holds the rows in Python.
"""

from __future__ import annotations

import datetime
import logging
import time
from dataclasses import dataclass

from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ...choices import ImportKind, Status, allowed_pairs
from ...models import Pupil, StatusEvent, Transition
from ..history import DERIVED, derived_sql, transitions_recompute_sql
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
_ATTRIBUTES = (
    "leerweg",
    "profile",
    "route_kind",
    "route_name",
    "crebo",
    "qualification",
    "sector",
    "mbo_leerweg",
)


WORK_MEM = "64MB"
# Rows created from which the written tables are analysed straight after the import.
ANALYZE_AFTER = 10_000


@dataclass
class Counts:
    created: int = 0
    updated: int = 0
    unchanged: int = 0


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
                _execute(cursor, f"SET work_mem = '{WORK_MEM}'")
            _execute(cursor, f"CREATE TEMPORARY TABLE {self.name} ({columns})")
            for name in ("k", "l", "c", "r", "a", "e", "d"):
                _execute(cursor, f"DROP TABLE IF EXISTS {self.name}_{name}")

    def drop(self, cursor=None) -> None:
        if cursor is None:
            with connection.cursor() as cursor:
                return self.drop(cursor)
        for suffix in ("", "_k", "_l", "_c", "_r", "_a", "_e", "_d"):
            _execute(cursor, f"DROP TABLE IF EXISTS {self.name}{suffix}")
        if self.postgres:
            _execute(cursor, "RESET work_mem")

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


def _execute(cursor, sql: str, params=None) -> None:
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


def order_problems(stage: Stage, *, partnership_id: int, kind: str):
    """Yield (line, previous, status) for each staged status that cannot follow the one
    before it: the previous new status of the same pupil and year in (date, line) order,
    else the transition's current status. Statuses already recorded are left out, so the
    same file twice passes."""
    s = stage.name
    with connection.cursor() as cursor:
        _keys(cursor, s, partnership_id)
        if kind == ImportKind.LEAVERS:
            # A destination equal to the current status adds nothing (the date is today's).
            _execute(
                cursor,
                f"UPDATE {s} SET status = '' WHERE status <> '' AND EXISTS (SELECT 1 FROM {s}_k k"
                f" WHERE k.pseudonym = {s}.pseudonym AND k.cohort = {s}.cohort AND k.current = {s}.status)",
            )
        _execute(
            cursor, f"CREATE TEMPORARY TABLE {s}_a (cur varchar(30), new varchar(30))"
        )
        cursor.executemany(f"INSERT INTO {s}_a VALUES (%s, %s)", allowed_pairs())
        _execute(
            cursor,
            f"""
            WITH n AS (
                SELECT x.line, x.pseudonym, x.cohort, x.status, LAG(x.status) OVER (
                    PARTITION BY x.pseudonym, x.cohort ORDER BY x.on_date, x.line) AS prev
                FROM {s} x JOIN {s}_k k ON k.pseudonym = x.pseudonym AND k.cohort = x.cohort
                WHERE x.status <> '' AND NOT EXISTS (
                    SELECT 1 FROM {EVENTS} e WHERE e.transition_id = k.transition_id
                    AND e.status = x.status AND e."on" = x.on_date)
            )
            SELECT n.line, COALESCE(n.prev, NULLIF(k.current, '')) AS prev, n.status
            FROM n JOIN {s}_k k ON k.pseudonym = n.pseudonym AND k.cohort = n.cohort
            WHERE COALESCE(n.prev, NULLIF(k.current, '')) IS NOT NULL AND NOT EXISTS (
                SELECT 1 FROM {s}_a a
                WHERE a.cur = COALESCE(n.prev, NULLIF(k.current, '')) AND a.new = n.status)
            ORDER BY n.line
            """,
        )
        while batch := cursor.fetchmany(1000):
            yield from batch


def order_reason(previous: str, status: str) -> str:
    return _("“%(new)s” cannot follow “%(current)s”.") % {
        "new": Status(status).label,
        "current": Status(previous).label,
    }


def _keys(cursor, s: str, partnership_id: int) -> None:
    """{s}_k: each pupil and year in the file, with its pupil, transition and status so far."""
    if connection.vendor == "postgresql":
        # PostgreSQL reads the whole file in hash joins and sorts: an index on it would
        # cost seconds to build and never be used.
        _execute(cursor, f"ANALYZE {s}")
    else:
        _execute(cursor, f"CREATE INDEX {s}_key ON {s} (pseudonym, cohort)")
    _execute(
        cursor,
        f"""
        CREATE TEMPORARY TABLE {s}_k AS
        SELECT ROW_NUMBER() OVER (ORDER BY d.pseudonym, d.cohort) AS kid, d.pseudonym,
            d.cohort, p.id AS pupil_id, t.id AS transition_id, t.status AS current,
            CASE WHEN t.id IS NULL THEN 1 ELSE 0 END AS new_t
        FROM (SELECT DISTINCT pseudonym, cohort FROM {s}) d
        LEFT JOIN {PUPILS} p ON p.partnership_id = {int(partnership_id)} AND p.pseudonym = d.pseudonym
        LEFT JOIN {TRANSITIONS} t ON t.pupil_id = p.id AND t.cohort = d.cohort
        """,
    )
    _execute(cursor, f"CREATE INDEX {s}_k_key ON {s}_k (pseudonym, cohort)")
    _execute(cursor, f"CREATE INDEX {s}_k_kid ON {s}_k (kid)")
    if connection.vendor == "postgresql":
        _execute(cursor, f"ANALYZE {s}_k")


def stage_write(stage: Stage, *, job, by_id: int | None) -> Counts:
    """Write the staged rows: pupils, transitions, status events, derived fields. One
    transaction; call only when no row was refused. Counts are per row of the file."""
    s, p, j = stage.name, int(job.partnership_id), int(job.pk)
    org_column = (
        "sending_organisation_id"
        if job.kind == ImportKind.LEAVERS
        else "receiving_organisation_id"
    )
    # Sorts as (date, line), as text: 10 characters of date and 10 of line number.
    sort_key = (
        "'0000-00-00'" if job.kind == ImportKind.LEAVERS else "CAST(x.on_date AS text)"
    )
    ops = connection.ops
    now = ops.adapt_datetimefield_value(timezone.now())
    source = f"{job.get_kind_display()}: {job.original_filename}"[:300]
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # Check foreign keys as each statement ends, not all at COMMIT: the queue of a
            # million deferred checks was the slowest step of a large import.
            _execute(cursor, "SET CONSTRAINTS ALL IMMEDIATE")
        # Each detail of a pupil's year: the value of the latest row that gives one.
        latest = ", ".join(
            f"COALESCE(SUBSTR(MAX(CASE WHEN {a} <> '' THEN k || {a} END), 21), '') AS {a}"
            for a in _ATTRIBUTES
        )
        _execute(
            cursor,
            f"""CREATE TEMPORARY TABLE {s}_l AS SELECT pseudonym, cohort,
                CAST(SUBSTR(MAX(CASE WHEN org_id IS NOT NULL THEN k || CAST(org_id AS text) END), 21)
                    AS bigint) AS org_id, {latest}
            FROM (SELECT x.*, {sort_key} || CAST(x.line + 1000000000 AS text) AS k FROM {s} x) y
            GROUP BY pseudonym, cohort""",
        )
        _execute(cursor, f"CREATE INDEX {s}_l_key ON {s}_l (pseudonym, cohort)")
        # Existing transitions whose details change: a given (non-empty) value that differs.
        differs = " OR ".join(f"(l.{a} <> '' AND t.{a} <> l.{a})" for a in _ATTRIBUTES)
        _execute(
            cursor,
            f"""CREATE TEMPORARY TABLE {s}_c AS SELECT t.id AS transition_id
            FROM {s}_k k JOIN {s}_l l ON l.pseudonym = k.pseudonym AND l.cohort = k.cohort
            JOIN {TRANSITIONS} t ON t.id = k.transition_id
            WHERE (l.org_id IS NOT NULL AND COALESCE(t.{org_column}, 0) <> l.org_id) OR {differs}""",
        )
        _events_new(cursor, s)
        counts = _counts(cursor, s)
        _execute(
            cursor,
            f"""INSERT INTO {PUPILS} (partnership_id, pseudonym, name, birth_date, created_at)
            SELECT {p}, x.pseudonym, MAX(x.name), MAX(x.birth_date), %s FROM {s} x
            WHERE x.pseudonym IN (SELECT pseudonym FROM {s}_k WHERE pupil_id IS NULL)
            GROUP BY x.pseudonym ORDER BY x.pseudonym
            ON CONFLICT (partnership_id, pseudonym) DO NOTHING""",
            [now],
        )
        for field in ("name", "birth_date"):  # given again: kept up to date
            _execute(
                cursor,
                f"""UPDATE {PUPILS} SET {field} = g.value FROM (
                    SELECT x.pseudonym, MAX(x.{field}) AS value FROM {s} x JOIN {s}_k k
                    ON k.pseudonym = x.pseudonym AND k.cohort = x.cohort
                    WHERE x.{field} <> '' AND k.pupil_id IS NOT NULL GROUP BY x.pseudonym) g
                WHERE {PUPILS}.partnership_id = {p} AND {PUPILS}.pseudonym = g.pseudonym""",
            )
        _execute(
            cursor,
            f"""UPDATE {s}_k SET pupil_id = p.id FROM {PUPILS} p
            WHERE {s}_k.pupil_id IS NULL AND p.partnership_id = {p}
            AND p.pseudonym = {s}_k.pseudonym""",
        )
        attributes = ", ".join(_ATTRIBUTES)
        values = ", ".join(
            "COALESCE(NULLIF(l.route_kind, ''), 'regulier')"
            if a == "route_kind"
            else f"l.{a}"
            for a in _ATTRIBUTES
        )
        # A new transition is written with its derived fields, from its new events (the
        # same definition as the recompute, which would otherwise rewrite every row).
        derived = ", ".join(DERIVED)
        derived_values = ", ".join(
            "COALESCE(d.status, '')" if f == "status" else f"d.{f}" for f in DERIVED
        )
        _execute(
            cursor,
            f"""INSERT INTO {TRANSITIONS} (partnership_id, pupil_id, cohort, {org_column},
                {attributes}, {derived}, created_at, updated_at)
            SELECT {p}, k.pupil_id, k.cohort, l.org_id, {values}, {derived_values}, %s, %s
            FROM {s}_k k JOIN {s}_l l ON l.pseudonym = k.pseudonym AND l.cohort = k.cohort
            LEFT JOIN {s}_d d ON d.transition_id = k.kid
            WHERE k.transition_id IS NULL ORDER BY k.pupil_id""",
            [now, now],
        )
        sets = ", ".join(
            f"{a} = COALESCE(NULLIF(l.{a}, ''), {TRANSITIONS}.{a})" for a in _ATTRIBUTES
        )
        _execute(
            cursor,
            f"""UPDATE {TRANSITIONS} SET {org_column} = COALESCE(l.org_id, {TRANSITIONS}.{org_column}),
                {sets}, updated_at = %s
            FROM {s}_k k JOIN {s}_l l ON l.pseudonym = k.pseudonym AND l.cohort = k.cohort
            WHERE {TRANSITIONS}.id = k.transition_id
            AND k.transition_id IN (SELECT transition_id FROM {s}_c)""",
            [now],
        )
        _execute(
            cursor,
            f"""UPDATE {s}_k SET transition_id = t.id FROM {TRANSITIONS} t
            WHERE {s}_k.transition_id IS NULL AND t.pupil_id = {s}_k.pupil_id
            AND t.cohort = {s}_k.cohort""",
        )
        if connection.vendor == "postgresql":
            _execute(cursor, f"ANALYZE {s}_k")
        # In (transition, date, line) order: the index and the foreign key are read in
        # order, and of two statuses on one date the later line is the later recorded.
        _execute(
            cursor,
            f"""INSERT INTO {EVENTS} (partnership_id, transition_id, status, "on", source,
                import_job_id, recorded_at, recorded_by_id)
            SELECT {p}, k.transition_id, e.status, e.on_date, %s, {j}, %s, %s
            FROM {s}_e e JOIN {s}_k k ON k.kid = e.kid
            WHERE true ORDER BY k.transition_id, e.on_date, e.line
            ON CONFLICT (transition_id, status, "on") DO NOTHING""",
            [source, now, by_id],
        )
        started = time.perf_counter()
        transitions_recompute_sql(
            # Transitions that existed and have new events (new ones were written whole).
            ids_sql=f"SELECT k.transition_id FROM {s}_k k WHERE k.new_t = 0"
            f" AND k.kid IN (SELECT e.kid FROM {s}_e e)"
        )
        logger.debug("%.2f s  recompute", time.perf_counter() - started)
        started = time.perf_counter()
    logger.debug("%.2f s  commit", time.perf_counter() - started)
    if connection.vendor == "postgresql" and counts.created >= ANALYZE_AFTER:
        # Fresh statistics for the figures and the signals that run next: until
        # autovacuum comes by, the planner would take these tables for nearly empty.
        with connection.cursor() as cursor:
            for table in (PUPILS, TRANSITIONS, EVENTS):
                _execute(cursor, f"ANALYZE {table}")
    return counts


def _events_new(cursor, s: str) -> None:
    """{s}_e: the statuses of the file not recorded yet, once per pupil, year, status and
    date (at the first line that gives it); {s}_d: the derived fields of the new
    transitions, from those statuses (the line stands in for the id still to come)."""
    _execute(
        cursor,
        f"""CREATE TEMPORARY TABLE {s}_e AS
        SELECT k.kid, x.status, x.on_date, MIN(x.line) AS line
        FROM {s} x JOIN {s}_k k ON k.pseudonym = x.pseudonym AND k.cohort = x.cohort
        WHERE x.status <> '' AND (k.transition_id IS NULL OR NOT EXISTS (
            SELECT 1 FROM {EVENTS} e WHERE e.transition_id = k.transition_id
            AND e.status = x.status AND e."on" = x.on_date))
        GROUP BY k.kid, x.status, x.on_date""",
    )
    _execute(cursor, f"CREATE INDEX {s}_e_kid ON {s}_e (kid)")
    if connection.vendor == "postgresql":
        _execute(cursor, f"ANALYZE {s}_e")
    events = (
        f'SELECT e.kid AS transition_id, e.status, e.on_date AS "on", e.line AS id'
        f" FROM {s}_e e WHERE e.kid IN (SELECT kid FROM {s}_k WHERE new_t = 1)"
    )
    _execute(
        cursor,
        f"CREATE TEMPORARY TABLE {s}_d AS {derived_sql(events_sql=events)}",
    )
    _execute(cursor, f"CREATE INDEX {s}_d_key ON {s}_d (transition_id)")


def _counts(cursor, s: str) -> Counts:
    """Rows that add an event or a transition (a repeated row once), that only change the
    transition's details, and the rest; taken before the write, from {s}_e: each of its
    statuses is the first line that gives it."""
    on_new = f"JOIN {s}_k k ON k.pseudonym = x.pseudonym AND k.cohort = x.cohort"
    changed = f"JOIN {s}_c c ON c.transition_id = k.transition_id"
    _execute(
        cursor,
        f"""SELECT
            (SELECT COUNT(*) FROM {s}_e),
            (SELECT COUNT(*) FROM (SELECT DISTINCT x.pseudonym, x.cohort, x.on_date
                FROM {s} x {on_new} WHERE x.status = '' AND k.new_t = 1) n),
            (SELECT COUNT(*) FROM {s} x {on_new} {changed}),
            (SELECT COUNT(*) FROM {s}_e e JOIN {s}_k k ON k.kid = e.kid {changed}),
            (SELECT COUNT(*) FROM {s})""",
    )
    events, bare, changed_rows, changed_events, total = cursor.fetchone()
    created = events + bare
    updated = changed_rows - changed_events
    return Counts(created=created, updated=updated, unchanged=total - created - updated)
