"""The demo programme: the LOB line of the leerroute Techniek Rivierenland, rated.

Seventeen items from vmbo 1 to mbo 2, each rated on the 7 elementen with a short why,
organised by the demo's schools and employer, two linked to the plan's activities, and
the eind- and startopdracht. Some places are thin on purpose (no parents in mbo, no
reflection after the first work placement), so the heat map has something to say.
Idempotent: once the partnership has a programme, nothing is added. Runs after routes
and planning (INSTALLED_APPS order).
"""

from __future__ import annotations

from doorlopend.core.demo import DemoContext
from doorlopend.partnerships.models import Organisation, OrganisationKind, Partnership
from doorlopend.partnerships.roles import Role
from doorlopend.partnerships.selectors import membership_of
from doorlopend.planning.models import Activity
from doorlopend.routes.forms.routes import next_school_year
from doorlopend.routes.models import Leerroute

from .elements import element_choices_of, newest_elements_version
from .models import AssignmentPair, Form, ItemRating, Programme, ProgrammeItem
from .services import items as item_services
from .services import programmes as services

ROUTE_NAME = "Techniek Rivierenland"
NAME = "Doorlopende leerlijn LOB Techniek"
# key, title, level, year, period, form, audience, organiser ("vo", "mbo", "bedrijf"),
# scores in the order of the list (praktijkervaring, proactief, samenhang, reflectie,
# ouders, verwachtingen, zelfvertrouwen), a why for the first element scored 2,
# leads_to, the plan activity it points at.
# fmt: off
ITEMS = [
    ("ontdek", "Beroepen ontdekken in de regio", "vmbo", 1, "p2", "excursie", "leerlingen", "bedrijf", "2101011", "Leerlingen zien het werk zelf.", "", ""),
    ("gastles1", "Gastles: werken in de installatietechniek", "vmbo", 1, "p3", "gastles", "leerlingen", "bedrijf", "1000110", "", "", "Gastles installatiebedrijf"),
    ("ouders1", "Ouderavond: hoe kiest je kind?", "vmbo", 2, "p2", "ouderavond", "ouders", "vo", "0010221", "", "", ""),
    ("snuffel", "Snuffelstage bij Bouwbedrijf De Waal", "vmbo", 2, "p4", "stage", "leerlingen", "bedrijf", "2211022", "Een week meedraaien op de bouwplaats.", "praktijk3", ""),
    ("gesprek2", "Loopbaangesprek met de mentor", "vmbo", 2, "p4", "loopbaangesprek", "leerlingen", "vo", "0122011", "", "", ""),
    ("praktijk3", "Praktijkdag per week op het ROC", "vmbo", 3, "jaar", "project", "leerlingen", "mbo", "2221012", "Elke week een dag in de werkplaats van het ROC.", "keuzevak4", ""),
    ("meeloop3", "Meeloopdag bij de opleiding Eerste monteur", "vmbo", 3, "p3", "meeloopdag", "leerlingen", "mbo", "2110021", "Een dag als mbo-student.", "eind", "Meeloopdag leerlingen op het ROC"),
    ("ouders3", "Ouderavond over de doorlopende leerroute", "vmbo", 3, "p2", "ouderavond", "beide", "vo", "0020221", "", "", ""),
    ("gesprek3", "Keuzegesprek met decaan, leerling en ouders", "vmbo", 3, "p4", "loopbaangesprek", "beide", "vo", "0122122", "", "", ""),
    ("keuzevak4", "Keuzevakken samen met het ROC", "vmbo", 4, "jaar", "keuzedeel", "leerlingen", "mbo", "2121012", "Keuzevakken in de werkplaats van het ROC.", "", ""),
    ("kiezen4", "Tijd om te kiezen: drie loopbaangesprekken", "vmbo", 4, "p1", "loopbaangesprek", "leerlingen", "vo", "0122122", "", "", ""),
    ("eind", "Eindopdracht LOB: loopbaanreflectie en keuzeverantwoording", "vmbo", 4, "p3", "project", "leerlingen", "vo", "0222012", "", "start", ""),
    ("start", "Startopdracht LOB in de eerste weken", "mbo", 1, "p1", "loopbaangesprek", "leerlingen", "mbo", "0222022", "", "", ""),
    ("excursie1", "Excursie naar een installatiebedrijf", "mbo", 1, "p2", "excursie", "leerlingen", "bedrijf", "2101010", "Rondleiding en een opdracht op locatie.", "", ""),
    ("reflectie1", "Terugblik op de keuze na tien weken", "mbo", 1, "p2", "loopbaangesprek", "leerlingen", "mbo", "0122022", "", "", ""),
    ("bpv2", "Eerste bpv-periode in de installatietechniek", "mbo", 2, "jaar", "stage", "leerlingen", "bedrijf", "2200011", "Drie maanden meewerken in een bedrijf.", "", ""),
    ("gastles2", "Gastles van oud-leerlingen van de route", "mbo", 2, "p3", "gastles", "leerlingen", "mbo", "1011011", "", "", ""),
]
# fmt: on
PAIR = {
    "title": "Loopbaanreflectie en keuzeverantwoording",
    "leerweg": "kb",
    "eindopdracht": "In periode 3 van vmbo 4 maakt de leerling een loopbaanreflectie "
    "(wat heb ik ervaren op het ROC en in de snuffelstage, wat heb ik geleerd) en "
    "verantwoordt de keuze voor Eerste monteur.",
    "startopdracht": "In de eerste zes weken bespreekt de mentor de reflectie met de "
    "student en spreken ze af wat de student nog wil onderzoeken; de intake leest de "
    "keuzeverantwoording vooraf.",
    "criteria": "Drie ervaringen beschreven, met wat de leerling ervan leerde; de keuze "
    "onderbouwd met wat de leerling kan en wil.",
    "vo_contact": "de decaan",
    "vo_when": "Periode 3 van vmbo 4",
    "mbo_contact": "de mentor van mbo 1",
    "mbo_when": "De eerste zes weken van mbo 1",
}


def load_demo(context: DemoContext) -> None:
    partnership = context.partnership
    if (
        partnership is None
        or Programme.objects.filter(partnership=partnership).exists()
    ):
        return
    route = Leerroute.objects.filter(partnership=partnership, name=ROUTE_NAME).first()
    keeper = membership_of(
        partnership=partnership, user=context.people.get(Role.WERKGROEPLID)
    )
    if route is None or keeper is None:
        return
    organisers = {
        "vo": route.vmbo_locations.order_by("name").first(),
        "mbo": route.mbo_location,
        "bedrijf": Organisation.objects.filter(
            partnership=partnership, kind=OrganisationKind.BEDRIJF
        )
        .order_by("name")
        .first(),
    }
    programme = services.programme_create(
        partnership=partnership,
        by=keeper,
        name=NAME,
        school_year=next_school_year() - 1,
        leerroute=route,
        description="Wat leerlingen van de leerroute Techniek Rivierenland elk jaar "
        "tegenkomen, van de eerste kennismaking in vmbo 1 tot de eerste bpv in mbo 2.",
    )
    _items(programme, keeper, organisers)
    item_services.pair_save(
        programme=programme,
        by=keeper,
        vo_owner=organisers["vo"],
        mbo_owner=organisers["mbo"],
        **PAIR,
    )
    context.count("programmes", 1)


def _items(programme, by, organisers) -> None:
    elements = [key for key, _title in element_choices_of(programme)]
    made = {}
    # Later items first, so that an earlier one can point at the one it leads to.
    for row in reversed(ITEMS):
        key, title, level, year, period, form, audience, organiser = row[:8]
        scores, why, leads_to, activity = row[8:]
        organisation = organisers.get(organiser)
        made[key] = item_services.item_save(
            programme=programme,
            by=by,
            title=title,
            level=level,
            year=year,
            period=period,
            form=form,
            audience=audience,
            leerweg="kb" if level == "vmbo" and year >= 3 else "",
            organisations=[organisation] if organisation else [],
            activity=Activity.objects.filter(
                partnership=programme.partnership, title=activity
            ).first()
            if activity
            else None,
            leads_to=made.get(leads_to),
        )
        first_clear = next(
            (e for e, s in zip(elements, scores, strict=True) if s == "2"), None
        )
        item_services.item_rate(
            item=made[key],
            by=by,
            scores={
                element: (int(score), why if element == first_clear else "")
                for element, score in zip(elements, scores, strict=True)
            },
        )


LARGE_ITEMS = 120


def load_large(context: DemoContext) -> None:
    """A programme of 120 items in bench-0, each rated on every element and most leading
    to an item a year later, with an eind- and startopdracht: for the page measurements."""
    partnership = Partnership.objects.filter(slug="bench-0").first()
    if (
        partnership is None
        or Programme.objects.filter(partnership=partnership).exists()
    ):
        return
    programme = Programme.objects.create(
        partnership=partnership,
        name="Benchprogramma",
        school_year=next_school_year() - 1,
        elements_version=newest_elements_version(),
    )
    grid = [(level, year) for level in ("vmbo", "mbo") for year in range(1, 5)]
    forms = list(Form.values)
    items = ProgrammeItem.objects.bulk_create(
        ProgrammeItem(
            programme=programme,
            title=f"Benchonderdeel {n}",
            level=grid[n % len(grid)][0],
            year=grid[n % len(grid)][1],
            form=forms[n % len(forms)],
            leerweg=("bb", "kb", "gl", "tl", "")[n % 5] if n % len(grid) < 4 else "",
        )
        for n in range(LARGE_ITEMS)
    )
    keys = [key for key, _title in element_choices_of(programme)]
    ItemRating.objects.bulk_create(
        ItemRating(item=item, element=key, score=(n + k) % 3, why=f"Reden {n}")
        for n, item in enumerate(items)
        for k, key in enumerate(keys)
    )
    by_row = {}
    for item in items:
        by_row.setdefault((item.level, item.year), []).append(item)
    for (level, year), row in by_row.items():
        later = by_row.get((level, year + 1))
        for n, item in enumerate(row):
            if later:
                item.leads_to = later[n % len(later)]
    ProgrammeItem.objects.bulk_update(items, ["leads_to"])
    organisations = list(
        Organisation.objects.filter(partnership=partnership).order_by("pk")[:5]
    )
    if organisations:
        through = ProgrammeItem.organisations.through
        through.objects.bulk_create(
            through(
                programmeitem_id=item.pk,
                organisation_id=organisations[n % len(organisations)].pk,
            )
            for n, item in enumerate(items)
        )
    AssignmentPair.objects.create(
        programme=programme,
        title="Benchopdracht",
        eindopdracht="Een loopbaanreflectie.",
        startopdracht="Het intakegesprek.",
    )
    context.count("programme items", LARGE_ITEMS)
