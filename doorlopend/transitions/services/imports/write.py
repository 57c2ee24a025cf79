"""The all-or-nothing write of one staged import.

Only if no row was refused (`checks.py`): pupils, transitions and status events are
written in one transaction: a new transition with its derived fields
(`history.derived_sql` over its new statuses), an existing one recomputed when it gets new
statuses; the events in (transition, date, line) order. Every school whose pupils the
import touched gets its own access-log entry in the same transaction, so that each
school's privacy officer sees it. Nothing here holds the rows in Python.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass

from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from doorlopend.audit.models import Action
from doorlopend.audit.services import record
from doorlopend.partnerships.models import Organisation

from ...choices import ImportKind
from ..history import DERIVED, derived_sql, transitions_recompute_sql
from .latest import ATTRIBUTES, given_or, latest_table
from .stage import EVENTS, PUPILS, TRANSITIONS, Stage, StageTables, execute

logger = logging.getLogger(__name__)

# Rows created from which the written tables are analysed straight after the import.
ANALYZE_AFTER = 10_000


@dataclass
class Counts:
    created: int = 0
    updated: int = 0
    unchanged: int = 0


def stage_write(stage: Stage, *, job, by_id: int | None) -> Counts:
    """Write the staged rows: pupils, transitions, status events, derived fields. One
    transaction; call only when no row was refused. Counts are per row of the file."""
    tables, p, j = stage.tables, int(job.partnership_id), int(job.pk)
    org_column = (
        "sending_organisation_id"
        if job.kind == ImportKind.LEAVERS
        else "receiving_organisation_id"
    )
    ops = connection.ops
    now = ops.adapt_datetimefield_value(timezone.now())
    source = f"{job.get_kind_display()}: {job.original_filename}"[:300]
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # Check foreign keys as each statement ends, not all at COMMIT: the queue of a
            # million deferred checks was the slowest step of a large import.
            execute(cursor, "SET CONSTRAINTS ALL IMMEDIATE")
        latest_table(cursor, tables, kind=job.kind)
        # Existing transitions whose details change: a given (non-empty) value that differs.
        differs = " OR ".join(f"(l.{a} <> '' AND t.{a} <> l.{a})" for a in ATTRIBUTES)
        execute(
            cursor,
            f"""CREATE TEMPORARY TABLE {tables.changed} AS SELECT t.id AS transition_id
            FROM {tables.keys} k JOIN {tables.latest} l ON l.pseudonym = k.pseudonym AND l.cohort = k.cohort
            JOIN {TRANSITIONS} t ON t.id = k.transition_id
            WHERE (l.org_id IS NOT NULL AND COALESCE(t.{org_column}, 0) <> l.org_id) OR {differs}""",
        )
        _events_new(cursor, tables)
        counts = _counts(cursor, tables)
        execute(
            cursor,
            f"""INSERT INTO {PUPILS} (partnership_id, pseudonym, name, birth_date, created_at)
            SELECT {p}, x.pseudonym, MAX(x.name), MAX(x.birth_date), %s FROM {tables.rows} x
            WHERE x.pseudonym IN (SELECT pseudonym FROM {tables.keys} WHERE pupil_id IS NULL)
            GROUP BY x.pseudonym ORDER BY x.pseudonym
            ON CONFLICT (partnership_id, pseudonym) DO NOTHING""",
            [now],
        )
        for field in ("name", "birth_date"):
            # Given again: kept up to date, unless another school holds the pupil's
            # data (owners.keep, `owners.py`): then only an empty value is filled.
            execute(
                cursor,
                f"""UPDATE {PUPILS} SET {field} = g.value FROM (
                    SELECT x.pseudonym, MAX(x.{field}) AS value FROM {tables.rows} x JOIN {tables.keys} k
                    ON k.pseudonym = x.pseudonym AND k.cohort = x.cohort
                    WHERE x.{field} <> '' AND k.pupil_id IS NOT NULL GROUP BY x.pseudonym) g
                WHERE {PUPILS}.partnership_id = {p} AND {PUPILS}.pseudonym = g.pseudonym
                AND ({PUPILS}.{field} = '' OR {PUPILS}.id NOT IN (
                    SELECT o.pupil_id FROM {tables.owners} o WHERE o.keep = 1))""",
            )
        execute(
            cursor,
            f"""UPDATE {tables.keys} SET pupil_id = p.id FROM {PUPILS} p
            WHERE {tables.keys}.pupil_id IS NULL AND p.partnership_id = {p}
            AND p.pseudonym = {tables.keys}.pseudonym""",
        )
        attributes = ", ".join(ATTRIBUTES)
        values = ", ".join(
            given_or("l.route_kind", "'regulier'") if a == "route_kind" else f"l.{a}"
            for a in ATTRIBUTES
        )
        # A new transition is written with its derived fields, from its new events (the
        # same definition as the recompute, which would otherwise rewrite every row).
        derived = ", ".join(DERIVED)
        derived_values = ", ".join(
            "COALESCE(d.status, '')" if f == "status" else f"d.{f}" for f in DERIVED
        )
        execute(
            cursor,
            f"""INSERT INTO {TRANSITIONS} (partnership_id, pupil_id, cohort, {org_column},
                {attributes}, {derived}, created_at, updated_at)
            SELECT {p}, k.pupil_id, k.cohort, l.org_id, {values}, {derived_values}, %s, %s
            FROM {tables.keys} k JOIN {tables.latest} l ON l.pseudonym = k.pseudonym AND l.cohort = k.cohort
            LEFT JOIN {tables.new_derived} d ON d.transition_id = k.kid
            WHERE k.transition_id IS NULL ORDER BY k.pupil_id""",
            [now, now],
        )
        sets = ", ".join(
            f"{a} = {given_or(f'l.{a}', f'{TRANSITIONS}.{a}')}" for a in ATTRIBUTES
        )
        execute(
            cursor,
            f"""UPDATE {TRANSITIONS} SET {org_column} = COALESCE(l.org_id, {TRANSITIONS}.{org_column}),
                {sets}, updated_at = %s
            FROM {tables.keys} k JOIN {tables.latest} l ON l.pseudonym = k.pseudonym AND l.cohort = k.cohort
            WHERE {TRANSITIONS}.id = k.transition_id
            AND k.transition_id IN (SELECT transition_id FROM {tables.changed})""",
            [now],
        )
        execute(
            cursor,
            f"""UPDATE {tables.keys} SET transition_id = t.id FROM {TRANSITIONS} t
            WHERE {tables.keys}.transition_id IS NULL AND t.pupil_id = {tables.keys}.pupil_id
            AND t.cohort = {tables.keys}.cohort""",
        )
        if connection.vendor == "postgresql":
            execute(cursor, f"ANALYZE {tables.keys}")
        # In (transition, date, line) order: the index and the foreign key are read in
        # order, and of two statuses on one date the later line is the later recorded.
        execute(
            cursor,
            f"""INSERT INTO {EVENTS} (partnership_id, transition_id, status, "on", source,
                import_job_id, recorded_at, recorded_by_id)
            SELECT {p}, k.transition_id, e.status, e.on_date, %s, {j}, %s, %s
            FROM {tables.new_events} e JOIN {tables.keys} k ON k.kid = e.kid
            WHERE true ORDER BY k.transition_id, e.on_date, e.line
            ON CONFLICT (transition_id, status, "on") DO NOTHING""",
            [source, now, by_id],
        )
        started = time.perf_counter()
        transitions_recompute_sql(
            # Transitions that existed and have new events (new ones were written whole).
            ids_sql=f"SELECT k.transition_id FROM {tables.keys} k WHERE k.new_t = 0"
            f" AND k.kid IN (SELECT e.kid FROM {tables.new_events} e)"
        )
        logger.debug("%.2f s  recompute", time.perf_counter() - started)
        _record_touched(cursor, tables, job)
        started = time.perf_counter()
    logger.debug("%.2f s  commit", time.perf_counter() - started)
    if connection.vendor == "postgresql" and counts.created >= ANALYZE_AFTER:
        # Fresh statistics for the figures and the signals that run next: until
        # autovacuum comes by, the planner would take these tables for nearly empty.
        with connection.cursor() as cursor:
            for table in (PUPILS, TRANSITIONS, EVENTS):
                execute(cursor, f"ANALYZE {table}")
    return counts


def _events_new(cursor, tables: StageTables) -> None:
    """The new events table: the statuses of the file not recorded yet, once per pupil,
    year, status and date (at the first line that gives it); the new derived table: the
    derived fields of the new transitions, from those statuses (`kid` stands in for the
    transition id still to come, the line for the event id)."""
    execute(
        cursor,
        f"""CREATE TEMPORARY TABLE {tables.new_events} AS
        SELECT k.kid, x.status, x.on_date, MIN(x.line) AS line
        FROM {tables.rows} x JOIN {tables.keys} k ON k.pseudonym = x.pseudonym AND k.cohort = x.cohort
        WHERE x.status <> '' AND (k.transition_id IS NULL OR NOT EXISTS (
            SELECT 1 FROM {EVENTS} e WHERE e.transition_id = k.transition_id
            AND e.status = x.status AND e."on" = x.on_date))
        GROUP BY k.kid, x.status, x.on_date""",
    )
    execute(
        cursor, f"CREATE INDEX {tables.new_events}_kid ON {tables.new_events} (kid)"
    )
    if connection.vendor == "postgresql":
        execute(cursor, f"ANALYZE {tables.new_events}")
    events = (
        f'SELECT e.kid AS transition_id, e.status, e.on_date AS "on", e.line AS id'
        f" FROM {tables.new_events} e WHERE e.kid IN (SELECT kid FROM {tables.keys} WHERE new_t = 1)"
    )
    execute(
        cursor,
        f"CREATE TEMPORARY TABLE {tables.new_derived} AS {derived_sql(events_sql=events)}",
    )
    execute(
        cursor,
        f"CREATE INDEX {tables.new_derived}_transition ON {tables.new_derived} (transition_id)",
    )


def _counts(cursor, tables: StageTables) -> Counts:
    """Rows that add an event or a transition (a repeated row once), that only change the
    transition's details, and the rest; taken before the write, from the new events
    table: each of its statuses is the first line that gives it."""
    on_new = (
        f"JOIN {tables.keys} k ON k.pseudonym = x.pseudonym AND k.cohort = x.cohort"
    )
    changed = f"JOIN {tables.changed} c ON c.transition_id = k.transition_id"
    execute(
        cursor,
        f"""SELECT
            (SELECT COUNT(*) FROM {tables.new_events}),
            (SELECT COUNT(*) FROM (SELECT DISTINCT x.pseudonym, x.cohort, x.on_date
                FROM {tables.rows} x {on_new} WHERE x.status = '' AND k.new_t = 1) n),
            (SELECT COUNT(*) FROM {tables.rows} x {on_new} {changed}),
            (SELECT COUNT(*) FROM {tables.new_events} e JOIN {tables.keys} k ON k.kid = e.kid {changed}),
            (SELECT COUNT(*) FROM {tables.rows})""",
    )
    events, bare, changed_rows, changed_events, total = cursor.fetchone()
    created = events + bare
    updated = changed_rows - changed_events
    return Counts(created=created, updated=updated, unchanged=total - created - updated)


def _record_touched(cursor, tables: StageTables, job) -> None:
    """An access-log entry for every other school whose pupils the import touched: the
    sending and receiving schools of every transition, in any year, of the pupils of the
    file (the uploading school's entry is written by the job when it ends). Each school's
    privacy officer reads the entries of their own school, so each must have one (issue
    12): also the vo school whose pupil of last year an mbo school now takes up."""
    pupils_of = " UNION ".join(
        f"""SELECT t.{column} AS o, t.pupil_id FROM {TRANSITIONS} t
        WHERE t.pupil_id IN (SELECT k.pupil_id FROM {tables.keys} k) AND t.{column} IS NOT NULL"""
        for column in ("sending_organisation_id", "receiving_organisation_id")
    )
    execute(cursor, f"SELECT u.o, COUNT(*) FROM ({pupils_of}) u GROUP BY u.o")
    touched = dict(cursor.fetchall())
    touched.pop(job.organisation_id, None)
    for school in Organisation.objects.filter(pk__in=touched).order_by("pk"):
        record(
            actor=job.created_by,
            action=Action.IMPORT,
            objects=job,
            purpose=_("import of a pupil file"),
            partnership=job.partnership,
            organisation=school,
            label=_(
                "%(file)s, imported for %(school)s: %(count)s pupils of this school"
            )
            % {
                "file": job.original_filename,
                "school": job.organisation.name,
                "count": touched[school.pk],
            },
        )
