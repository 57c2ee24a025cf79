"""The checklist's line on the doorstroomdossier follows the partnership's agreement.

Seed 000 asks a partnership to "maak afspraken over het gebruik van een doorstroomdossier,
zoals het Digitaal Doorstroomdossier (DDD) of Paspoort voor Succes (PvS)": one of six
points of the item "concrete activiteiten" (block kartrekker). The agreement page records
that answer; the item's page shows it beside the point (roadmaps.derived, point answers).
The item keeps its one status for all six points.
"""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _

from doorlopend.partnerships.models import Partnership
from doorlopend.roadmaps.derived import Answer, point_answerer_register
from doorlopend.roadmaps.models import Status

from .selectors.pages import agreement_of

CHECKLIST = "checklist-leerlijn-lob"
ITEM = "concrete-activiteiten"
POINT = "maak afspraken over het gebruik van een doorstroomdossier"


def dossier_agreement_answer(partnership: Partnership) -> Answer:
    agreement = agreement_of(partnership)
    url = reverse("dossier:agreement", args=[partnership.slug])
    source = _("the dossier agreement")
    if agreement is None:
        return Answer(Status.NOT_STARTED, _("No agreement recorded yet."), source, url)
    says = _("Agreed: the schools use %(name)s.") % {"name": agreement.name}
    if agreement.handover_by:
        says += " " + _("Handover: %(when)s.") % {"when": agreement.handover_by}
    return Answer(Status.DONE, says, source, url)


def register() -> None:
    point_answerer_register(CHECKLIST, ITEM, POINT, dossier_agreement_answer)
