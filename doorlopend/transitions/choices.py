"""Statuses of a pupil's move from vmbo to mbo, and which may follow which.

DESIGN.md, "Registration statuses": the five statuses an mbo school reports under the
early-registration rules, the phases regional systems add, what happens after enrolment,
and the other destinations a vmbo leaver can have.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    # Registration at the mbo school (the five reported statuses and three phases).
    AANGEMELD = "aangemeld", _("aangemeld")
    INTAKE = "intake", _("intake")
    DOSSIER_ONTVANGEN = "dossier_ontvangen", _("doorstroomdossier ontvangen")
    OVK_AANGEBODEN = "ovk_aangeboden", _("onderwijsovereenkomst aangeboden")
    GEPLAATST = "geplaatst", _("definitieve plaatsing")
    LEIDT_NIET_TOT_INSCHRIJVING = (
        "leidt_niet_tot_inschrijving",
        _("leidt niet tot inschrijving"),
    )
    INGETROKKEN = "ingetrokken", _("ingetrokken")
    INGESCHREVEN = "ingeschreven", _("ingeschreven")
    # After enrolment.
    GESTART = "gestart", _("gestart")
    GESTOPT = "gestopt", _("gestopt")
    DIPLOMA = "diploma", _("diploma")
    # Other destinations of a vmbo leaver.
    ANDER_VO = "ander_vo", _("ander vo-traject")
    HAVO = "havo", _("havo")
    DOUBLEERT = "doubleert", _("doubleert")
    WERK = "werk", _("werk")
    ONBEKEND = "onbekend", _("bestemming onbekend")


class Eindopdracht(models.TextChoices):
    """Whether the pupil completed the eindopdracht of the last vmbo year (issue 15): a
    school may import it with its leavers; the pupil's own work is the dossier's."""

    JA = "ja", _("eindopdracht completed")
    NEE = "nee", _("eindopdracht not completed")


REGISTRATION = frozenset(
    {
        Status.AANGEMELD,
        Status.INTAKE,
        Status.DOSSIER_ONTVANGEN,
        Status.OVK_AANGEBODEN,
        Status.GEPLAATST,
    }
)
# A registration that goes backwards: the signal a decaan must see at once.
BACKWARDS = frozenset({Status.LEIDT_NIET_TOT_INSCHRIJVING, Status.INGETROKKEN})
OTHER_DESTINATIONS = frozenset(
    {Status.ANDER_VO, Status.HAVO, Status.DOUBLEERT, Status.WERK, Status.ONBEKEND}
)
# Statuses after which a transition is final; retention counts from the date of the latest.
FINAL = frozenset(
    {Status.GESTART, Status.GESTOPT, Status.DIPLOMA} | OTHER_DESTINATIONS
) - {Status.ONBEKEND}

# What may follow what. A status may always repeat (a later date for the same status adds
# history); anything may be the first status. Everything else is refused on import as
# "impossible after the current one".
_NEW_START = frozenset({Status.AANGEMELD}) | OTHER_DESTINATIONS
ALLOWED_AFTER: dict[Status, frozenset[Status]] = {
    **{
        s: REGISTRATION | BACKWARDS | {Status.INGESCHREVEN} | OTHER_DESTINATIONS
        for s in REGISTRATION
    },
    **dict.fromkeys(BACKWARDS, _NEW_START),
    Status.INGESCHREVEN: frozenset({Status.GESTART, Status.INGETROKKEN})
    | OTHER_DESTINATIONS,
    Status.GESTART: frozenset({Status.GESTOPT, Status.DIPLOMA}),
    Status.GESTOPT: _NEW_START,
    Status.DIPLOMA: frozenset(),
    **dict.fromkeys(OTHER_DESTINATIONS, _NEW_START),
}


def may_follow(current: str | None, new: str) -> bool:
    """Whether status `new` may be recorded after `current` (None: nothing recorded yet)."""
    if current is None or current == new:
        return True
    return Status(new) in ALLOWED_AFTER[Status(current)]


def allowed_pairs() -> list[tuple[str, str]]:
    """Every (current, new) pair that `may_follow` accepts, for set-based checks in SQL."""
    pairs = [(s.value, s.value) for s in Status]
    for current, following in ALLOWED_AFTER.items():
        pairs.extend((current.value, new.value) for new in following)
    return sorted(set(pairs))


class RouteKind(models.TextChoices):
    REGULIER = "regulier", _("regular transition")
    DLR = "dlr", _("doorlopende leerroute (DLR)")
    GLR = "glr", _("geïntegreerde leerroute (GLR)")


class ImportKind(models.TextChoices):
    LEAVERS = "leavers", _("vo list of leavers")
    STATUSES = "statuses", _("mbo list of registrations and statuses")


class SignalKind(models.TextChoices):
    NO_REGISTRATION = "no_registration", _("no registration by the deadline")
    BACKWARDS = "backwards", _("registration went backwards")
    NOT_STARTED = "not_started", _("registered but not started")
    STOPPED_FIRST_YEAR = "stopped_first_year", _("stopped within the first year")
    DESTINATION_UNKNOWN = "destination_unknown", _("destination unknown")
    # The doorstroomdossier (dossier app): the pupil disagrees with part B (a talk with
    # the mentor), the dossier is not complete by the agreed date, the receiving school
    # has not read an approved dossier by the agreed date.
    DOSSIER_DISAGREEMENT = (
        "dossier_disagreement",
        _("disagrees with the dossier's advice"),
    )
    DOSSIER_INCOMPLETE = "dossier_incomplete", _("doorstroomdossier not complete")
    DOSSIER_UNREAD = "dossier_unread", _("doorstroomdossier not read by the mbo school")
