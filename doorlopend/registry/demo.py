"""Demo register: the bundled fictional rows in DUO's layout; with --large, national volume."""

from pathlib import Path

from doorlopend.core.demo import DemoContext

from .models import Region, RegisterEntry
from .services import register_import

DATA = Path(__file__).resolve().parent / "data"
DEMO_FILES = [
    ("demo_vo_locations.csv", None),
    ("demo_mbo_institutions.csv", "mbo"),
    ("demo_hbo_institutions.csv", "hbo"),
]

LARGE_REGIONS = 40
LARGE_ENTRIES = 1500


def load_demo(context: DemoContext) -> None:
    for filename, sector in DEMO_FILES:
        result = register_import(data=(DATA / filename).read_bytes(), sector=sector)
        context.count("register_entries", result.created)


def load_large(context: DemoContext) -> None:
    """40 regions and 1,500 register entries with BRINs of their own (8…)."""
    Region.objects.bulk_create(
        [
            Region(code=f"B{n:02d}", name=f"Benchregio {n}")
            for n in range(LARGE_REGIONS)
        ],
        ignore_conflicts=True,
    )
    regions = list(Region.objects.filter(code__startswith="B").order_by("code"))
    letters = "ABCDEFGHJKLMNPRSTVWXYZ"
    entries = []
    for n in range(LARGE_ENTRIES):
        brin = f"8{n % 10}{letters[n // 10 % 22]}{letters[n // 220 % 22]}"
        sector = "vo" if n % 5 else ("mbo" if n % 10 else "hbo")
        entries.append(
            RegisterEntry(
                sector=sector,
                brin=brin,
                vestiging=f"{brin}00" if sector == "vo" else "",
                name=f"Benchschool {n}",
                place=f"Plaats {n % 97}",
                region=regions[n % len(regions)],
                education_structure="VMBO/HAVO" if sector == "vo" else "",
            )
        )
    before = RegisterEntry.objects.count()
    RegisterEntry.objects.bulk_create(entries, ignore_conflicts=True, batch_size=500)
    context.count("register_entries", RegisterEntry.objects.count() - before)
