"""The 7 elementen voor effectieve LOB (seed 004), as the newest version of its data file."""

from __future__ import annotations

from doorlopend.instruments.itemlist import ListDefinition
from doorlopend.instruments.models import InstrumentVersion
from doorlopend.instruments.selectors import newest_version

ELEMENTS_KEY = "zeven-elementen"


def elements() -> ListDefinition:
    version = newest_version(kind=InstrumentVersion.Kind.LIST, key=ELEMENTS_KEY)
    return version.definition


def element_choices() -> list[tuple[str, str]]:
    return elements().choices
