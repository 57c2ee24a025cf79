"""The tables that turn what a school's file says into our codes, and its dates into dates.

Codes and labels are compared in a folded form (`fold`): lower case, accents dropped,
punctuation as single spaces; both languages' labels and the usual Dutch aliases count.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from collections.abc import Iterable
from typing import Any

from django.utils import translation

from ...choices import OTHER_DESTINATIONS, Status

_DATE = re.compile(r"^(\d{1,4})[-/.](\d{1,2})[-/.](\d{1,4})$")


def fold(text: str) -> str:
    """Lower case, accents dropped, punctuation as single spaces: how codes are compared."""
    text = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode()
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text.lower()).split())


def code_table(
    choices: Iterable, extra: dict[str, str] | None = None
) -> dict[str, str]:
    """{compared form: code} for the codes and their labels in Dutch and English."""
    table: dict[str, str] = {}
    for choice in choices:
        table[fold(choice.value)] = choice.value
        for language in ("nl", "en"):
            with translation.override(language):
                label = str(choice.label)
            table[fold(label)] = choice.value
            # "gemengde leerweg (GL)" also as "gemengde leerweg".
            table[fold(re.sub(r"\s*\(.*\)$", "", label))] = choice.value
    for alias, code in (extra or {}).items():
        table[fold(alias)] = code
    return table


def status_lookup() -> dict[str, str]:
    return code_table(
        Status,
        {
            "onderwijsovereenkomst aangeboden": Status.OVK_AANGEBODEN,
            "ovk aangeboden": Status.OVK_AANGEBODEN,
            "plaatsing": Status.GEPLAATST,
            "geplaatst": Status.GEPLAATST,
            "doorstroomdossier ontvangen": Status.DOSSIER_ONTVANGEN,
            "dossier ontvangen": Status.DOSSIER_ONTVANGEN,
            "ander vo": Status.ANDER_VO,
            "onbekend": Status.ONBEKEND,
        },
    )


def destination_lookup() -> dict[str, str]:
    """Destinations of a leaver: mbo (no status: the mbo school reports it) or another."""
    table = {k: v for k, v in status_lookup().items() if v in OTHER_DESTINATIONS}
    table.update({"mbo": "", "ander vo": Status.ANDER_VO, "onbekend": Status.ONBEKEND})
    return table


LEERWEG_EXTRA = {
    "basis": "bb",
    "kader": "kb",
    "gemengd": "gl",
    "gemengde": "gl",
    "theoretisch": "tl",
    "theoretische": "tl",
    "mavo": "tl",
}
ROUTE_EXTRA = {
    "regulier": "regulier",
    "doorlopende leerroute": "dlr",
    "geintegreerde leerroute": "glr",
    "nee": "regulier",
}


def parse_date(raw: Any) -> datetime.date | None:
    text = str(raw).strip().split(" ")[0].split("T")[0]
    match = _DATE.match(text)
    if not match:
        return None
    a, b, c = match.groups()
    try:
        if len(a) == 4:
            return datetime.date(int(a), int(b), int(c))
        if len(c) == 4:
            return datetime.date(int(c), int(b), int(a))
    except ValueError:
        return None
    return None
