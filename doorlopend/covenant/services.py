"""Writes of the regional covenant: its fields, its parties, their signatures, its file.

The coördinator keeps it (`covenant.manage`); each service checks what a form cannot:
dates in order, funding sources and organisations of this partnership, a party once,
a signature not in the future.
"""

from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from doorlopend.documents.models import GeneratedDocument, Kind
from doorlopend.documents.report_services import partnership_document_request
from doorlopend.partnerships.models import Membership, Organisation, Partnership
from doorlopend.planning.models import FundingSource

from .models import Covenant, CovenantParty


def _may_manage(by: Membership) -> None:
    if not by.has_perm("covenant.manage"):
        raise PermissionDenied(_("Only the coördinator keeps the covenant."))


def _dates_check(*, starts_on: date, ends_on: date, evaluation_on: date) -> None:
    errors = {}
    if ends_on <= starts_on:
        errors["ends_on"] = _("The end date must come after the start date.")
    elif not starts_on < evaluation_on <= ends_on:
        errors["evaluation_on"] = _(
            "The evaluation falls after the start and no later than the end."
        )
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def covenant_save(
    *,
    partnership: Partnership,
    by: Membership,
    title: str,
    aims: str,
    themes: str,
    funding_sources: list[FundingSource],
    funding_notes: str,
    governance: str,
    starts_on: date,
    ends_on: date,
    evaluation_on: date,
) -> Covenant:
    """Make the partnership's covenant, or change the one it has."""
    _may_manage(by)
    _dates_check(starts_on=starts_on, ends_on=ends_on, evaluation_on=evaluation_on)
    if any(source.partnership_id != partnership.pk for source in funding_sources):
        raise ValidationError({"funding_sources": _("Choose this plan's sources.")})
    covenant = Covenant.objects.filter(partnership=partnership).first() or Covenant(
        partnership=partnership
    )
    covenant.title = title.strip()
    covenant.aims = aims.strip()
    covenant.themes = themes.strip()
    covenant.funding_notes = funding_notes.strip()
    covenant.governance = governance.strip()
    covenant.starts_on, covenant.ends_on = starts_on, ends_on
    covenant.evaluation_on = evaluation_on
    covenant.updated_by = by.user
    covenant.full_clean()
    covenant.save()
    covenant.funding_sources.set(funding_sources)
    return covenant


@transaction.atomic
def party_add(
    *,
    covenant: Covenant,
    by: Membership,
    organisation: Organisation,
    signatory_name: str,
    signatory_function: str,
    commitment: str = "",
) -> CovenantParty:
    """An organisation of the partnership joins the covenant (once)."""
    _may_manage(by)
    if organisation.partnership_id != covenant.partnership_id:
        raise ValidationError({"organisation": _("Choose one of your organisations.")})
    if CovenantParty.objects.filter(
        covenant=covenant, organisation=organisation
    ).exists():
        raise ValidationError(
            {"organisation": _("%(name)s is a party already.") % {"name": organisation}}
        )
    party = CovenantParty(
        covenant=covenant,
        organisation=organisation,
        signatory_name=signatory_name.strip(),
        signatory_function=signatory_function.strip(),
        commitment=commitment.strip(),
    )
    party.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            party.save()
    except IntegrityError:  # a second click at the same moment
        raise ValidationError(
            {"organisation": _("%(name)s is a party already.") % {"name": organisation}}
        ) from None
    return party


@transaction.atomic
def party_update(
    *,
    party: CovenantParty,
    by: Membership,
    signatory_name: str,
    signatory_function: str,
    commitment: str = "",
) -> CovenantParty:
    _may_manage(by)
    party.signatory_name = signatory_name.strip()
    party.signatory_function = signatory_function.strip()
    party.commitment = commitment.strip()
    party.full_clean(validate_constraints=False)
    party.save()
    return party


@transaction.atomic
def party_sign(
    *, party: CovenantParty, by: Membership, signed_on: date | None
) -> CovenantParty:
    """Mark that the party's signatory signed on `signed_on`; None takes it back."""
    _may_manage(by)
    if signed_on is not None and signed_on > timezone.localdate():
        raise ValidationError({"signed_on": _("The date cannot be in the future.")})
    party.signed_on = signed_on
    party.save(update_fields=["signed_on"])
    return party


@transaction.atomic
def party_remove(*, party: CovenantParty, by: Membership) -> None:
    _may_manage(by)
    party.delete()


def covenant_document_request(
    *, covenant: Covenant, by: Membership, language: str = ""
) -> GeneratedDocument:
    """Queue a new version of the covenant's Word file (documents keeps every one)."""
    _may_manage(by)
    if not covenant.parties.exists():
        raise ValidationError(
            _("The covenant lists its parties: add them first."), code="no_parties"
        )
    return partnership_document_request(
        partnership=covenant.partnership, kind=Kind.COVENANT, by=by, language=language
    )
