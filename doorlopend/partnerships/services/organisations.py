"""Writes for the partnership's organisations."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError
from django.utils.translation import gettext as _

from doorlopend.registry.models import RegisterEntry, Sector

from ..models import (
    Organisation,
    OrganisationKind,
    Partnership,
)

_KIND_FOR_SECTOR = {
    Sector.VO: OrganisationKind.VO,
    Sector.MBO: OrganisationKind.MBO,
    Sector.HBO: OrganisationKind.HBO,
}


@transaction.atomic
def organisation_add_from_register(
    *, partnership: Partnership, entry: RegisterEntry
) -> Organisation:
    """Add a school from DUO's register; adding it twice is refused, not duplicated."""
    if Organisation.objects.filter(
        partnership=partnership, register_entry=entry
    ).exists():
        raise ValidationError(
            _("%(name)s is already part of this partnership.") % {"name": entry.name}
        )
    organisation = Organisation(
        partnership=partnership,
        name=entry.name,
        kind=_KIND_FOR_SECTOR[Sector(entry.sector)],
        register_entry=entry,
        # DUO writes places in capitals (TIEL); people write Tiel.
        place=entry.place.title(),
    )
    organisation.full_clean()
    try:
        with transaction.atomic():
            organisation.save()
    except IntegrityError:  # a second submit that raced the first
        raise ValidationError(
            _("%(name)s is already part of this partnership.") % {"name": entry.name}
        ) from None
    return organisation


@transaction.atomic
def organisation_save(*, organisation: Organisation) -> Organisation:
    """Create or update an organisation typed in by hand (municipality, employer, other).

    Schools come from the register, so that their BRIN is right: a hand-made school is refused.
    """
    if organisation.register_entry_id is None and organisation.is_school:
        raise ValidationError(
            {"kind": _("Add schools by searching the DUO school register.")}
        )
    duplicate = (
        Organisation.objects.filter(
            partnership=organisation.partnership, name__iexact=organisation.name.strip()
        )
        .exclude(pk=organisation.pk)
        .exists()
    )
    if duplicate:
        raise ValidationError(
            {"name": _("This partnership already has an organisation with this name.")}
        )
    organisation.name = organisation.name.strip()
    organisation.full_clean()
    organisation.save()
    return organisation


@transaction.atomic
def organisation_delete(*, organisation: Organisation) -> None:
    """Remove an organisation; refused while people hold a role for it."""
    if organisation.role_assignments.exists():
        raise ValidationError(
            _(
                "People still hold a role for %(name)s. Change or revoke those roles first."
            )
            % {"name": organisation}
        )
    # Routes and their agreements name the organisation: those must change first.
    routes = sorted(
        {p.route.name for p in organisation.route_parties.select_related("route")}
        | {r.name for r in organisation.leerroutes_as_mbo.all()}
        | {r.name for r in organisation.leerroutes_as_vmbo.all()}
    )
    if routes:
        raise ValidationError(
            _(
                "%(name)s takes part in the leerroute(s) %(routes)s. Remove it from "
                "those routes first."
            )
            % {"name": organisation, "routes": ", ".join(routes)}
        )
    try:
        with transaction.atomic():
            organisation.delete()
    except ProtectedError:
        # Records of later apps that must outlive a change of members (a school's own
        # LOB-scan, pupils, budget lines) name it: this layer cannot list them by name.
        raise ValidationError(
            _(
                "%(name)s still has records of its own in Doorlopend (such as the "
                "school's LOB-scans, pupils or budget lines): it cannot be removed."
            )
            % {"name": organisation}
        ) from None
