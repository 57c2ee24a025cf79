"""Reads of the regional covenant: the covenant with its parties, the stuurgroep, and the
covenant as plain text (what the stuurgroep approves and the content hash is over)."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils import formats, translation
from django.utils.translation import gettext as _

from doorlopend.approvals.selectors import deciders
from doorlopend.partnerships.models import Organisation, Partnership

from .models import Covenant, CovenantParty


@dataclass(frozen=True)
class StuurgroepMember:
    name: str
    email: str


def covenant_of(*, partnership: Partnership) -> Covenant | None:
    return (
        Covenant.objects.filter(partnership=partnership)
        .prefetch_related("funding_sources")
        .first()
    )


def party_list(*, covenant: Covenant) -> QuerySet[CovenantParty]:
    """The parties by name, each with its organisation: one query."""
    return CovenantParty.objects.filter(covenant=covenant).select_related(
        "organisation"
    )


def organisations_to_add(*, covenant: Covenant) -> QuerySet[Organisation]:
    """The partnership's organisations that are not yet a party."""
    return Organisation.objects.filter(partnership_id=covenant.partnership_id).exclude(
        covenant_parties__covenant=covenant
    )


def stuurgroep(*, partnership: Partnership) -> list[StuurgroepMember]:
    """The stuurgroep as the partnership's roles say now (the members who decide on
    approvals), by name."""
    members = [
        StuurgroepMember(m.user.get_full_name() or m.user.email, m.user.email)
        for m in deciders(partnership=partnership)
    ]
    return sorted(members, key=lambda m: m.name.lower())


def _date(value) -> str:
    return formats.date_format(value, "j F Y")


def covenant_text(covenant: Covenant) -> str:
    """The covenant's agreed content as text lines, in Dutch: parties and signatories,
    aims, themes, funding, governance, duration and evaluation. Signatures are not part
    of it: marking one is no change of what was agreed and needs no new approval."""
    with translation.override("nl"):
        lines = [covenant.title, "", _("Parties")]
        for party in party_list(covenant=covenant):
            lines.append(
                f"- {party.organisation.name} ({party.organisation.get_kind_display()}):"
                f" {party.signatory_name}, {party.signatory_function}"
            )
            if party.commitment:
                lines.append(f"  {party.commitment.strip()}")
        lines += ["", _("Aims"), covenant.aims.strip(), "", _("Themes")]
        lines += [f"- {theme}" for theme in covenant.theme_list]
        lines += ["", _("Funding")]
        for source in covenant.funding_sources.all():
            lines.append(f"- {source.name} ({source.get_kind_display()})")
        if covenant.funding_notes:
            lines.append(covenant.funding_notes.strip())
        lines += ["", _("Governance")]
        if covenant.governance:
            lines.append(covenant.governance.strip())
        lines += ["", _("Duration")]
        lines.append(
            _("From %(start)s to %(end)s; evaluation on %(evaluation)s.")
            % {
                "start": _date(covenant.starts_on),
                "end": _date(covenant.ends_on),
                "evaluation": _date(covenant.evaluation_on),
            }
        )
    return "\n".join(lines)
