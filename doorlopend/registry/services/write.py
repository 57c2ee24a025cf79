"""Writing a checked register file: one transaction, a fixed number of queries."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

from ..models import Region, RegisterEntry
from .layout import FIELD_COLUMNS
from .parse import ParsedRegister, parse_register

# Compared to tell "updated" from "unchanged"; the key (brin, vestiging) is not among them.
_COMPARED = ["sector", "name", *FIELD_COLUMNS.values(), "region", "details"]
_BATCH = 500


@dataclass(frozen=True)
class ImportResult:
    """Register entries created, changed and left as they were by one import."""

    created: int
    updated: int
    unchanged: int


def register_import(*, data: bytes, sector: str | None = None) -> ImportResult:
    """Import one DUO file whole or not at all (RegisterImportError lists every bad line).

    Upserts by BRIN + vestigingsnummer, so importing the same file twice changes nothing.
    Entries missing from the file are kept: organisations may point at them.
    """
    return register_write(parsed=parse_register(data, sector=sector or None))


@transaction.atomic
def register_write(*, parsed: ParsedRegister) -> ImportResult:
    """Upsert the parsed entries and their RMC regions."""
    region_ids = _regions_upsert(regions=parsed.regions)
    # The whole register is a few thousand rows: one query beats thousands of lookups.
    existing = {
        (entry.brin, entry.vestiging): entry for entry in RegisterEntry.objects.all()
    }
    rows: list[RegisterEntry] = []
    created = updated = 0
    for row in parsed.entries:
        wanted = {
            "sector": parsed.sector,
            **row.values,
            "region_id": region_ids.get(row.region_code),
            "details": row.details,
        }
        entry = existing.get((row.brin, row.vestiging))
        if entry is None:
            created += 1
        elif any(getattr(entry, name) != value for name, value in wanted.items()):
            updated += 1
        else:
            continue
        rows.append(RegisterEntry(brin=row.brin, vestiging=row.vestiging, **wanted))
    # One INSERT … ON CONFLICT DO UPDATE per batch for new and changed rows alike:
    # bulk_update's CASE WHEN took 3.6 s for 2,000 changed rows, this takes 0.2 s.
    # Changed rows keep their id (the conflict updates the existing row).
    RegisterEntry.objects.bulk_create(
        rows,
        batch_size=_BATCH,
        update_conflicts=True,
        unique_fields=["brin", "vestiging"],
        update_fields=[*_COMPARED, "updated_at"],
    )
    unchanged = len(parsed.entries) - created - updated
    return ImportResult(created=created, updated=updated, unchanged=unchanged)


def _regions_upsert(*, regions: dict[str, str]) -> dict[str, int]:
    """Create or rename the RMC regions; return their ids by code."""
    if not regions:
        return {}
    existing = {
        region.code: region for region in Region.objects.filter(code__in=regions)
    }
    renamed = [
        region for region in existing.values() if region.name != regions[region.code]
    ]
    for region in renamed:
        region.name = regions[region.code]
    Region.objects.bulk_update(renamed, ["name"])
    Region.objects.bulk_create(
        [
            Region(code=code, name=name)
            for code, name in regions.items()
            if code not in existing
        ]
    )
    return dict(Region.objects.filter(code__in=regions).values_list("code", "pk"))
