"""The parts of the facilitator's page, one at a time: a tab per part of the hour.

The page used to hold everything at once (8,000 px). Each tab is its own address
(`?tab=…`), so a tab is a short page, a link works without JavaScript, and the back
button goes back a tab. Without a choice the page opens on the tab of the current phase.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .choices import Phase, State
from .models import Session

UITLEG, RESULTATEN, BESPREKEN, ACTIEPUNTEN, VERSLAG = (
    "uitleg",
    "resultaten",
    "bespreken",
    "actiepunten",
    "verslag",
)
TABS = [
    (UITLEG, pgettext_lazy("part of a session", "Explanation")),
    (RESULTATEN, _("Results")),
    (BESPREKEN, _("Discussion per theme")),
    (ACTIEPUNTEN, _("Action points")),
    (VERSLAG, pgettext_lazy("part of a session", "Report")),
]
TAB_OF_PHASE = {
    Phase.UITLEG: UITLEG,
    Phase.SCOREN: RESULTATEN,
    Phase.BESPREKEN: BESPREKEN,
    Phase.ACTIEPUNTEN: ACTIEPUNTEN,
}


@dataclass(frozen=True)
class Tab:
    key: str
    label: str
    current: bool  # the tab on screen
    now: bool  # the tab of the phase the group is in


def tab_keys(session: Session) -> list[str]:
    """An open conversation has no scores, so no results tab."""
    return [k for k, _l in TABS if not (k == RESULTATEN and session.is_conversation)]


def tab_of_phase(session: Session) -> str:
    tab = TAB_OF_PHASE.get(session.phase, UITLEG)
    return tab if tab in tab_keys(session) else UITLEG


def chosen_tab(session: Session, asked: str) -> str:
    """The tab asked for, else the current phase's (a closed session: the report)."""
    if asked in tab_keys(session):
        return asked
    return VERSLAG if session.state == State.CLOSED else tab_of_phase(session)


def tabs(session: Session, current: str) -> list[Tab]:
    keys = tab_keys(session)
    now = tab_of_phase(session) if session.state == State.OPEN else ""
    return [
        Tab(key, str(label), key == current, key == now)
        for key, label in TABS
        if key in keys
    ]
