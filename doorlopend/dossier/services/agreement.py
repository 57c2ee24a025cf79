"""The partnership's agreement on the doorstroomdossier (the coördinator)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from doorlopend.partnerships.models import Membership, Partnership

from ..choices import DossierKind
from ..models import DossierAgreement


@transaction.atomic
def agreement_save(
    *,
    partnership: Partnership,
    kind: str,
    other_name: str,
    holds: str,
    handover_by: str,
    by: Membership,
) -> DossierAgreement:
    """Record which dossier the schools use; saving it again overwrites (one per
    partnership)."""
    other_name = other_name.strip() if kind == DossierKind.OTHER else ""
    if kind == DossierKind.OTHER and not other_name:
        raise ValidationError({"other_name": _("Give the name of the dossier.")})
    agreement, _created = DossierAgreement.objects.select_for_update().get_or_create(
        partnership=partnership
    )
    agreement.kind = kind
    agreement.other_name = other_name
    agreement.holds = holds.strip()
    agreement.handover_by = handover_by.strip()
    agreement.updated_by = by.user
    agreement.full_clean()
    agreement.save()
    return agreement
