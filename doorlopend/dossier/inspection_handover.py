"""The handover in the pupil's inspection export (transitions.inspection): to which mbo
school the dossier went, when it was first read and discussed, and the questions and
answers about it."""

from __future__ import annotations

from .models import Handover


def handover_inspection(transitions: list) -> list[dict]:
    handovers = (
        Handover.objects.filter(dossier__transition__in=[t.pk for t in transitions])
        .select_related("dossier", "receiving_organisation")
        .prefetch_related("questions")
        .order_by("pk")
    )
    return [
        {
            "transition": h.dossier.transition_id,
            "receiving_school": h.receiving_organisation.name,
            "first_read_at": h.first_read_at,
            "discussed_at": h.discussed_at,
            "questions": [
                {
                    "question": q.question,
                    "asked_at": q.asked_at,
                    "answer": q.answer,
                    "answered_at": q.answered_at,
                }
                for q in h.questions.all()
            ],
        }
        for h in handovers
    ]
