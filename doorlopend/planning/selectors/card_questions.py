"""The counts and yes/no facts of planning's cards on the overview page and of the plan
page's sections, as questions (core.facts): a page asks all of its sections' in one
query, and each section's selector `ask`s its own (then answered from the request's
memo). Names say what is asked, so that two sections asking the same (the inbox, the
member's open tasks) share one answer."""

from __future__ import annotations

import datetime

from django.db.models import Q
from django.http import HttpRequest
from django.utils import timezone

from doorlopend.core.facts import Question, any_of, how_many
from doorlopend.partnerships.models import Membership, Partnership
from doorlopend.reflection.models import ActionPoint
from doorlopend.routes.selectors import incomplete_routes

from ..models import (
    Activity,
    ActivityStatus,
    CommunicationItem,
    Goal,
    PartnerExpectation,
    Task,
    TaskStatus,
    VisionVersion,
)
from .inbox import inbox_questions


def _open_tasks(partnership: Partnership):
    return Task.objects.filter(partnership=partnership).exclude(status=TaskStatus.DONE)


def task_questions(
    *, partnership: Partnership, membership: Membership, today: datetime.date
) -> dict[str, Question]:
    """The member's open tasks, the partnership's late ones, the inbox."""
    return {
        "planning.tasks_mine_open": how_many(
            lambda: _open_tasks(partnership).filter(owner=membership)
        ),
        "planning.tasks_late": how_many(
            lambda: _open_tasks(partnership).filter(due_date__lt=today)
        ),
        "planning.inbox": how_many(
            lambda: ActionPoint.objects.filter(
                partnership=partnership, triage__isnull=True
            )
        ),
    }


def next_steps_questions(
    *, partnership: Partnership, membership: Membership, today: datetime.date
) -> dict[str, Question]:
    return {
        **task_questions(partnership=partnership, membership=membership, today=today),
        "routes.incomplete": how_many(
            lambda: incomplete_routes(partnership=partnership)
        ),
    }


def guide_questions(*, partnership: Partnership) -> dict[str, Question]:
    """The first-run guide's five steps."""
    own = {"partnership": partnership}
    return {
        "partnerships.members": how_many(lambda: Membership.objects.filter(**own)),
        "planning.has_definition": any_of(
            lambda: VisionVersion.objects.filter(**own).exclude(definition="")
        ),
        "planning.has_needs": any_of(
            lambda: PartnerExpectation.objects.filter(**own).filter(
                ~Q(needs="") | ~Q(expectations="")
            )
        ),
        "planning.has_goals": any_of(lambda: Goal.objects.filter(**own)),
        "planning.has_activities": any_of(lambda: Activity.objects.filter(**own)),
        "planning.has_tasks": any_of(lambda: Task.objects.filter(**own)),
    }


def progress_questions(
    *, partnership: Partnership, today: datetime.date
) -> dict[str, Question]:
    """The stuurgroep's progress card: activities held and to come, tasks done."""
    own = {"partnership": partnership}
    return {
        "planning.activities_held": how_many(
            lambda: Activity.objects.filter(**own, status=ActivityStatus.HELD)
        ),
        "planning.activities_planned": how_many(
            lambda: Activity.objects.filter(
                **own, status=ActivityStatus.PLANNED, starts_at__gte=start_of(today)
            )
        ),
        "planning.tasks_done": how_many(
            lambda: Task.objects.filter(**own, status=TaskStatus.DONE)
        ),
        "planning.tasks": how_many(lambda: Task.objects.filter(**own)),
    }


def start_of(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def card_questions(request: HttpRequest) -> dict[str, Question]:
    """Everything planning's cards ask, for the member of `request`, today."""
    today = timezone.localdate()
    of = {"partnership": request.partnership, "membership": request.membership}
    return {
        **guide_questions(partnership=request.partnership),
        **next_steps_questions(**of, today=today),
        **progress_questions(partnership=request.partnership, today=today),
    }


def plan_questions(
    *, partnership: Partnership, membership: Membership, today: datetime.date
) -> dict[str, Question]:
    """The plan page's counts: tasks (open, late, the member's), communication, inbox
    (waiting, past their streefdatum)."""
    return {
        **task_questions(partnership=partnership, membership=membership, today=today),
        **inbox_questions(partnership=partnership, today=today),
        "planning.tasks_open": how_many(lambda: _open_tasks(partnership)),
        "planning.communication": how_many(
            lambda: CommunicationItem.objects.filter(partnership=partnership)
        ),
    }
