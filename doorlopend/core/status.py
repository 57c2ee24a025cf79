"""What every status means, in one place: the tone its badge wears.

A badge never picks its own colour. Every status of every model (and the few states that
are computed, such as "overdue") maps here to one of five tones; the `status` template
tags render the badge with the tone's class, a sign and the status's own words, so a
worrying state is never told by colour alone. Keys are "app.Model.field" strings (core
imports no app above it); a test checks every choice of every status field is here and
that the worrying ones are warning or danger.
"""

from __future__ import annotations

from enum import StrEnum


class Tone(StrEnum):
    OK = "ok"  # reached, done, started: nothing to do
    PROGRESS = "progress"  # on its way
    WARNING = "warning"  # look at it: unknown, not reached yet, needs attention
    DANGER = "danger"  # act: went backwards, stopped, overdue, refused
    NEUTRAL = "neutral"  # not started, not applicable, closed


# The sign beside the words (aria-hidden: the words say it for screen readers).
SIGNS: dict[Tone, str] = {
    Tone.OK: "✓",
    Tone.PROGRESS: "◐",
    Tone.WARNING: "!",
    Tone.DANGER: "✗",
    Tone.NEUTRAL: "○",
}

OK, PROGRESS, WARNING, DANGER, NEUTRAL = Tone

_JOB = {
    "queued": PROGRESS,
    "running": PROGRESS,
    "done": OK,
    "refused": WARNING,
    "failed": DANGER,
    "cancelled": NEUTRAL,
    "stopped": DANGER,
}
_PUPIL = {
    # Registration at the mbo school: on the way.
    "aangemeld": PROGRESS,
    "intake": PROGRESS,
    "dossier_ontvangen": PROGRESS,
    "ovk_aangeboden": PROGRESS,
    "geplaatst": PROGRESS,
    "ingeschreven": PROGRESS,
    # Going backwards or dropping out: the decaan acts.
    "leidt_niet_tot_inschrijving": DANGER,
    "ingetrokken": DANGER,
    "gestopt": DANGER,
    # Arrived.
    "gestart": OK,
    "diploma": OK,
    "havo": OK,
    "ander_vo": NEUTRAL,
    "doubleert": NEUTRAL,
    # Work without a qualification, or nobody knows: look into it.
    "werk": WARNING,
    "onbekend": WARNING,
}

TONES: dict[str, dict[str, Tone]] = {
    "transitions.Transition.status": _PUPIL,
    "transitions.StatusEvent.status": _PUPIL,
    "transitions.Signal.open": {"True": WARNING, "False": NEUTRAL},
    "transitions.TransitionImport.status": {"mapping": WARNING, **_JOB},
    "registry.ImportJob.status": _JOB,
    "reflection.Report.status": _JOB,
    "documents.GeneratedDocument.status": _JOB,
    "reflection.Session.state": {"concept": NEUTRAL, "open": PROGRESS, "closed": OK},
    "reflection.ActionPoint.status": {
        "open": NEUTRAL,
        "bezig": PROGRESS,
        "gereed": OK,
        "vervallen": NEUTRAL,
    },
    "routes.Consent.outcome": {
        "consent": OK,
        "positive": OK,
        "negative": DANGER,
        "postponed": WARNING,
    },
    "roadmaps.ItemState.status": {
        "not_started": NEUTRAL,
        "in_progress": PROGRESS,
        "done": OK,
        "not_applicable": NEUTRAL,
    },
    "planning.Activity.status": {"planned": NEUTRAL, "held": OK, "cancelled": NEUTRAL},
    # A werkgroeplid's proposal waits for the coördinator; a declined one says why.
    "planning.Activity.approval": {
        "proposed": WARNING,
        "confirmed": OK,
        "declined": DANGER,
    },
    "planning.ProgressUpdate.state": {
        "on_track": OK,
        "attention": WARNING,
        "behind": DANGER,
    },
    "planning.Triage.outcome": {
        "task": OK,
        "activity": OK,
        "goal": OK,
        "revision": OK,
        "declined": NEUTRAL,
    },
    # Stuurgroep approval: a submitted version waits, is vastgesteld or rejected.
    "approvals.ApprovalRequest.status": {
        "pending": WARNING,
        "approved": OK,
        "rejected": DANGER,
        "superseded": NEUTRAL,
    },
    "approvals.ApprovalDecision.decision": {"approve": OK, "reject": DANGER},
    # A draft waits for the coördinator; published is read by every partnership.
    "knowledge.Practice.status": {"draft": NEUTRAL, "published": OK},
    "planning.Task.status": {"open": NEUTRAL, "in_progress": PROGRESS, "done": OK},
    "planning.CommunicationItem.status": {
        "planned": NEUTRAL,
        "in_progress": PROGRESS,
        "done": OK,
    },
    "planning.Milestone.progress": {"reached": OK, "planned": NEUTRAL, "late": WARNING},
    "planning.Goal.deadline": {"passed": WARNING},
    "partnerships.Organisation.added": {"True": OK, "False": NEUTRAL},
    # The doorstroomdossier (computed per part: dossier.selectors.PartState.status).
    "dossier.part": {
        "empty": NEUTRAL,
        "draft": PROGRESS,
        "approved": OK,
        "changed": WARNING,
        "disagreed": DANGER,
    },
    "dossier.consent": {"given": OK, "missing": WARNING, "not_needed": NEUTRAL},
    "dossier.link": {"active": OK, "expired": NEUTRAL, "revoked": NEUTRAL},
    "api.token": {"active": OK, "expired": NEUTRAL, "revoked": NEUTRAL},
    # Anything with a due date that has passed while it is still open.
    "overdue": {"True": DANGER},
    # Something to look at that is no model's status: a thin element, a missing consent.
    "attention": {"True": WARNING},
    # Whether a party signed the regional covenant (covenant.CovenantParty.has_signed).
    "covenant.signed": {"True": OK, "False": WARNING},
    # The handover of a dossier (dossier.selectors.handover.SentState.status).
    "dossier.handover": {
        "not_sent": NEUTRAL,
        "sent": PROGRESS,
        "read": PROGRESS,
        "discussed": OK,
        "question_open": WARNING,
    },
}


def tone(kind: str, value: object) -> Tone:
    """The tone of `value` of status `kind` (neutral for a value nobody mapped yet)."""
    return TONES.get(kind, {}).get(str(value), NEUTRAL)
