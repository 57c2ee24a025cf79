"""The decaan's and mentor's pupils: the list of one year and one pupil's page.

Every function here that returns names, dates of birth, status histories or interventions
writes one access-log entry for exactly the pupils it returns (`_audit.log_pupils`).
Callers pass the school already checked by `access.school_for_pupils`; every query
starts from `access.visible_transitions(school)`.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field, replace

from django.core.paginator import Page, Paginator
from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404, HttpRequest
from django.utils.translation import gettext_lazy as _

from doorlopend.audit.models import Action
from doorlopend.partnerships.models import Membership, Organisation

from ..access import visible_transitions
from ..models import Intervention, Pupil, Signal, StatusEvent, Transition
from ._audit import log_pupils, stored

PER_PAGE = 50
# Status filter value for transitions without any status yet.
NO_STATUS = "none"


@dataclass(frozen=True)
class PupilFilters:
    cohort: int | None = None
    status: str = ""
    route_kind: str = ""
    with_signal: bool = False
    name: str = ""


@dataclass
class PupilPage:
    page: Page
    cohort: int | None
    cohorts: list[int] = field(default_factory=list)


@dataclass
class PupilDetail:
    pupil: Pupil
    transitions: list[Transition]


def cohort_list(*, school: Organisation) -> list[int]:
    """The years of transition with pupils of this school, newest first (no personal data)."""
    return list(
        visible_transitions(school)
        .order_by("-cohort")
        .values_list("cohort", flat=True)
        .distinct()
    )


def _fold(text: str) -> str:
    """Lower case without accents: "Çelik" is found by "celik"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _matching_names(transitions: QuerySet[Transition], query: str) -> list[int]:
    """Ids of the transitions whose pupil's name contains `query`.

    Names are encrypted, so the database cannot search them: the names of the filtered
    year are decrypted here, on the server, and only the matches are shown (and logged).
    """
    wanted = _fold(query.strip())
    return [
        pk
        for pk, name in transitions.values_list("pk", "pupil__name")
        if wanted in _fold(name)
    ]


def _filtered(school: Organisation, filters: PupilFilters) -> QuerySet[Transition]:
    transitions = visible_transitions(school).filter(cohort=filters.cohort)
    if filters.status == NO_STATUS:
        transitions = transitions.filter(status="")
    elif filters.status:
        transitions = transitions.filter(status=filters.status)
    if filters.route_kind:
        transitions = transitions.filter(route_kind=filters.route_kind)
    if filters.with_signal:
        transitions = transitions.filter(
            pk__in=Signal.objects.filter(closed_at__isnull=True).values("transition")
        )
    if filters.name.strip():
        transitions = transitions.filter(
            pk__in=_matching_names(transitions, filters.name)
        )
    return transitions


def pupil_page(
    *,
    school: Organisation,
    viewer: Membership,
    filters: PupilFilters,
    page_number: int | str | None = 1,
    request: HttpRequest | None = None,
    purpose="",
    cohorts: list[int] | None = None,
) -> PupilPage:
    """One page (50) of the school's pupils of one year, with current status and open
    signals; the year defaults to the newest with pupils. Logs the pupils on the page."""
    if cohorts is None:
        cohorts = cohort_list(school=school)
    cohort = filters.cohort if filters.cohort in cohorts else None
    if cohort is None and cohorts:
        cohort = cohorts[0]
    filters = replace(filters, cohort=cohort)
    transitions = (
        _filtered(school, filters)
        .select_related("pupil", "sending_organisation", "receiving_organisation")
        .annotate(
            open_signals=Count("signals", filter=Q(signals__closed_at__isnull=True))
        )
        .order_by("pk")
    )
    page = Paginator(transitions, PER_PAGE).get_page(page_number)
    log_pupils(
        viewer=viewer,
        action=Action.VIEW,
        pupils=[t.pupil for t in page.object_list],
        purpose=purpose or _("list of pupils at the transition"),
        school=school,
        request=request,
        label=stored(
            _("pupils of %(year)s, page %(page)s"),
            {"year": cohort, "page": page.number},
        ),
    )
    return PupilPage(page=page, cohort=cohort, cohorts=cohorts)


def _detail_transitions(school: Organisation, pupil_id: int) -> list[Transition]:
    return list(
        visible_transitions(school)
        .filter(pupil_id=pupil_id)
        .select_related("pupil", "sending_organisation", "receiving_organisation")
        .prefetch_related(
            Prefetch(
                "events",
                queryset=StatusEvent.objects.select_related("recorded_by").order_by(
                    "on", "pk"
                ),
            ),
            Prefetch(
                "signals",
                queryset=Signal.objects.select_related("closed_by")
                .prefetch_related(
                    Prefetch(
                        "interventions",
                        queryset=Intervention.objects.select_related("created_by"),
                    )
                )
                .order_by("-raised_on", "pk"),
            ),
        )
        .order_by("-cohort")
    )


def pupil_detail(
    *,
    school: Organisation,
    pupil_id: int,
    viewer: Membership,
    request: HttpRequest | None = None,
    purpose="",
    action: Action = Action.VIEW,
) -> PupilDetail:
    """One pupil with the transitions this school may see (their status histories,
    signals and interventions); 404 when the pupil is not one of the school's. Logged."""
    transitions = _detail_transitions(school, pupil_id)
    if not transitions:
        raise Http404("Not a pupil of this school.")
    pupil = transitions[0].pupil
    for transition in transitions:
        transition.pupil = pupil
    log_pupils(
        viewer=viewer,
        action=action,
        pupils=[pupil],
        purpose=purpose or _("pupil's page: personal data and history"),
        school=school,
        request=request,
    )
    return PupilDetail(pupil=pupil, transitions=transitions)
