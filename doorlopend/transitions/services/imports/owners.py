"""Whose personal data a pupil's is, for an import (issue 12; the rule: `access.py`).

A pupil's name and date of birth are stored once in the partnership, whatever the year.
The schools that hold them are the vo schools that sent the pupil (any year); while no vo
school has, the mbo schools the pupil applied to. For the pupils of one staged import
this module writes the owners table (`StageTables.owners`), one row per pupil already known:

- `refuse` (a list of leavers only): the pupil was sent only by other vo schools. A new
  transition of another year would let the uploader read what those schools entered, so
  the line is refused (`other_school_reason`) and the decaan is told whom to ask.
- `keep`: the import may fill an empty name or date of birth, never replace one: the
  pupil was sent by another vo school, or (a list of statuses) no vo school sent them and
  another mbo school reported them. A statuses line still takes the pupil up — knowing
  the pupil number is the proof that the pupil applied — but an mbo school's spelling
  does not replace what the pupil's vo school (or the first mbo school) entered. Kept
  rather than refused: the file is all or nothing, and one spelling that differs would
  otherwise stop the mbo school reporting any of its applicants.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from ...choices import ImportKind
from .stage import TRANSITIONS, StageTables, execute


def owners_table(
    cursor, tables: StageTables, *, kind: str, school_ids: frozenset[int]
) -> None:
    """The owners table (pupil_id, refuse, keep) for the known pupils of the file (keys)."""
    # Ids are integers from the database; 0 is no school, for an empty set.
    ids = ", ".join(str(int(i)) for i in sorted(school_ids)) or "0"
    other_sent = f"t.sending_organisation_id IS NOT NULL AND t.sending_organisation_id NOT IN ({ids})"
    own_sent = f"t.sending_organisation_id IN ({ids})"
    sent = "t.sending_organisation_id IS NOT NULL"
    other_received = f"t.receiving_organisation_id IS NOT NULL AND t.receiving_organisation_id NOT IN ({ids})"

    def any_(condition: str) -> str:
        return f"MAX(CASE WHEN {condition} THEN 1 ELSE 0 END)"

    if kind == ImportKind.LEAVERS:
        refuse = f"CASE WHEN {any_(other_sent)} = 1 AND {any_(own_sent)} = 0 THEN 1 ELSE 0 END"
        keep = any_(other_sent)
    else:
        refuse = "0"
        keep = (
            f"CASE WHEN {any_(other_sent)} = 1 OR ({any_(sent)} = 0"
            f" AND {any_(other_received)} = 1) THEN 1 ELSE 0 END"
        )
    execute(
        cursor,
        f"""CREATE TEMPORARY TABLE {tables.owners} AS
        SELECT t.pupil_id, {refuse} AS refuse, {keep} AS keep FROM {TRANSITIONS} t
        WHERE t.pupil_id IN (SELECT pupil_id FROM {tables.keys} WHERE pupil_id IS NOT NULL)
        GROUP BY t.pupil_id""",
    )
    execute(cursor, f"CREATE INDEX {tables.owners}_pupil ON {tables.owners} (pupil_id)")


def other_school_reason() -> str:
    """Why a leavers line about a pupil only other schools sent is refused: it names no
    school and shows none of its data."""
    return _(
        "This pupil is already registered by another school of the partnership: a file cannot add them to your school. Remove this line and ask the decaan of the pupil's school or the coordinator of the partnership."
    )
