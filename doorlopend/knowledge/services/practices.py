"""Writing up a practice, its contact, publishing it and putting it on a public page."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from doorlopend.partnerships.models import Membership, Partnership
from doorlopend.programme.elements import (
    element_choices_of,
    newest_elements_version,
    version_mark_used,
)
from doorlopend.programme.grid import YEARS, Level

from .. import search
from ..models import Practice, PracticeStatus

# Plain fields a practice form hands over as they are.
PRACTICE_FIELDS = (
    "title",
    "description",
    "level",
    "leerweg",
    "year",
    "mbo_niveau",
    "results",
    "figure_value",
    "figure_label",
    "costs_amount",
    "costs_note",
    "contact_role",
)
# Numbers that stay empty (None) when not given.
NULLABLE_FIELDS = frozenset({"year", "figure_value", "costs_amount"})
# The same practice sent twice within this window (a double click) is saved once.
DUPLICATE_WINDOW = datetime.timedelta(minutes=2)


def _check(practice: Practice, elements: list[str]) -> None:
    """For whom fits together (a leerweg only in vmbo, an mbo level only in mbo, a year
    the school type has), a figure says what it counts, costs are not negative, and the
    elements are those of the list."""
    errors: dict[str, list[str]] = {}
    level = practice.level
    if practice.leerweg and level != Level.VMBO:
        errors.setdefault("leerweg", []).append(_("A leerweg only goes with vmbo."))
    if practice.mbo_niveau and level != Level.MBO:
        errors.setdefault("mbo_niveau", []).append(
            _("An mbo level only goes with mbo.")
        )
    if practice.year and level in YEARS and practice.year not in YEARS[level]:
        errors.setdefault("year", []).append(
            _("In %(level)s a year runs from 1 to %(last)s.")
            % {"level": Level(level).label, "last": YEARS[level][-1]}
        )
    if practice.year and not level:
        errors.setdefault("level", []).append(
            _("Choose the school type the year belongs to.")
        )
    if practice.figure_value is not None and not practice.figure_label.strip():
        errors.setdefault("figure_label", []).append(
            _(
                "Say what the figure counts, for example “percentage of pupils who chose”."
            )
        )
    if practice.figure_label.strip() and practice.figure_value is None:
        errors.setdefault("figure_value", []).append(
            _("Give the figure, or leave both fields empty.")
        )
    if practice.costs_amount is not None and practice.costs_amount < 0:
        errors.setdefault("costs_amount", []).append(_("Costs cannot be negative."))
    known = {key for key, _title in element_choices_of(practice)}
    unknown = sorted(set(elements) - known)
    if unknown:
        errors.setdefault("elements", []).append(
            _("Unknown element: %(keys)s.") % {"keys": ", ".join(unknown)}
        )
    if errors:
        raise ValidationError(errors)


def ordered_elements(practice: Practice, elements: Iterable[str]) -> list[str]:
    """The keys in the order of the list, each once; keys the list lacks are dropped."""
    chosen = set(elements)
    return [key for key, _title in element_choices_of(practice) if key in chosen]


def _recent_twin(partnership: Partnership, by: Membership, data: dict):
    return Practice.objects.filter(
        partnership=partnership,
        created_by=by.user,
        title=data.get("title", ""),
        description=data.get("description", ""),
        created_at__gte=timezone.now() - DUPLICATE_WINDOW,
    ).first()


@transaction.atomic
def practice_save(
    *,
    partnership: Partnership,
    by: Membership,
    practice: Practice | None = None,
    elements: Iterable[str] = (),
    contact_me: bool = False,
    **data,
) -> Practice:
    """Write up a new practice (a draft) or change one.

    Staff change their partnership's drafts; a published practice only the coördinator.
    `contact_me` names the one who saves as the contact, with their consent (they tick
    it themselves); unticking it removes their name again. Nobody names someone else.
    """
    if practice is None:
        if not by.has_perm("knowledge.write"):
            raise PermissionDenied
        twin = _recent_twin(partnership, by, data)
        if twin is not None:
            return twin
        practice = Practice(
            partnership=partnership,
            created_by=by.user,
            elements_version=newest_elements_version(),
        )
    elif practice.partnership_id != partnership.pk or not by.has_perm(
        "knowledge.write", practice
    ):
        raise PermissionDenied
    for name in PRACTICE_FIELDS:
        if name in data:
            value = data[name]
            if value is None and name not in NULLABLE_FIELDS:
                value = ""  # an empty text field is "", never None
            setattr(practice, name, value)
    elements = list(elements)
    _check(practice, elements)
    practice.elements = ordered_elements(practice, elements)
    _contact(practice, by=by, contact_me=contact_me)
    practice.full_clean(exclude=["partnership", "elements_version", "created_by"])
    practice.save()
    if practice.elements:
        version_mark_used(practice.elements_version)
    search.index(practice)
    return practice


def _contact(practice: Practice, *, by: Membership, contact_me: bool) -> None:
    if contact_me and practice.contact_person_id != by.user_id:
        practice.contact_person = by.user
        practice.contact_consented_at = timezone.now()
    elif not contact_me and practice.contact_person_id == by.user_id:
        practice.contact_person = None
        practice.contact_consented_at = None


@transaction.atomic
def practice_contact_withdraw(*, practice: Practice, by: Membership) -> Practice:
    """The named contact takes their name off (consent is withdrawn at any time)."""
    if practice.contact_person_id != by.user_id:
        raise PermissionDenied
    practice.contact_person = None
    practice.contact_consented_at = None
    practice.save(update_fields=["contact_person", "contact_consented_at"])
    return practice


def _may_publish(practice: Practice, by: Membership) -> None:
    if practice.partnership_id != by.partnership_id or not by.has_perm(
        "knowledge.publish"
    ):
        raise PermissionDenied


@transaction.atomic
def practice_publish(*, practice: Practice, by: Membership) -> Practice:
    """The coördinator publishes a draft: members of every partnership then read it.
    It needs what another partnership needs to use it: what happens and whom to ask."""
    _may_publish(practice, by)
    errors = {}
    if not practice.description.strip():
        errors["description"] = _("Describe what happens before publishing.")
    if not practice.contact_role.strip():
        errors["contact_role"] = _("Say whom to contact (a role) before publishing.")
    if errors:
        raise ValidationError(errors)
    if practice.is_draft:
        practice.status = PracticeStatus.PUBLISHED
        practice.published_at = timezone.now()
        practice.published_by = by.user
        practice.save(update_fields=["status", "published_at", "published_by"])
    return practice


@transaction.atomic
def practice_unpublish(*, practice: Practice, by: Membership) -> Practice:
    """Back to a draft: other partnerships and the public page no longer show it."""
    _may_publish(practice, by)
    practice.status = PracticeStatus.DRAFT
    practice.is_public = False
    practice.save(update_fields=["status", "is_public"])
    return practice


@transaction.atomic
def practice_set_public(
    *, practice: Practice, by: Membership, public: bool
) -> Practice:
    """Opt a published practice in (or out) of its public page and the feed."""
    _may_publish(practice, by)
    if public and not practice.is_published:
        raise ValidationError(_("Publish the practice before making it public."))
    if public and not practice.is_public:
        practice.public_since = practice.public_since or timezone.now()
    practice.is_public = public
    practice.save(update_fields=["is_public", "public_since"])
    return practice


@transaction.atomic
def practice_delete(*, practice: Practice, by: Membership) -> None:
    if practice.partnership_id != by.partnership_id or not by.has_perm(
        "knowledge.write", practice
    ):
        raise PermissionDenied
    files = [a.file for a in practice.attachments.all()]
    practice_id = practice.pk
    practice.delete()
    search.unindex(practice_id)
    transaction.on_commit(lambda: [f.delete(save=False) for f in files])
