"""The 7 elementen voor effectieve LOB a programme is rated on: its list instrument version.

The elements live in the list instrument `zeven-elementen` (a data file, seed 004). A new
programme takes the newest version; a programme keeps the version it was made with, so a
new version of the list never changes what earlier ratings meant.
"""

from __future__ import annotations

from django.utils import timezone

from doorlopend.instruments.itemlist import ListDefinition
from doorlopend.instruments.models import InstrumentVersion
from doorlopend.instruments.selectors import newest_version
from doorlopend.planning.elements import ELEMENTS_KEY


def newest_elements_version() -> InstrumentVersion:
    version = newest_version(kind=InstrumentVersion.Kind.LIST, key=ELEMENTS_KEY)
    if version is None:
        raise LookupError(f"The list instrument {ELEMENTS_KEY!r} is not loaded.")
    return version


def elements_of(programme) -> ListDefinition:
    return programme.elements_version.definition


def element_choices_of(programme) -> list[tuple[str, str]]:
    return elements_of(programme).choices


def version_mark_used(version: InstrumentVersion) -> None:
    """Once an item is rated on a version, its data file may no longer change."""
    if version.first_used_at is None:
        InstrumentVersion.objects.filter(pk=version.pk, first_used_at=None).update(
            first_used_at=timezone.now()
        )
