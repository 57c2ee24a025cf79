"""The 7 elementen voor effectieve LOB (seed 004), as the newest version of its data file."""

from __future__ import annotations

from doorlopend.instruments.itemlist import ListDefinition
from doorlopend.instruments.models import InstrumentVersion

ELEMENTS_KEY = "zeven-elementen"


def elements() -> ListDefinition:
    version = (
        InstrumentVersion.objects.lists()
        .filter(key=ELEMENTS_KEY)
        .order_by("-version")
        .first()
    )
    return version.definition


def element_choices() -> list[tuple[str, str]]:
    return elements().choices
