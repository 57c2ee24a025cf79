"""The demo partnership's regional covenant (after seed 004): vo, mbo and the
municipality, five parties of whom two have signed, funded from the plan's regional
funds. Loaded once: a partnership that has a covenant gets nothing new."""

from __future__ import annotations

from datetime import date, timedelta

from django.utils import timezone

from doorlopend.core.demo import DemoContext
from doorlopend.partnerships.models import Organisation, OrganisationKind
from doorlopend.partnerships.roles import Role
from doorlopend.partnerships.selectors import membership_of
from doorlopend.planning.models import FundingSource

from . import services
from .models import Covenant

SIGNATORIES = [
    ("Ingrid Verhoef", "voorzitter college van bestuur"),
    ("Karim El Amrani", "bestuurder"),
    ("Marjolein de Wit", "voorzitter college van bestuur"),
    ("Pieter Janssen", "directeur-bestuurder"),
    ("Anouk Smits", "wethouder onderwijs"),
]


def _parties(partnership) -> list[Organisation]:
    def of(kind: str, n: int) -> list[Organisation]:
        orgs = Organisation.objects.filter(partnership=partnership, kind=kind)
        return list(orgs.order_by("name")[:n])

    return (
        of(OrganisationKind.VO, 2)
        + of(OrganisationKind.MBO, 2)
        + of(OrganisationKind.GEMEENTE, 1)
    )


def load_demo(context: DemoContext) -> None:
    partnership = context.partnership
    if Covenant.objects.filter(partnership=partnership).exists():
        return
    by = membership_of(
        partnership=partnership, user=context.people.get(Role.COORDINATOR)
    )
    organisations = _parties(partnership)
    if by is None or len(organisations) < len(SIGNATORIES):
        return
    year = timezone.localdate().year
    covenant = services.covenant_save(
        partnership=partnership,
        by=by,
        title=f"Convenant Doorlopend leren {partnership.name}",
        aims=(
            "De overstap van vo naar mbo soepeler laten verlopen.\n"
            "Voortijdig schoolverlaten in het eerste jaar van het mbo voorkomen."
        ),
        themes="Leerroutes en samenwerking met het mbo\nLOB\nKennisdeling",
        funding_sources=list(
            FundingSource.objects.filter(
                partnership=partnership, kind=FundingSource.Kind.REGIONAL
            )
        ),
        funding_notes="Subsidie vanuit de regionale MBO-agenda, programma doorlopend leren.",
        governance=(
            "Een bestuurlijke stuurgroep met de bestuurders van vo en mbo en de "
            "wethouder onderwijs komt vier keer per jaar bijeen en besluit bij "
            "unanimiteit."
        ),
        starts_on=date(year, 8, 1),
        ends_on=date(year + 4, 7, 31),
        evaluation_on=date(year + 2, 6, 30),
    )
    today = timezone.localdate()
    for i, (organisation, (name, function)) in enumerate(
        zip(organisations, SIGNATORIES, strict=False)
    ):
        party = services.party_add(
            covenant=covenant,
            by=by,
            organisation=organisation,
            signatory_name=name,
            signatory_function=function,
            commitment="Zet uren in voor de werkgroep leerroutes en deelt kennis.",
        )
        if i < 2:  # the first two have signed
            services.party_sign(
                party=party, by=by, signed_on=today - timedelta(days=14 - i)
            )
    context.count("covenant", 1)
