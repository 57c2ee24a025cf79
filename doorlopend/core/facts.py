"""The counts and yes/no facts of a page in one query.

A page whose sections each ask "how many …?" or "is there any …?" would spend a query
on each. A section names its questions (`how_many(queryset)`, `any_of(queryset)`) and
`ask`s them; each is a scalar subquery of one SELECT. A page that knows beforehand what
its sections will ask (the overview's cards, `core.dashboard`) asks all of them first,
in one query: within that GET request (`core.request_memo`) a section's own `ask` then
finds its answers and asks nothing. A question's name says what it asks, so two
sections asking the same thing ("action points in the inbox") share one answer.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.db import connections
from django.db.models import QuerySet

from .request_memo import memoised


@dataclass(frozen=True)
class Question:
    # The rows asked about; a callable makes them only when the question is asked (a
    # page names every question of its sections, most of which are answered already).
    rows: QuerySet | Callable[[], QuerySet]
    exists: bool  # True: whether there is any row; False: how many rows

    @property
    def queryset(self) -> QuerySet:
        return self.rows() if callable(self.rows) else self.rows

    def sql(self) -> tuple[str, tuple]:
        rows = self.queryset.order_by().values("pk")
        sql, params = rows.query.get_compiler(using=rows.db).as_sql()
        if self.exists:
            return f"EXISTS({sql})", tuple(params)
        return f"(SELECT COUNT(*) FROM ({sql}) AS counted)", tuple(params)


def how_many(rows: QuerySet | Callable[[], QuerySet]) -> Question:
    return Question(rows, exists=False)


def any_of(rows: QuerySet | Callable[[], QuerySet]) -> Question:
    return Question(rows, exists=True)


def ask(questions: dict[str, Question]) -> dict[str, int | bool]:
    """The answer to each question by name: one query for those not yet answered in
    this request, none when all were."""
    known: dict[str, int | bool] = memoised("core.facts", dict)
    missing = {name: q for name, q in questions.items() if name not in known}
    if missing:
        known.update(_answer(missing))
    return {name: known[name] for name in questions}


def _answer(questions: dict[str, Question]) -> dict[str, int | bool]:
    parts, params, using = [], [], None
    for question in questions.values():
        queryset = question.queryset
        using = using or queryset.db
        sql, question_params = Question(queryset, question.exists).sql()
        parts.append(sql)
        params.extend(question_params)
    with connections[using].cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(parts), params)
        row = cursor.fetchone()
    return {
        name: bool(value) if question.exists else int(value)
        for (name, question), value in zip(questions.items(), row, strict=True)
    }
