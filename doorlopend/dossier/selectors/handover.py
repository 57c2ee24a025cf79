"""The handover seen from the receiving mbo school, and what the sending school hears back.

To whom a dossier is handed. The monitor keeps one transition per pupil and year, with one
receiving school (`Transition.receiving_organisation`; an import of another school's
statuses about that pupil and year is refused, never moved). A dossier is handed to that
school while the registration there is ACTIVE: its current status is a registration
phase, ingeschreven or gestart. Once it went backwards (leidt niet tot inschrijving,
ingetrokken), elsewhere (havo, werk…) or ended (gestopt, diploma), no mbo school reads it
any more. So a pupil registered at two mbo schools — an old registration withdrawn, the
new one active — is handed to the one where the registration is active, and only there.

What is handed: only the parts `selectors.visible_parts` allows (A and B approved in
their current version, C with valid consent: revoking hides it at once), through
`selectors.parts_for_receiving_school`. Where the partnership's agreement keeps the
dossier elsewhere (DDD, PvS…) the receiving school reads only the date it was handed on.
A dossier with nothing approved yet is not listed at all.

Every read of a pupil writes the access log twice in one request: once for the
receiving school (its privacy officer) and once for the sending school (whose pupil's
dossier it is; its privacy officer sees who read it).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Prefetch, Q, QuerySet
from django.http import Http404, HttpRequest
from django.utils.translation import gettext_lazy as _

from doorlopend.audit.models import Action
from doorlopend.partnerships.models import Membership, Organisation
from doorlopend.transitions.choices import REGISTRATION, Status
from doorlopend.transitions.models import Transition
from doorlopend.transitions.selectors._audit import log_pupils

from ..models import Dossier, DossierAgreement, Handover, HandoverQuestion
from . import DOSSIER_PREFETCH, parts_for_receiving_school, visible_parts

# The statuses of an active registration at the receiving school.
ACTIVE_REGISTRATION = frozenset(REGISTRATION | {Status.INGESCHREVEN, Status.GESTART})


def kept_elsewhere(partnership) -> bool:
    """The partnership's agreement keeps the dossier outside Doorlopend (one query)."""
    agreement = DossierAgreement.objects.filter(partnership=partnership).first()
    return bool(agreement and agreement.kept_elsewhere)


def handed_to(school: Organisation) -> QuerySet[Transition]:
    """The transitions whose dossier is handed to `school`: an active registration there,
    a dossier, a pupil not erased (inside the partnership's scope)."""
    return Transition.objects.filter(
        receiving_organisation=school,
        status__in=sorted(ACTIVE_REGISTRATION),
        dossier__isnull=False,
        pupil__erased_at__isnull=True,
    )


def active_receiver_id(transition: Transition) -> int | None:
    """The school a transition's dossier is handed to, or None (see the module's rule)."""
    if transition.status in ACTIVE_REGISTRATION:
        return transition.receiving_organisation_id
    return None


@dataclass
class Incoming:
    transition: Transition
    dossier: Dossier
    parts: frozenset[str]
    handover: Handover | None
    # Kept elsewhere: the date it was handed on, never content.
    handed_on: object = None
    texts: dict[str, dict[str, str]] = field(default_factory=dict)
    questions: list[HandoverQuestion] = field(default_factory=list)

    @property
    def pupil(self):
        return self.transition.pupil

    @property
    def read_at(self):
        return self.handover.first_read_at if self.handover else None

    @property
    def discussed_at(self):
        return self.handover.discussed_at if self.handover else None


def _incoming_qs(school: Organisation) -> QuerySet[Transition]:
    handovers = Handover.objects.filter(receiving_organisation=school).prefetch_related(
        "questions"
    )
    dossiers = Dossier.objects.prefetch_related(
        *DOSSIER_PREFETCH, Prefetch("handovers", queryset=handovers, to_attr="here")
    )
    return (
        handed_to(school)
        .select_related("pupil", "sending_organisation")
        .prefetch_related(Prefetch("dossier", queryset=dossiers))
    )


def _incoming(transition: Transition, elsewhere: bool) -> Incoming | None:
    """The row of one transition, or None when nothing of it may be shown yet."""
    dossier = transition.dossier
    handover = dossier.here[0] if dossier.here else None
    if elsewhere or dossier.kept_elsewhere_handed_on:
        if not dossier.kept_elsewhere_handed_on:
            return None
        return Incoming(
            transition, dossier, frozenset(), handover, dossier.kept_elsewhere_handed_on
        )
    parts = visible_parts(dossier)
    if not parts:
        return None
    return Incoming(transition, dossier, parts, handover)


def _log(viewer, rows: Iterable[Incoming], school, request, purpose, label) -> None:
    """One entry for the receiving school, one per sending school (same request)."""
    rows = list(rows)
    log_pupils(
        viewer=viewer,
        action=Action.VIEW,
        pupils=(r.pupil for r in rows),
        purpose=purpose,
        school=school,
        request=request,
        label=label,
    )
    by_sender: dict[Organisation, list] = defaultdict(list)
    for row in rows:
        if row.transition.sending_organisation:
            by_sender[row.transition.sending_organisation].append(row.pupil)
    for sender, pupils in sorted(by_sender.items(), key=lambda item: item[0].pk):
        log_pupils(
            viewer=viewer,
            action=Action.VIEW,
            pupils=pupils,
            purpose=purpose,
            school=sender,
            request=request,
            label=_("read by the receiving school %(school)s")
            % {"school": school.name},
        )


def cohorts(*, school: Organisation) -> list[int]:
    """The years with pupils handed to `school`, newest first (no personal data)."""
    return list(
        handed_to(school)
        .order_by("-cohort")
        .values_list("cohort", flat=True)
        .distinct()
    )


def incoming_list(
    *,
    viewer: Membership,
    school: Organisation,
    cohort: int | None,
    request: HttpRequest | None = None,
) -> list[Incoming]:
    """The pupils of one year whose dossier is handed to `school`, with the parts that
    may be read (no text), read and discussed; in a fixed number of queries; logged."""
    elsewhere = kept_elsewhere(school.partnership)
    transitions = _incoming_qs(school).filter(cohort=cohort).order_by("pk")
    rows = [r for t in transitions if (r := _incoming(t, elsewhere)) is not None]
    rows.sort(key=lambda r: r.pupil.name.casefold())
    _log(
        viewer,
        rows,
        school,
        request,
        _("doorstroomdossier: list of pupils handed over"),
        _("handed over, year %(year)s") % {"year": cohort},
    )
    return rows


def unread_count(*, school: Organisation) -> int:
    """How many dossiers handed to `school` (by the rule of `incoming_list`, every year)
    it has not read yet: a count, no pupil shown, nothing to log."""
    elsewhere = kept_elsewhere(school.partnership)
    rows = (_incoming(t, elsewhere) for t in _incoming_qs(school).order_by())
    return sum(1 for r in rows if r is not None and r.parts and not r.read_at)


def incoming_get(*, school: Organisation, transition_id: int) -> Incoming:
    """One dossier handed to `school`, without its texts, for a write (the service logs
    what it does); 404 for a pupil not registered here or with nothing approved."""
    transition = _incoming_qs(school).filter(pk=transition_id).first()
    row = (
        _incoming(transition, kept_elsewhere(school.partnership))
        if transition
        else None
    )
    if row is None:
        raise Http404("No dossier handed to this school.")
    return row


def incoming_detail(
    *,
    viewer: Membership,
    school: Organisation,
    transition_id: int,
    request: HttpRequest | None = None,
    purpose=None,
) -> Incoming:
    """One dossier handed to `school`: the texts of its visible parts only (404 for a
    pupil not registered here, or with nothing approved); logged, for `purpose` (its
    page, unless said otherwise)."""
    row = incoming_get(school=school, transition_id=transition_id)
    if row.parts:
        row.texts = parts_for_receiving_school(row.dossier)
    if row.handover:
        row.questions = list(row.handover.questions.all())
    _log(
        viewer,
        [row],
        school,
        request,
        purpose or _("doorstroomdossier: read by the receiving school"),
        _("doorstroomdossier"),
    )
    return row


# ---- The sending school's side -----------------------------------------------------------


@dataclass(frozen=True)
class SentState:
    """What the sending school hears back about one dossier (no text)."""

    sent: bool  # approved parts visible to an active receiving school
    receiving_school: str
    read_at: object = None
    discussed_at: object = None
    open_questions: int = 0

    @property
    def status(self) -> str:
        if self.discussed_at:
            return "discussed"
        if self.read_at:
            return "read"
        return "sent" if self.sent else "not_sent"

    @property
    def status_label(self) -> str:
        return str(SENT_LABELS[self.status])


SENT_LABELS = {
    "not_sent": _("not sent yet"),
    "sent": _("sent"),
    "read": _("read"),
    "discussed": _("besproken"),
}


def sent_states(dossiers: Iterable[Dossier]) -> dict[int, SentState]:
    """Per dossier (with `transition` and its receiving school loaded, approvals and
    consents prefetched): sent, read, discussed at the school the registration is
    active at. Two queries for any number of dossiers."""
    dossiers = [d for d in dossiers if d is not None]
    receivers = {d.pk: active_receiver_id(d.transition) for d in dossiers}
    handovers = {
        (h.dossier_id, h.receiving_organisation_id): h
        for h in Handover.objects.filter(
            dossier__in=[d.pk for d in dossiers]
        ).prefetch_related("questions")
    }
    states = {}
    for dossier in dossiers:
        receiver = receivers[dossier.pk]
        handover = handovers.get((dossier.pk, receiver))
        school = dossier.transition.receiving_organisation
        open_questions = (
            sum(1 for q in handover.questions.all() if not q.answered_at)
            if handover
            else 0
        )
        states[dossier.pk] = SentState(
            sent=receiver is not None
            and bool(visible_parts(dossier) or dossier.kept_elsewhere_handed_on),
            receiving_school=school.name if school and receiver else "",
            read_at=handover.first_read_at if handover else None,
            discussed_at=handover.discussed_at if handover else None,
            open_questions=open_questions,
        )
    return states


def sent_states_attach(rows) -> None:
    """Set `row.sent` on each row of the sending school's list (`pages.DossierRow`)."""
    states = sent_states(r.dossier for r in rows if r.dossier is not None)
    for row in rows:
        row.sent = states.get(row.dossier.pk) if row.dossier is not None else None


def questions_for_sender(dossier: Dossier) -> list[HandoverQuestion]:
    """The receiving schools' questions about a dossier, oldest first (read on the
    sending school's dossier page, which logs the read)."""
    return list(
        HandoverQuestion.objects.filter(handover__dossier=dossier)
        .select_related("handover__receiving_organisation")
        .order_by("asked_at", "pk")
    )


def question_of_sender(
    *, school: Organisation, transition_id: int, question_id: int
) -> HandoverQuestion:
    """A question about a pupil `school` sent (404 for any other)."""
    question = (
        HandoverQuestion.objects.filter(
            Q(handover__dossier__transition__sending_organisation=school),
            pk=question_id,
            handover__dossier__transition_id=transition_id,
        )
        .select_related("handover__dossier__transition__pupil")
        .first()
    )
    if question is None:
        raise Http404("No such question.")
    return question
