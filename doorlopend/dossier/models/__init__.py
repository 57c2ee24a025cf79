"""The doorstroomdossier (DESIGN.md module 10; issue 16).

- `DossierAgreement`: per partnership, which dossier the schools use and what it holds
  (the answer to the checklist's doorstroomdossier line).
- `Dossier`: one per pupil's `Transition` (the pupil leaving a vo school in one year):
  part A by the pupil, part B by the mentor or decaan, part C support (only where
  needed). Every text is encrypted at rest (`transitions.privacy.EncryptedTextField`).
  Each part has a version that goes up when its text changes; where the agreement says
  the dossier lives elsewhere (DDD, PvS, another) no content is held, only the date it
  was handed over (`kept_elsewhere_handed_on`).
- `Approval`: the pupil's (or a parent's) akkoordverklaring per part and version,
  append-only; a change after approval needs a new approval.
- `SupportConsent`: consent to hand part C over, separate from approval and revocable.
- `DossierLink`: the personal link of a pupil (or a parent the pupil invites); only a
  hash of its token is stored.
- `Handover`: the dossier as the receiving school took it up (first read, discussed in
  the intake interview), with `HandoverQuestion`s back to the vo mentor.
"""

from .agreement import DossierAgreement
from .dossier import Approval, Dossier, SupportConsent
from .handover import Handover, HandoverQuestion
from .links import DossierLink

__all__ = [
    "Approval",
    "Dossier",
    "DossierAgreement",
    "DossierLink",
    "Handover",
    "HandoverQuestion",
    "SupportConsent",
]
