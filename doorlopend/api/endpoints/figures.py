"""The doorstroom figures of the partnership: the monitor's own, suppressed the same way."""

from typing import Literal

from django.http import HttpRequest
from django.utils import timezone
from ninja import Query, Router, Schema
from pydantic import Field

from doorlopend.transitions.selectors import figures as selectors
from doorlopend.transitions.suppression import Shown

from ..access import KeyAuth, operation
from ..schemas import Figure, FigureGroup, Figures
from .common import responses

router = Router(tags=["figures"])


class FiguresQuery(Schema):
    cohort: int | None = Field(
        None,
        ge=2000,
        le=2100,
        description="The year of transition; the latest by default.",
    )
    dimension: Literal["sending", "receiving", "sector", "route"] = "sending"


def _figure(shown: Shown) -> Figure:
    return Figure(count=shown.count, percent=shown.percent, hidden=shown.reason)


def _group(group) -> FigureGroup:
    return FigureGroup(
        key=str(group.key if group.key is not None else ""),
        label=str(group.label),
        lines=[
            {
                "key": line.key,
                "label": line.label,
                "figures": {k: _figure(v) for k, v in line.figures.items()},
            }
            for line in group.lines
        ],
    )


@router.get(
    "/partnerships/{slug}/figures",
    response=responses({200: Figures}),
    operation_id="figures_get",
    summary="The cohort's figures per school, sector or route",
    auth=KeyAuth("figures:read"),
)
@operation
def figures_get(request: HttpRequest, slug: str, query: Query[FiguresQuery]):
    """The figures of the doorstroommonitor's page: a figure of a group under k pupils
    (and any figure from which one would follow) is null, with the reason."""
    partnership = request.auth.partnership
    cohort = query.cohort
    if cohort is None:
        years = selectors.cohorts(partnership=partnership)
        cohort = years[0] if years else timezone.localdate().year
    result = selectors.cohort_figures(
        partnership=partnership, cohort=cohort, dimension=query.dimension
    )
    return Figures(
        cohort=result.cohort,
        dimension=result.dimension,
        k=result.k,
        deadline=result.deadline,
        measures={key: str(label) for key, label, _help in result.measures},
        groups=[_group(g) for g in result.groups],
        total=_group(result.total),
    )
