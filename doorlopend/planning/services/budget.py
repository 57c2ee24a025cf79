"""Writes of the budget: funding sources and their budget lines (amounts in Decimal)."""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from doorlopend.partnerships.models import Membership, Organisation, Partnership

from ..models import Activity, BudgetLine, FundingSource
from .plan_schools import check_school, require_keep

SOURCE_FIELDS = ("name", "kind", "amount", "notes")
LINE_FIELDS = (
    "description",
    "organisation",
    "school",
    "activity",
    "planned",
    "committed",
    "spent",
)
AMOUNTS = ("amount", "planned", "committed", "spent")


def _not_negative(data: dict) -> None:
    errors = {
        name: [_("An amount cannot be negative.")]
        for name in AMOUNTS
        if data.get(name) is not None and Decimal(data[name]) < 0
    }
    if errors:
        raise ValidationError(errors)


def _name_taken(partnership: Partnership, name: str, source: FundingSource | None):
    taken = FundingSource.objects.filter(partnership=partnership, name__iexact=name)
    if source is not None:
        taken = taken.exclude(pk=source.pk)
    if taken.exists():
        raise ValidationError(
            {
                "name": _("This partnership already has a source named %(name)s.")
                % {"name": name}
            }
        )


def _save_source(source: FundingSource) -> FundingSource:
    source.full_clean(exclude=["partnership"], validate_constraints=False)
    try:
        with transaction.atomic():
            source.save()
    except IntegrityError:  # a second submit that raced the first
        raise ValidationError(
            {
                "name": _("This partnership already has a source named %(name)s.")
                % {"name": source.name}
            }
        ) from None
    return source


@transaction.atomic
def source_create(*, partnership: Partnership, **data) -> FundingSource:
    """A funding source; names are unique in the partnership, amounts not negative."""
    _not_negative(data)
    _name_taken(partnership, data.get("name", ""), None)
    source = FundingSource(partnership=partnership)
    for name in SOURCE_FIELDS:
        if name in data:
            setattr(source, name, data[name])
    return _save_source(source)


@transaction.atomic
def source_update(*, source: FundingSource, **data) -> FundingSource:
    _not_negative(data)
    _name_taken(source.partnership, data.get("name", source.name), source)
    for name in SOURCE_FIELDS:
        if name in data:
            setattr(source, name, data[name])
    return _save_source(source)


@transaction.atomic
def source_delete(*, source: FundingSource) -> None:
    """Refused while the source has budget lines: they would lose their money's origin."""
    if source.lines.exists():
        raise ValidationError(
            _("%(name)s still has budget lines. Delete or move its lines first.")
            % {"name": source.name},
            code="has_lines",
        )
    source.delete()


def _check_line(source: FundingSource, data: dict) -> None:
    _not_negative(data)
    organisation: Organisation | None = data.get("organisation")
    activity: Activity | None = data.get("activity")
    errors = {}
    if (
        organisation is not None
        and organisation.partnership_id != source.partnership_id
    ):
        errors["organisation"] = [_("Choose an organisation of this partnership.")]
    if activity is not None and activity.partnership_id != source.partnership_id:
        errors["activity"] = [_("Choose an activity of this partnership.")]
    if errors:
        raise ValidationError(errors)


def _save_line(line: BudgetLine, data: dict, by: Membership | None) -> BudgetLine:
    for name in LINE_FIELDS:
        if name in data:
            setattr(line, name, data[name])
    check_school(line, partnership_id=line.source.partnership_id)
    require_keep(line, by=by)
    line.full_clean(exclude=["source", "organisation", "school", "activity"])
    line.save()
    return line


@transaction.atomic
def line_create(
    *, source: FundingSource, by: Membership | None = None, **data
) -> BudgetLine:
    """A budget line of `source`; organisation and activity of the same partnership. With
    a `school`, a line of that school's own plan: only its portefeuillehouder or decaan,
    or the coördinator, adds one (`planning.keep_item`; `by` None: the demo loader)."""
    _check_line(source, data)
    return _save_line(BudgetLine(source=source), data, by)


@transaction.atomic
def line_update(
    *, line: BudgetLine, by: Membership | None = None, **data
) -> BudgetLine:
    """Whoever may keep the line as it is and as it becomes."""
    require_keep(line, by=by)
    _check_line(line.source, data)
    return _save_line(line, data, by)


@transaction.atomic
def line_delete(*, line: BudgetLine, by: Membership | None = None) -> None:
    require_keep(line, by=by)
    line.delete()
