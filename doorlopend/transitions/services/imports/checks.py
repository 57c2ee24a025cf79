"""The set-based checks of a staged import, before anything is written.

First, whose pupils they are: a line about a pupil whose transition in that year belongs to
another school (sent by it, for a leavers file; headed to it, for a statuses file) is
refused, never moved (issue 12); so is a leavers line about a pupil whom, in any year,
only other vo schools sent (`owners.py`: the uploader would read their data). Only when none is, the order of statuses: each new status
must be able to follow the one before it (`choices.allowed_pairs()`). The order check comes
second because its reasons would name another school's statuses.
"""

from __future__ import annotations

from collections.abc import Iterator

from django.db import connection
from django.utils.translation import gettext as _

from ...choices import ImportKind, Status, allowed_pairs
from .owners import other_school_reason, owners_table
from .stage import EVENTS, PUPILS, TRANSITIONS, Stage, StageTables, execute


def stage_problems(
    stage: Stage, *, partnership_id: int, kind: str, school_ids: frozenset[int]
) -> Iterator[tuple[int, str]]:
    """Yield (line, reason) for each staged line that cannot be written, in line order:
    first the lines about a pupil whose transition in that year belongs to a school not
    in `school_ids` (the schools the uploader is decaan of), or (leavers) whom only such
    schools sent; only if there are none, the statuses that cannot follow the one before
    them. Leaves the keys and owners tables for the write."""
    tables = stage.tables
    with connection.cursor() as cursor:
        _keys(cursor, tables, partnership_id)
        owners_table(cursor, tables, kind=kind, school_ids=school_ids)
        foreign = False
        for line, cohort, same_year in _foreign_lines(cursor, tables, kind, school_ids):
            foreign = True
            yield line, foreign_reason(cohort) if same_year else other_school_reason()
        if foreign:
            return
        for line, previous, status in _order_problems(cursor, tables, kind):
            yield line, order_reason(previous, status)


def _foreign_lines(cursor, tables: StageTables, kind: str, school_ids: frozenset[int]):
    """(line, year, same year) of the lines whose pupil's transition that year is another
    school's: sent by it (leavers) or headed to it (statuses); else (same year 0) of the
    lines about a pupil only other schools sent (owners.refuse). A transition whose school
    on that side is still empty is free: that is how the leavers and the statuses of one
    pupil meet."""
    column = (
        "sending_organisation_id"
        if kind == ImportKind.LEAVERS
        else "receiving_organisation_id"
    )
    # Ids are integers from the database; 0 is no school, for an empty set.
    ids = ", ".join(str(int(i)) for i in sorted(school_ids)) or "0"
    execute(
        cursor,
        f"""SELECT x.line, x.cohort, CASE WHEN t.{column} IS NOT NULL
            AND t.{column} NOT IN ({ids}) THEN 1 ELSE 0 END FROM {tables.rows} x
        JOIN {tables.keys} k ON k.pseudonym = x.pseudonym AND k.cohort = x.cohort
        LEFT JOIN {TRANSITIONS} t ON t.id = k.transition_id
        WHERE (t.{column} IS NOT NULL AND t.{column} NOT IN ({ids}))
        OR k.pupil_id IN (SELECT o.pupil_id FROM {tables.owners} o WHERE o.refuse = 1)
        ORDER BY x.line""",
    )
    while batch := cursor.fetchmany(1000):
        yield from batch


def foreign_reason(cohort: int) -> str:
    return _(
        "This pupil's transition of %(year)s belongs to another school: a file cannot move it to yours. Remove this line; the other school's data stays as it is."
    ) % {"year": cohort}


def _order_problems(cursor, tables: StageTables, kind: str):
    """(line, previous, status) for each staged status that cannot follow the one before
    it: the previous new status of the same pupil and year in (date, line) order, else the
    transition's current status. Statuses already recorded are left out, so the same file
    twice passes."""
    if kind == ImportKind.LEAVERS:
        # A destination equal to the current status adds nothing (the date is today's).
        execute(
            cursor,
            f"UPDATE {tables.rows} SET status = '' WHERE status <> '' AND EXISTS (SELECT 1 FROM {tables.keys} k"
            f" WHERE k.pseudonym = {tables.rows}.pseudonym AND k.cohort = {tables.rows}.cohort AND k.current = {tables.rows}.status)",
        )
    execute(
        cursor,
        f"CREATE TEMPORARY TABLE {tables.allowed_pairs} (cur varchar(30), new varchar(30))",
    )
    cursor.executemany(
        f"INSERT INTO {tables.allowed_pairs} VALUES (%s, %s)", allowed_pairs()
    )
    execute(
        cursor,
        f"""
        WITH n AS (
            SELECT x.line, x.pseudonym, x.cohort, x.status, LAG(x.status) OVER (
                PARTITION BY x.pseudonym, x.cohort ORDER BY x.on_date, x.line) AS prev
            FROM {tables.rows} x JOIN {tables.keys} k ON k.pseudonym = x.pseudonym AND k.cohort = x.cohort
            WHERE x.status <> '' AND NOT EXISTS (
                SELECT 1 FROM {EVENTS} e WHERE e.transition_id = k.transition_id
                AND e.status = x.status AND e."on" = x.on_date)
        )
        SELECT n.line, COALESCE(n.prev, NULLIF(k.current, '')) AS prev, n.status
        FROM n JOIN {tables.keys} k ON k.pseudonym = n.pseudonym AND k.cohort = n.cohort
        WHERE COALESCE(n.prev, NULLIF(k.current, '')) IS NOT NULL AND NOT EXISTS (
            SELECT 1 FROM {tables.allowed_pairs} a
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


def _keys(cursor, tables: StageTables, partnership_id: int) -> None:
    """The keys table: each pupil and year in the file, with its pupil, transition and status
    so far; `kid` numbers them, standing in for the transition a new one will get."""
    if connection.vendor == "postgresql":
        # PostgreSQL reads the whole file in hash joins and sorts: an index on it would
        # cost seconds to build and never be used.
        execute(cursor, f"ANALYZE {tables.rows}")
    else:
        execute(
            cursor,
            f"CREATE INDEX {tables.rows}_pupil_year ON {tables.rows} (pseudonym, cohort)",
        )
    execute(
        cursor,
        f"""
        CREATE TEMPORARY TABLE {tables.keys} AS
        SELECT ROW_NUMBER() OVER (ORDER BY d.pseudonym, d.cohort) AS kid, d.pseudonym,
            d.cohort, p.id AS pupil_id, t.id AS transition_id, t.status AS current,
            CASE WHEN t.id IS NULL THEN 1 ELSE 0 END AS new_t
        FROM (SELECT DISTINCT pseudonym, cohort FROM {tables.rows}) d
        LEFT JOIN {PUPILS} p ON p.partnership_id = {int(partnership_id)} AND p.pseudonym = d.pseudonym
        LEFT JOIN {TRANSITIONS} t ON t.pupil_id = p.id AND t.cohort = d.cohort
        """,
    )
    execute(
        cursor,
        f"CREATE INDEX {tables.keys}_pupil_year ON {tables.keys} (pseudonym, cohort)",
    )
    execute(cursor, f"CREATE INDEX {tables.keys}_kid ON {tables.keys} (kid)")
    if connection.vendor == "postgresql":
        execute(cursor, f"ANALYZE {tables.keys}")
