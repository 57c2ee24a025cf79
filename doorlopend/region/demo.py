"""The demo partnership's region data: the three fictitious sample files, imported as a
coördinator would, and two notes on the demo route (work fields and training need are
local knowledge)."""

from __future__ import annotations

import datetime
from pathlib import Path

from doorlopend.core.demo import DemoContext
from doorlopend.partnerships.roles import Role
from doorlopend.partnerships.selectors import membership_of
from doorlopend.routes.models import Leerroute

from .models import DataKind, DataSet, Question
from .services.imports import dataset_import
from .services.notes import note_add

SAMPLES = Path(__file__).parent / "data" / "samples"

# (kind, file, source, publisher, reference date)
SAMPLE_FILES = (
    (
        DataKind.VO_PUPILS,
        "FICTIEF_duo_vo_leerlingen_per_vestiging_leerweg_profiel.csv",
        "Leerlingen vo per vestiging, leerweg en profiel (fictief voorbeeld)",
        "DUO",
        datetime.date(2024, 10, 1),
    ),
    (
        DataKind.MBO_STUDENTS,
        "FICTIEF_duo_mbo_studenten_per_instelling_kwalificatie.csv",
        "Studenten mbo per instelling en kwalificatie (fictief voorbeeld)",
        "DUO",
        datetime.date(2024, 10, 1),
    ),
    (
        DataKind.LABOUR_MARKET,
        "FICTIEF_uwv_arbeidsmarktperspectief_sector_beroepsgroep.xlsx",
        "Arbeidsmarktperspectief per beroepsgroep (fictief voorbeeld)",
        "UWV",
        datetime.date(2025, 6, 1),
    ),
)


def sample_import(partnership, by, kind, name, source, publisher, date) -> DataSet:
    path = SAMPLES / name
    return dataset_import(
        partnership=partnership,
        by=by,
        kind=kind,
        chunks=[path.read_bytes()],
        file_name=name,
        source_name=source,
        publisher=publisher,
        reference_date=date,
    )


def load_demo(context: DemoContext) -> None:
    partnership = context.partnership
    if partnership is None or DataSet.objects.filter(partnership=partnership).exists():
        return
    by = membership_of(
        partnership=partnership, user=context.people.get(Role.COORDINATOR)
    )
    for kind, name, source, publisher, date in SAMPLE_FILES:
        sample_import(partnership, by, kind, name, source, publisher, date)
        context.count("region data sets", 1)
    route = Leerroute.objects.filter(partnership=partnership).order_by("pk").first()
    if route is None or by is None:
        return
    note_add(
        route=route,
        by=by,
        question=Question.TRAINING,
        text="Installateurs in de regio vragen vooral monteurs op niveau 3 met "
        "kennis van warmtepompen en zonnepanelen; BBL-plekken zijn er genoeg.",
        source="Gesprek met de regionale installateursvereniging (fictief)",
    )
    context.count("region notes", 1)
