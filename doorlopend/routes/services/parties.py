"""Writes of a route's parties: the organisations that sign its samenwerkingsovereenkomst."""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from doorlopend.partnerships.models import Organisation

from ..models import Consent, Leerroute, Party

PARTY_FIELDS = (
    "signatory_name",
    "signatory_role",
    "responsibilities",
    "contribution",
    "financial_notes",
)


def _contribution_check(contribution: Decimal | None) -> None:
    if contribution is not None and contribution < 0:
        raise ValidationError({"contribution": _("A contribution cannot be negative.")})


@transaction.atomic
def party_add(*, route: Leerroute, organisation: Organisation, **data) -> Party:
    """Any organisation of the partnership may sign: a municipality or employer too."""
    if organisation.partnership_id != route.partnership_id:
        raise ValidationError(
            {"organisation": _("Choose an organisation of this partnership.")}
        )
    if Party.objects.filter(route=route, organisation=organisation).exists():
        raise ValidationError(
            {
                "organisation": _("%(name)s is already a party to this route.")
                % {"name": organisation}
            }
        )
    _contribution_check(data.get("contribution"))
    party = Party(route=route, organisation=organisation, **data)
    party.full_clean(exclude=["route", "organisation"])
    try:
        with transaction.atomic():
            party.save()
    except IntegrityError:  # a second submit that raced the first
        raise ValidationError(
            {
                "organisation": _("%(name)s is already a party to this route.")
                % {"name": organisation}
            }
        ) from None
    return party


@transaction.atomic
def party_update(*, party: Party, **data) -> Party:
    """The signatory, tasks and money of a party; the organisation stays."""
    for name, value in data.items():
        if name not in PARTY_FIELDS:
            raise TypeError(f"party_update() got an unexpected field {name!r}")
        setattr(party, name, value)
    _contribution_check(party.contribution)
    party.full_clean(exclude=["route", "organisation"])
    party.save()
    return party


@transaction.atomic
def party_remove(*, party: Party) -> None:
    """Remove a party; the route's own schools and parties with council decisions stay."""
    route = party.route
    schools = {
        route.mbo_location_id,
        *route.vmbo_locations.values_list("pk", flat=True),
    }
    if party.organisation_id in schools:
        raise ValidationError(
            _(
                "%(name)s is one of the route's schools. Take it out of the route's "
                "schools first (edit the route)."
            )
            % {"name": party.organisation}
        )
    if Consent.objects.filter(route=route, organisation=party.organisation_id).exists():
        raise ValidationError(
            _(
                "A council decision of %(name)s is recorded for this route. Delete that "
                "first if the party must go."
            )
            % {"name": party.organisation}
        )
    party.delete()
