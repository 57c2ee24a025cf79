"""Demo practices: published, draft and one public, in both demo partnerships, and one
that the small partnership found inspiring. With --large, a published practice in each
of the bench partnerships (for the list's measurements). Idempotent: a partnership with
practices gets none added. Runs after planning and programme (INSTALLED_APPS order).
"""

from __future__ import annotations

from decimal import Decimal

from django.utils import timezone

from doorlopend.core.demo import DemoContext
from doorlopend.partnerships.demo import OTHER_SLUG
from doorlopend.partnerships.models import Partnership
from doorlopend.partnerships.roles import Role
from doorlopend.partnerships.selectors import membership_of
from doorlopend.planning.models import Activity
from doorlopend.programme.elements import newest_elements_version

from . import search
from .models import Inspiration, Practice, PracticeStatus
from .services import practices as services
from .services import sources

SNUFFELSTAGE = {
    "title": "Snuffelstage in de bouw voor vmbo 2",
    "description": "Alle leerlingen van vmbo 2 lopen een week mee bij een bouwbedrijf "
    "uit de regio. Vooraf maken ze een vragenlijst, na afloop vertellen ze in de klas "
    "wat ze zagen en wat ze ervan vonden. De stagecoördinator zoekt de plekken; de "
    "mentor bespreekt de terugblik.",
    "level": "vmbo",
    "year": 2,
    "leerweg": "kb",
    "results": "Leerlingen kiezen daarna bewuster hun profiel. Bedrijven bieden uit "
    "zichzelf stageplekken aan voor vmbo 3.",
    "figure_value": Decimal("82"),
    "figure_label": "procent van de leerlingen wist na de stage beter wat bij ze past",
    "costs_amount": Decimal("1200"),
    "costs_note": "Vooral uren van de stagecoördinator en vervoer",
    "contact_role": "stagecoördinator van het Vakcollege",
}
OUDERAVOND = {
    "title": "Ouderavond: kiezen doe je samen",
    "description": "Een avond voor ouders en leerlingen van vmbo 3 over de keuze voor "
    "het mbo. Oud-leerlingen vertellen over hun opleiding; ouders praten in kleine "
    "groepen met decanen van vo en mbo.",
    "level": "vmbo",
    "year": 3,
    "results": "Twee keer zoveel ouders als op de gewone voorlichtingsavond.",
    "contact_role": "decaan van de vmbo-school",
}
MEELOOP = {
    "title": "Meeloopdagen op het ROC met een opdracht",
    "description": "Leerlingen van vmbo 4 lopen twee dagen mee met een mbo-opleiding en "
    "doen daar een echte opdracht uit het eerste jaar. Een mbo-student is hun maatje.",
    "level": "vmbo",
    "year": 4,
    "results": "Minder uitval in de eerste tien weken van het mbo.",
    "costs_note": "Geen extra kosten: de opdrachten zijn er al",
    "contact_role": "coördinator LOB van het ROC",
}


def load_demo(context: DemoContext) -> None:
    partnership = context.partnership
    if partnership is None or Practice.objects.filter(partnership=partnership).exists():
        return
    coordinator = membership_of(
        partnership=partnership, user=context.people.get(Role.COORDINATOR)
    )
    if coordinator is None:
        return
    public = services.practice_save(
        partnership=partnership,
        by=coordinator,
        elements=["praktijkervaring", "reflectie", "zelfvertrouwen"],
        **SNUFFELSTAGE,
    )
    services.practice_publish(practice=public, by=coordinator)
    services.practice_set_public(practice=public, by=coordinator, public=True)
    evening = services.practice_save(
        partnership=partnership,
        by=coordinator,
        elements=["ouders", "verwachtingen"],
        **OUDERAVOND,
    )
    services.practice_publish(practice=evening, by=coordinator)
    activity = Activity.objects.filter(partnership=partnership).order_by("pk").first()
    if activity is not None:
        sources.practice_from_activity(activity=activity, by=coordinator)
    context.count("practices", Practice.objects.filter(partnership=partnership).count())
    _other(context, inspired_by=public)


def _other(context: DemoContext, *, inspired_by: Practice) -> None:
    """The small partnership has no coördinator in the demo: its practices are made as
    the system (published one, one draft) and it marks Rivierenland's stage inspiring."""
    other = Partnership.objects.filter(slug=OTHER_SLUG).first()
    if other is None or Practice.objects.filter(partnership=other).exists():
        return
    version = newest_elements_version()
    made = [
        Practice.objects.create(
            partnership=other,
            elements_version=version,
            elements=["praktijkervaring", "proactief", "samenhang"],
            status=PracticeStatus.PUBLISHED,
            published_at=timezone.now(),
            **MEELOOP,
        ),
        Practice.objects.create(
            partnership=other,
            elements_version=version,
            elements=["ouders"],
            title="Loopbaangesprek met ouders in drie stappen",
            description="Mentor, leerling en ouders voeren in vmbo 3 drie korte "
            "gesprekken: wat kan ik, wat wil ik, wat ga ik doen.",
            contact_role="mentor vmbo 3",
        ),
    ]
    for practice in made:
        search.index(practice)
    Inspiration.objects.get_or_create(practice=inspired_by, partnership=other)
    context.count("practices", len(made))


def load_large(context: DemoContext) -> None:
    """One published practice in each bench partnership."""
    partnerships = list(Partnership.objects.filter(slug__startswith="bench-"))
    if (
        not partnerships
        or Practice.objects.filter(partnership__slug__startswith="bench-").exists()
    ):
        return
    version = newest_elements_version()
    keys = [key for key, _title in version.definition.choices]
    now = timezone.now()
    practices = Practice.objects.bulk_create(
        Practice(
            partnership=p,
            elements_version=version,
            elements=[keys[n % len(keys)], keys[(n + 3) % len(keys)]],
            title=f"Benchpraktijk {n}: stage en meeloopdag",
            description=f"Leerlingen lopen stage bij bedrijf {n} in de regio.",
            level=("vmbo", "mbo")[n % 2],
            year=1 + n % 4,
            contact_role="decaan",
            status=PracticeStatus.PUBLISHED,
            published_at=now,
        )
        for n, p in enumerate(partnerships)
    )
    for practice in practices:
        search.index(practice)
    context.count("practices", len(practices))
