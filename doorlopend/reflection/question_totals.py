"""A closed session's answers summed per question: what the national figures pool.

Closed sessions take no answers, so their sums are made once (`services.totals`: when the
session closes, or for any closed session still without them) and the national figures
add up a few thousand of these rows instead of every answer. Reopening a session drops its
sums. Imported by `models`, so Django finds the model there.
"""

from __future__ import annotations

from django.db import models
from django_scopes import ScopedManager


class QuestionTotal(models.Model):
    session = models.ForeignKey(
        "reflection.Session", on_delete=models.CASCADE, related_name="question_totals"
    )
    question_key = models.CharField(max_length=60)
    answers = models.PositiveIntegerField()  # "weet niet" included: the group size
    scored = models.PositiveIntegerField()  # "weet niet" left out
    total = models.PositiveIntegerField()  # the sum of the scores

    objects = ScopedManager(partnership="session__partnership")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["session", "question_key"],
                name="reflection_question_total_once",
            )
        ]

    def __str__(self) -> str:
        return f"{self.question_key}: {self.total}/{self.scored}"
