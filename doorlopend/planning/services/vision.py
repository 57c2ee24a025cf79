"""Writes of the vision (append-only versions) and of each partner's needs and expectations."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from doorlopend.partnerships.models import Membership, Organisation, Partnership

from ..models import PartnerExpectation, VisionVersion

VISION_FIELDS = ("definition", "vision", "ambition")


def _normalise(text: str) -> str:
    # Browsers send \r\n; a version must not differ from the last by line endings alone.
    return "\n".join(line.rstrip() for line in (text or "").splitlines()).strip()


@transaction.atomic
def vision_save(
    *,
    partnership: Partnership,
    definition: str,
    vision: str,
    ambition: str,
    by: Membership | None,
    school: Organisation | None = None,
) -> VisionVersion | None:
    """Append a new version when something changed; None when it equals the newest.

    Earlier versions are never changed, so the history is complete. Without a school
    it is the partnership's vision; with one, that school's own (kept by its
    portefeuillehouder or the coördinator: `planning.school_plan` about the school).
    `by` is None only when the system makes it (the demo loader).
    """
    if school is not None:
        if school.partnership_id != partnership.pk:
            raise ValidationError(_("Choose an organisation of this partnership."))
        if by is not None and not by.has_perm("planning.school_plan", school):
            raise PermissionDenied(_("You may not change this school's plan."))
    texts = {
        "definition": _normalise(definition),
        "vision": _normalise(vision),
        "ambition": _normalise(ambition),
    }
    current = (
        VisionVersion.objects.filter(partnership=partnership, school=school)
        .order_by("-created_at", "-pk")
        .first()
    )
    if current is not None and all(
        getattr(current, name) == value for name, value in texts.items()
    ):
        return None
    if current is None and not any(texts.values()):
        return None
    version = VisionVersion(
        partnership=partnership,
        school=school,
        created_by=by.user if by else None,
        **texts,
    )
    version.full_clean()
    version.save()
    return version


@transaction.atomic
def expectation_save(
    *,
    partnership: Partnership,
    organisation: Organisation,
    needs: str,
    expectations: str,
    by: Membership | None,
) -> PartnerExpectation:
    """A partner's needs and expectations; one row per organisation, edited in place.

    `by` is None only when the system makes it (the demo loader).
    """
    if organisation.partnership_id != partnership.pk:
        raise ValidationError(_("Choose an organisation of this partnership."))
    row, _created = PartnerExpectation.objects.get_or_create(
        partnership=partnership, organisation=organisation
    )
    row.needs = _normalise(needs)
    row.expectations = _normalise(expectations)
    row.updated_by = by.user if by else None
    row.full_clean(exclude=["partnership", "organisation"])
    row.save()
    return row
