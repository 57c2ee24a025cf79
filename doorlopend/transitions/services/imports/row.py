"""A staged row: one clean line of a file, as `validate.py` makes it and `stage.py` stores it.

Its fields are the staging table's columns after `line`, in the same order and with the
same names, so the checks and the write in SQL read what the validator wrote.
"""

from __future__ import annotations

import datetime
from typing import NamedTuple


class StagedRow(NamedTuple):
    pseudonym: str  # the pupil number, pseudonymised (`privacy.pseudonym`)
    cohort: int  # the year of transition
    name: str  # encrypted, or ""
    birth_date: str  # encrypted ISO date, or ""
    org_id: int | None  # the school the line names (or the file was uploaded for)
    leerweg: str
    profile: str
    route_kind: str
    route_name: str
    crebo: str
    qualification: str
    sector: str
    mbo_leerweg: str
    eindopdracht: str  # "ja", "nee" or "" (not given)
    status: str  # "" for a leaver going to mbo (the mbo school reports the status)
    on_date: datetime.date | None  # None when there is no status


# The staging table's columns: the line number of the file, then a staged row's fields.
STAGE_COLUMNS = ("line", *StagedRow._fields)
