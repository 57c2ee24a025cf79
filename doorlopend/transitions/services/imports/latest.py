"""A pupil's year in one file as one row: of each detail, the latest value the file gives.

A file may give a pupil's year on several lines (a statuses file: one per status), each
with some details filled in and others empty. What is written is, per detail, the value
of the latest line that gives one: latest by the status's date, then by line number (a
leavers file has no dates: by line). An empty cell never wipes out a value.
"""

from __future__ import annotations

from ...choices import ImportKind
from .stage import StageTables, execute

# The details of a transition a file can give, as text ("" when not given).
ATTRIBUTES = (
    "leerweg",
    "profile",
    "route_kind",
    "route_name",
    "crebo",
    "qualification",
    "sector",
    "mbo_leerweg",
    "eindopdracht",
)
# A row's place in its pupil's year, as text of a fixed width: 10 characters of date
# and 10 of line number. `latest_given` cuts it off again.
_KEY = "k"
_KEY_WIDTH = 20


def row_key(kind: str) -> str:
    """The SQL of a staged row's (`x`) place, sortable as text: (date, line)."""
    on = "'0000-00-00'" if kind == ImportKind.LEAVERS else "CAST(x.on_date AS text)"
    return f"{on} || CAST(x.line + 1000000000 AS text)"


def latest_given(value: str, *, given: str) -> str:
    """The SQL, in a GROUP BY over rows with `row_key` as `k`, of the text `value` of the
    latest row where `given` holds; NULL when no row does. One MAX over key and value
    together: a single pass, where a window or a self-join would sort the file again."""
    return (
        f"SUBSTR(MAX(CASE WHEN {given} THEN {_KEY} || {value} END), {_KEY_WIDTH + 1})"
    )


def given_or(value: str, otherwise: str) -> str:
    """The SQL of `value` when it is given (not empty), else `otherwise`."""
    return f"COALESCE(NULLIF({value}, ''), {otherwise})"


def latest_table(cursor, tables: StageTables, *, kind: str) -> None:
    """The latest table: per pupil and year of the file, the school (`org_id`) and each
    detail of ATTRIBUTES from the latest row that gives one ("" / NULL when none does)."""
    details = ", ".join(
        "COALESCE(" + latest_given(a, given=f"{a} <> ''") + f", '') AS {a}"
        for a in ATTRIBUTES
    )
    org_id = latest_given("CAST(org_id AS text)", given="org_id IS NOT NULL")
    execute(
        cursor,
        f"""CREATE TEMPORARY TABLE {tables.latest} AS SELECT pseudonym, cohort,
            CAST({org_id} AS bigint) AS org_id, {details}
        FROM (SELECT x.*, {row_key(kind)} AS {_KEY} FROM {tables.rows} x) y
        GROUP BY pseudonym, cohort""",
    )
    execute(
        cursor,
        f"CREATE INDEX {tables.latest}_pupil_year ON {tables.latest} (pseudonym, cohort)",
    )
