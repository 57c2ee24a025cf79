"""The doorstroommonitor: pupils (pseudonymised), their transitions, status history,
signals and interventions, and the imports that feed them.

Privacy by design (DESIGN.md, "Privacy norms"; issue 5):
- `Pupil` holds no national number, only its keyed hash; name and date of birth are
  encrypted at rest and readable only through `selectors` that write the access log.
- A `Transition` is one pupil's move in one year (`cohort`, the calendar year in which the
  pupil leaves vmbo). Its status history (`StatusEvent`) is appended to, never overwritten;
  the milestone dates on the transition are derived from it for fast figures.
- Aggregates over transitions are shown to roles without pupil access with small cells
  hidden (`figures`); the rows below are never shown to them.
"""

from .imports import ColumnMapping, TransitionImport
from .pupils import CohortSettings, Pupil, StatusEvent, Transition
from .signals import Intervention, Signal

__all__ = [
    "CohortSettings",
    "ColumnMapping",
    "Intervention",
    "Pupil",
    "Signal",
    "StatusEvent",
    "Transition",
    "TransitionImport",
]
