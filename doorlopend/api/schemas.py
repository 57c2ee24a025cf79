"""The API's request and response shapes (OpenAPI 3.1 through django-ninja).

Rows name our import fields (`transitions.services.imports.columns`); the values are
checked by the same validation as a file's rows, so the shapes here only bound their
length and keep control characters out (a row is one line of the batch).
"""

import datetime
from typing import Annotated, Literal

from ninja import Field, Schema

TEXT = r"^[^\x00-\x1f\x7f]*$"
Text = Annotated[str, Field(max_length=200, pattern=TEXT)]
Short = Annotated[str, Field(max_length=20, pattern=TEXT)]
Year = Annotated[int, Field(ge=2000, le=2100)]
Pgn = Annotated[
    str,
    Field(
        pattern=r"^[0-9]{9}$",
        description="BSN or onderwijsnummer: 9 digits passing the 11-proef. Never stored.",
    ),
]


class LeaverRow(Schema):
    pgn: Pgn
    name: Text | None = None
    birth_date: datetime.date | None = None
    brin: Short | None = None
    vestiging: Short | None = None
    leerweg: Short | None = None
    profile: Text | None = None
    route_kind: Short | None = None
    route_name: Text | None = None
    destination: Short | None = None
    date: datetime.date | None = None
    cohort: Year | None = None
    eindopdracht: Short | None = None


class StatusRow(Schema):
    pgn: Pgn
    status: Text
    date: datetime.date
    brin: Short | None = None
    vestiging: Short | None = None
    crebo: Short | None = None
    qualification: Text | None = None
    sector: Text | None = None
    mbo_leerweg: Short | None = None
    cohort: Year | None = None
    name: Text | None = None
    birth_date: datetime.date | None = None


class LeaversBatch(Schema):
    cohort: Year = Field(description="The year of transition rows without one get.")
    rows: list[LeaverRow] = Field(min_length=1)


class StatusesBatch(Schema):
    cohort: Year = Field(description="The year of transition rows without one get.")
    rows: list[StatusRow] = Field(min_length=1)


class ImportResult(Schema):
    rows: int
    created: int
    updated: int
    unchanged: int


class SignalPupil(Schema):
    id: int
    name: str | None = Field(description="Empty when the pupil's data was erased.")
    cohort: int


class SignalOut(Schema):
    id: int
    kind: str
    kind_label: str
    raised_on: datetime.date
    closed_at: datetime.datetime | None
    interventions: int
    pupil: SignalPupil
    sending_school: str | None
    receiving_school: str | None


class SignalPage(Schema):
    total: int
    page: int
    pages: int
    signals: list[SignalOut]


class Figure(Schema):
    count: int | None = Field(description="Null when hidden (a group under k).")
    percent: float | None
    hidden: Literal["", "small", "almost_all", "protects"]


class FigureLine(Schema):
    key: str
    label: str
    figures: dict[str, Figure]


class FigureGroup(Schema):
    key: str
    label: str
    lines: list[FigureLine]


class Figures(Schema):
    cohort: int
    dimension: str
    k: int
    deadline: datetime.date
    measures: dict[str, str]
    groups: list[FigureGroup]
    total: FigureGroup


class GoalProgress(Schema):
    id: int
    title: str
    target: float | None
    latest_value: float | None
    latest_date: datetime.date | None
    progress_percent: int | None


class PlanProgress(Schema):
    goal_count: int
    goals: list[GoalProgress]
    activities_held: int
    activities_planned: int
    tasks_done: int
    tasks_total: int
    assignments: dict[str, int]


class RoadmapProgress(Schema):
    id: int | None
    title: str
    done: int
    applicable: int
    percent: int


class Progress(Schema):
    plan: PlanProgress
    checklist: RoadmapProgress | None
    checklist_overdue: int
    step_plans: list[RoadmapProgress]


class SessionOut(Schema):
    id: int
    title: str
    date: datetime.date
    instrument: str


class GroupFigures(Schema):
    respondents: int | None
    mean: float | None
    spread: float | None
    distribution: dict[str, int] | None
    dont_know: int | None
    suppressed: bool


class QuestionOut(Schema):
    key: str
    number: int
    text: str
    figures: GroupFigures


class ThemeOut(Schema):
    key: str
    title: str
    figures: GroupFigures
    questions: list[QuestionOut]
    by_sector: dict[str, GroupFigures]
    by_layer: dict[str, GroupFigures]


class SessionResultsOut(Schema):
    session: SessionOut
    min_group: int
    joined: int
    finished: int
    respondents: int
    suppressed: bool
    themes: list[ThemeOut]
