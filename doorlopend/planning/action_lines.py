"""The three OCW action lines for LOB (seed 001), read from the newest LOB-scan instrument
so that their keys and titles have one definition: deskundige LOB, betere samenwerking bij
de onderwijsovergangen, betere informatie over beroepenveld en vervolgonderwijs."""

from __future__ import annotations

from collections.abc import Iterable

from doorlopend.instruments.models import InstrumentVersion
from doorlopend.instruments.selectors import newest_version

SCAN_KEY = "lob-scan"


def action_line_choices() -> list[tuple[str, str]]:
    version = newest_version(kind=InstrumentVersion.Kind.SCAN, key=SCAN_KEY)
    if version is None:
        return []
    return [(line.key, line.title) for line in version.definition.action_lines]


def ordered(keys: Iterable[str], choices: list[tuple[str, str]]) -> list[str]:
    """The keys in the action lines' order, each once."""
    chosen = set(keys)
    return [key for key, _title in choices if key in chosen]


def unknown(keys: Iterable[str], choices: list[tuple[str, str]]) -> list[str]:
    return sorted(set(keys) - {key for key, _title in choices})


def with_titles(keys: Iterable[str], choices: list[tuple[str, str]]):
    """[(key, title)] of the known keys, in the action lines' order."""
    titles = dict(choices)
    return [(key, titles[key]) for key in ordered(keys, choices)]
