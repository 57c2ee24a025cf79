"""A pupil erased (on request or at the end of retention) loses the dossier's texts.

Registered with the monitor's erasure (`transitions.extensions`). The dossier rows stay,
with their versions and dates and no text, so figures (complete, approved, read) keep
counting them; every link stops working and every comment goes.
"""

from __future__ import annotations

from django.db.models import QuerySet

from ..choices import PART_FIELDS
from ..models import Approval, Dossier, DossierLink

TEXT_FIELDS = [f for fields in PART_FIELDS.values() for f in fields]


def dossier_texts_erase(pupils: QuerySet) -> int:
    dossiers = Dossier.objects.filter(transition__pupil__in=pupils)
    Approval.objects.filter(dossier__in=dossiers).exclude(comment="").update(comment="")
    DossierLink.objects.filter(dossier__in=dossiers).revoke()
    return dossiers.update(**dict.fromkeys(TEXT_FIELDS, ""))
