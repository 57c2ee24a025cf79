"""Reads for the register's staff pages."""

from dataclasses import dataclass

from django.db.models import Count, QuerySet

from .models import ImportJob, RegisterEntry, Sector


@dataclass(frozen=True)
class SectorSize:
    sector: str
    label: str
    count: int


def import_job_list() -> QuerySet[ImportJob]:
    """Imports, newest first, without the uploaded files themselves (up to 20 MB each)."""
    return ImportJob.objects.defer("data").select_related("created_by")


def register_size() -> list[SectorSize]:
    """Entries per sector, every sector listed even when it has none; one query."""
    counts = dict(
        RegisterEntry.objects.order_by()
        .values_list("sector")
        .annotate(count=Count("pk"))
    )
    return [
        SectorSize(value, label, counts.get(value, 0))
        for value, label in Sector.choices
    ]
