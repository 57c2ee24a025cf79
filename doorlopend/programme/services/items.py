"""Programme items, their ratings on the 7 elementen, and the eind- and startopdrachten."""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from doorlopend.partnerships.models import Membership, Organisation
from doorlopend.planning.models import Activity

from ..elements import element_choices_of, version_mark_used
from ..grid import YEARS, Level, row_order
from ..models import AssignmentPair, ItemRating, Programme, ProgrammeItem, Score
from .programmes import ITEM_FIELDS, PAIR_FIELDS, may_manage


def _check_item(
    *,
    programme: Programme,
    item: ProgrammeItem | None,
    data: dict,
    organisations: Iterable[Organisation],
    activity: Activity | None,
    leads_to: ProgrammeItem | None,
) -> None:
    """The rules of an item: a year its school type has, a leerweg and profile only in
    vmbo, BOL/BBL and crebo only in mbo, organisations and the activity of this
    partnership, and samenhang only towards a later year of the same programme."""
    errors: dict[str, list[str]] = {}
    level, year = data["level"], data["year"]
    if level in YEARS and year not in YEARS[level]:
        last = YEARS[level][-1]
        errors.setdefault("year", []).append(
            _("In %(level)s a year runs from 1 to %(last)s.")
            % {"level": Level(level).label, "last": last}
            if level != Level.HBO
            else _("In the hbo the programme covers the propedeuse: choose year 1.")
        )
    if level != Level.VMBO:
        for field in ("leerweg", "profile"):
            if data.get(field):
                errors.setdefault(field, []).append(
                    _("Only for vmbo: leave it empty for %(level)s.")
                    % {"level": Level(level).label}
                )
    if level != Level.MBO:
        for field in ("mbo_leerweg", "crebo"):
            if data.get(field):
                errors.setdefault(field, []).append(
                    _("Only for mbo: leave it empty for %(level)s.")
                    % {"level": Level(level).label}
                )
    crebo = data.get("crebo") or ""
    if crebo and not (crebo.isdigit() and len(crebo) == 5):
        errors.setdefault("crebo", []).append(
            _("A crebo number is five digits, for example 25180.")
        )
    partnership_id = programme.partnership_id
    if any(o.partnership_id != partnership_id for o in organisations):
        errors.setdefault("organisations", []).append(
            _("Choose organisations of this partnership.")
        )
    if activity is not None and activity.partnership_id != partnership_id:
        errors.setdefault("activity", []).append(
            _("Choose an activity of this partnership's plan.")
        )
    if leads_to is not None:
        if leads_to.programme_id != programme.pk:
            errors.setdefault("leads_to", []).append(
                _("Choose an item of this programme.")
            )
        elif row_order(leads_to.level, leads_to.year) <= row_order(level, year):
            errors.setdefault("leads_to", []).append(
                _(
                    "An item leads to an item in a later year; “%(title)s” is in "
                    "%(row)s."
                )
                % {"title": leads_to.title, "row": leads_to.row_label}
            )
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def item_save(
    *,
    programme: Programme,
    by: Membership,
    item: ProgrammeItem | None = None,
    organisations: Iterable[Organisation] = (),
    activity: Activity | None = None,
    leads_to: ProgrammeItem | None = None,
    **data,
) -> ProgrammeItem:
    """Create an item (item=None) or change it."""
    may_manage(by=by)
    organisations = list(organisations)
    _check_item(
        programme=programme,
        item=item,
        data=data,
        organisations=organisations,
        activity=activity,
        leads_to=leads_to,
    )
    item = item or ProgrammeItem(programme=programme)
    for field in ITEM_FIELDS:
        setattr(item, field, data.get(field) or ("" if field != "year" else None))
    item.activity = activity
    item.leads_to = leads_to
    item.full_clean()
    item.save()
    item.organisations.set(organisations)
    # An earlier item that led here may now point backwards in time: it lets go.
    for earlier in ProgrammeItem.objects.filter(leads_to=item):
        if row_order(earlier.level, earlier.year) >= row_order(item.level, item.year):
            earlier.leads_to = None
            earlier.save(update_fields=["leads_to"])
    return item


@transaction.atomic
def item_delete(*, item: ProgrammeItem, by: Membership) -> None:
    may_manage(by=by)
    item.delete()


@transaction.atomic
def item_rate(
    *,
    item: ProgrammeItem,
    by: Membership,
    scores: dict[str, tuple[int | None, str]],
) -> list[ItemRating]:
    """The item's rating on each element at once: {element: (score, why)}. An element
    left without a score loses its rating; a why without a score is refused."""
    may_manage(by=by)
    programme = item.programme
    known = {key for key, _title in element_choices_of(programme)}
    errors = {}
    for element, (score, why) in scores.items():
        if element not in known:
            errors[element] = _("Unknown element.")
        elif score is None and why.strip():
            errors[element] = _("Choose a score for this explanation, or remove it.")
        elif score is not None and score not in Score.values:
            errors[element] = _("Choose not, somewhat or clearly.")
    if errors:
        raise ValidationError(errors)
    existing = {r.element: r for r in ItemRating.objects.filter(item=item)}
    kept = []
    for element, (score, why) in scores.items():
        rating = existing.get(element)
        if score is None:
            if rating is not None:
                rating.delete()
            continue
        rating = rating or ItemRating(item=item, element=element)
        rating.score, rating.why = score, why.strip()
        rating.full_clean()
        rating.save()
        kept.append(rating)
    if kept:
        version_mark_used(programme.elements_version)
    return kept


def _check_pair(programme: Programme, owners: dict[str, Organisation | None]) -> None:
    errors = {}
    for field, owner in owners.items():
        if owner is not None and owner.partnership_id != programme.partnership_id:
            errors[field] = _("Choose an organisation of this partnership.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def pair_save(
    *,
    programme: Programme,
    by: Membership,
    pair: AssignmentPair | None = None,
    vo_owner: Organisation | None = None,
    mbo_owner: Organisation | None = None,
    **data,
) -> AssignmentPair:
    """Create an eind- and startopdracht (pair=None) or change it."""
    may_manage(by=by)
    _check_pair(programme, {"vo_owner": vo_owner, "mbo_owner": mbo_owner})
    pair = pair or AssignmentPair(programme=programme)
    for field in PAIR_FIELDS:
        if field.endswith("_owner_id"):
            continue
        setattr(pair, field, data.get(field) or "")
    pair.vo_owner, pair.mbo_owner = vo_owner, mbo_owner
    pair.full_clean()
    pair.save()
    return pair


@transaction.atomic
def pair_delete(*, pair: AssignmentPair, by: Membership) -> None:
    may_manage(by=by)
    pair.delete()
