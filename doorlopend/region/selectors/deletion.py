"""What deleting an imported data set changes, for the confirmation page.

Only the newest data set of a kind is read by the analyses; deleting an older one
changes no answer. Deleting the newest hands its questions to the next newest of that
kind, or leaves them without data (the notes stay). The routes whose answers change
are those the data set has rows for (every route for the labour-market table).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from doorlopend.routes.models import Leerroute

from ..models import DataKind, DataSet, MboStudents, Question, VoPupils
from .common import QUESTIONS_OF


@dataclass
class DeletionEffect:
    dataset: DataSet
    in_use: bool  # the newest of its kind: the analyses read it
    successor: DataSet | None = None  # the one they read instead
    questions: list = field(default_factory=list)
    routes: list = field(default_factory=list)


def _routes_with_rows(dataset: DataSet) -> list[Leerroute]:
    routes = Leerroute.objects.filter(partnership=dataset.partnership_id).order_by(
        "name"
    )
    if dataset.kind == DataKind.VO_PUPILS:
        keys = set(
            VoPupils.objects.filter(dataset=dataset).values_list("leerweg", "profile")
        )
        return [r for r in routes if (r.leerweg, r.profile) in keys]
    if dataset.kind == DataKind.MBO_STUDENTS:
        crebos = set(
            MboStudents.objects.filter(dataset=dataset).values_list("crebo", flat=True)
        )
        return [r for r in routes if r.crebo in crebos]
    return list(routes)


def dataset_deletion_effect(dataset: DataSet) -> DeletionEffect:
    same_kind = list(
        DataSet.objects.filter(partnership=dataset.partnership_id, kind=dataset.kind)
    )  # newest first (the model's ordering)
    if same_kind[0].pk != dataset.pk:
        return DeletionEffect(dataset, in_use=False)
    return DeletionEffect(
        dataset,
        in_use=True,
        successor=same_kind[1] if len(same_kind) > 1 else None,
        questions=[Question(q) for q in QUESTIONS_OF[dataset.kind]],
        routes=_routes_with_rows(dataset),
    )
