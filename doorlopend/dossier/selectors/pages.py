"""The sending school's dossier pages: the list of one year's leavers and one dossier.

Every function that returns a pupil writes one access-log entry for exactly the pupils
it returns (`transitions.selectors._audit.log_pupils`). Callers pass the school already
checked (`transitions.access.school_where(membership, "dossier.view", id)`); every query
starts from the transitions that school sent.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.db.models import Prefetch, QuerySet
from django.http import Http404, HttpRequest
from django.utils.translation import gettext_lazy as _

from doorlopend.audit.models import Action
from doorlopend.partnerships.models import Membership, Organisation
from doorlopend.transitions.models import Transition
from doorlopend.transitions.selectors._audit import log_pupils

from ..models import Dossier, DossierAgreement, DossierLink
from . import ConsentState, PartState, consent_state, part_states


@dataclass
class DossierRow:
    transition: Transition
    dossier: Dossier | None
    states: dict[str, PartState] | None
    consent: ConsentState | None
    link: DossierLink | None  # the pupil's newest link

    @property
    def pupil(self):
        return self.transition.pupil


def sent_by(school: Organisation) -> QuerySet[Transition]:
    """The transitions of pupils leaving `school` (inside the partnership's scope)."""
    return Transition.objects.filter(sending_organisation=school)


def cohorts(*, school: Organisation) -> list[int]:
    """The years with leavers of this school, newest first (no personal data)."""
    return list(
        sent_by(school).order_by("-cohort").values_list("cohort", flat=True).distinct()
    )


def default_cohort(years: list[int]) -> int | None:
    """The newest year imported: the leavers the dossiers are written for."""
    return years[0] if years else None


def agreement_of(partnership) -> DossierAgreement | None:
    return DossierAgreement.objects.filter(partnership=partnership).first()


def _dossiers() -> QuerySet[Dossier]:
    return Dossier.objects.prefetch_related(
        "approvals",
        "consents",
        Prefetch(
            "links",
            queryset=DossierLink.objects.filter(kind="pupil").order_by("-created_at"),
            to_attr="pupil_links",
        ),
    )


def _row(transition: Transition) -> DossierRow:
    dossier = getattr(transition, "dossier", None)
    if dossier is None:
        return DossierRow(transition, None, None, None, None)
    return DossierRow(
        transition,
        dossier,
        part_states(dossier),
        consent_state(dossier),
        dossier.pupil_links[0] if dossier.pupil_links else None,
    )


def _with_dossier(transitions: QuerySet[Transition]) -> QuerySet[Transition]:
    return transitions.select_related(
        "pupil", "receiving_organisation"
    ).prefetch_related(Prefetch("dossier", queryset=_dossiers()))


# Leavers per page of the school's list, as the monitor's pupil list.
PER_PAGE = 50


def dossier_rows(
    *,
    viewer: Membership,
    school: Organisation,
    cohort: int,
    page_number=None,
    request: HttpRequest | None = None,
) -> Page:
    """One page of the leavers of one year, by name, with the state of their dossier
    (never its text), in a fixed number of queries; only the pupils on the page are
    logged. Names are encrypted, so the order is made here: the year's pupils are read
    for their names alone, the page's rows with everything they show."""
    leavers = sorted(
        sent_by(school)
        .filter(cohort=cohort)
        .select_related("pupil")
        .only("pk", "pupil__name"),
        key=lambda t: (t.pupil.name.casefold(), t.pk),
    )
    page = Paginator([t.pk for t in leavers], PER_PAGE).get_page(page_number)
    by_pk = {
        t.pk: t for t in _with_dossier(sent_by(school).filter(pk__in=page.object_list))
    }
    page.object_list = [_row(by_pk[pk]) for pk in page.object_list if pk in by_pk]
    log_pupils(
        viewer=viewer,
        action=Action.VIEW,
        pupils=(r.pupil for r in page.object_list),
        purpose=_("doorstroomdossier: list of leavers"),
        school=school,
        request=request,
        label=_("dossiers of year %(year)s") % {"year": cohort},
    )
    return page


def dossier_row(
    *,
    viewer: Membership,
    school: Organisation,
    transition_id: int,
    request: HttpRequest | None = None,
    purpose=None,
    action: str = Action.VIEW,
) -> DossierRow:
    """One leaver of this school with their dossier (404 for any other); logged."""
    transition = _with_dossier(sent_by(school).filter(pk=transition_id)).first()
    if transition is None:
        raise Http404("No such pupil here.")
    log_pupils(
        viewer=viewer,
        action=action,
        pupils=[transition.pupil],
        purpose=purpose or _("doorstroomdossier: read"),
        school=school,
        request=request,
        label=_("doorstroomdossier"),
    )
    return _row(transition)
