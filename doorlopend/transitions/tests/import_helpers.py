"""Shared set-up of the import tests: two schools, files, a synchronous run."""

from __future__ import annotations

import io

from django_scopes import scope, scopes_disabled

from doorlopend.partnerships.selectors import membership_of
from doorlopend.partnerships.tests.factories import RegisterEntryFactory, SchoolFactory
from doorlopend.transitions.models import ColumnMapping, TransitionImport
from doorlopend.transitions.services.imports import (
    import_create,
    import_run,
    upload_store,
)
from doorlopend.transitions.services.imports.columns import fields_for, mapping_suggest
from doorlopend.transitions.testing import bsn_for

STATUS_HEADER = "BSN;Status;Datum;BRIN;Crebo;Opleiding;Sector;BOL/BBL"
LEAVERS_HEADER = (
    "Onderwijsnummer;Naam;Geboortedatum;Leerweg;Profiel;Route;Naam leerroute;Bestemming"
)


def pgn(n: int) -> str:
    return bsn_for(n)


def schools(partnership):
    vo = SchoolFactory(
        partnership=partnership,
        kind="vo",
        register_entry=RegisterEntryFactory(
            brin="11AA", vestiging="11AA00", sector="vo"
        ),
    )
    mbo = SchoolFactory(
        partnership=partnership,
        kind="mbo",
        register_entry=RegisterEntryFactory(brin="22BB", vestiging="", sector="mbo"),
    )
    return vo, mbo


def csv_bytes(header: str, rows: list[str], encoding: str = "utf-8") -> bytes:
    return ("\n".join([header, *rows]) + "\n").encode(encoding)


def save_mapping(partnership, school, kind: str, header: str, sep: str = ";") -> None:
    columns = mapping_suggest(kind=kind, headers=header.split(sep))
    with scopes_disabled():
        ColumnMapping.objects.update_or_create(
            partnership=partnership,
            organisation=school,
            kind=kind,
            defaults={"columns": columns},
        )


def run_file(
    partnership,
    school,
    kind: str,
    data: bytes,
    *,
    cohort=2026,
    user=None,
    name="file.csv",
) -> TransitionImport:
    """Upload (with the saved mapping) and run synchronously; the job as it ended."""
    with scope(partnership=partnership):
        job = import_create(
            partnership=partnership,
            school=school,
            kind=kind,
            cohort=cohort,
            stored=upload_store([data[i : i + 7] for i in range(0, len(data), 7)]),
            filename=name,
            by=membership_of(partnership=partnership, user=user),
        )
    assert job.status == "queued", (job.status, job.headers)
    import_run(import_id=job.pk)
    with scopes_disabled():
        job.refresh_from_db()
    return job


def xlsx_bytes(rows: list[list]) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def required_fields(kind: str) -> list[str]:
    return [f.name for f in fields_for(kind) if f.required]
