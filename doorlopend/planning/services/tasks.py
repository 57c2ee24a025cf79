"""Tasks and who owns them: the coördinator plans them, each owner moves their own along.

A task's owner is a member of the same partnership, its goal and activity belong to that
partnership too: checked here, so a task made from an action point (planning inbox) obeys
the same rules as one typed in the form.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from doorlopend.accounts.notifications import notify_assigned
from doorlopend.partnerships.models import Membership, Partnership

from ..models import Activity, Goal, Task, TaskStatus

FIELDS = ("title", "description", "owner", "due_date", "status", "goal", "activity")


def _check_links(
    *,
    partnership: Partnership,
    owner: Membership | None,
    goal: Goal | None,
    activity: Activity | None,
) -> None:
    errors = {}
    if owner is not None and owner.partnership_id != partnership.pk:
        errors["owner"] = _("The owner must be a member of this partnership.")
    if goal is not None and goal.partnership_id != partnership.pk:
        errors["goal"] = _("Choose a goal of this partnership.")
    if activity is not None and activity.partnership_id != partnership.pk:
        errors["activity"] = _("Choose an activity of this partnership.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def task_create(
    *,
    partnership: Partnership,
    by: Membership | None,
    title: str,
    description: str = "",
    owner: Membership | None = None,
    due_date: datetime.date | None = None,
    status: str = TaskStatus.OPEN,
    goal: Goal | None = None,
    activity: Activity | None = None,
) -> Task:
    """A new task of `partnership`; `by`'s user is recorded as its maker.

    `by` is None only when the system makes it (the demo loader).
    """
    _check_links(partnership=partnership, owner=owner, goal=goal, activity=activity)
    task = Task(
        partnership=partnership,
        title=title,
        description=description,
        owner=owner,
        due_date=due_date,
        status=status,
        goal=goal,
        activity=activity,
        created_by=by.user if by else None,
    )
    task.full_clean()
    task.save()
    _tell_owner(task, by=by)
    return task


def _tell_owner(task: Task, *, by: Membership | None) -> None:
    """E-mail the new owner (not someone who takes a task on themselves)."""
    if task.owner_id is None:
        return
    notify_assigned(
        user=task.owner.user,
        by_user=by.user if by else None,
        item_kind=gettext_lazy("task"),
        title=task.title,
        due_date=task.due_date,
        # The owner's own list, where they move it along (editing is the coördinator's).
        path=reverse(
            "planning:my_tasks", kwargs={"partnership_slug": task.partnership.slug}
        ),
        partnership=task.partnership,
    )


@transaction.atomic
def own_task_create(
    *,
    partnership: Partnership,
    by: Membership,
    title: str,
    description: str = "",
    due_date: datetime.date | None = None,
    goal: Goal | None = None,
    activity: Activity | None = None,
) -> Task:
    """A task `by` adds for themselves: open, and theirs whatever else is sent (only
    the coördinator gives a task to someone else)."""
    if not by.has_perm("planning.add_own_task"):
        raise PermissionDenied
    return task_create(
        partnership=partnership,
        by=by,
        title=title,
        description=description,
        owner=by,
        due_date=due_date,
        goal=goal,
        activity=activity,
    )


@transaction.atomic
def task_update(*, task: Task, by: Membership | None = None, **fields) -> Task:
    """Change the task's fields (any of FIELDS); the same rules as on creation. A new
    owner hears of it by e-mail."""
    owner_before = (
        Task.objects.filter(pk=task.pk).values_list("owner_id", flat=True).first()
    )
    for name, value in fields.items():
        if name not in FIELDS:
            raise TypeError(f"task_update() got an unexpected field {name!r}")
        setattr(task, name, value)
    _check_links(
        partnership=task.partnership,
        owner=task.owner,
        goal=task.goal,
        activity=task.activity,
    )
    task.full_clean()
    task.save()
    if task.owner_id not in {None, owner_before}:  # a new owner
        _tell_owner(task, by=by)
    return task


@transaction.atomic
def task_set_status(*, task: Task, status: str, by: Membership) -> Task:
    """Set open / in progress / done; anyone but the owner or the coördinator is refused."""
    # The rule `planning.tasks` about the task: its owner, or the coördinator.
    if by is None or not by.has_perm("planning.tasks", task):
        raise PermissionDenied
    if status not in TaskStatus.values:
        raise ValidationError({"status": _("Choose one of the statuses.")})
    task.status = status
    task.save(update_fields=["status"])
    return task


@transaction.atomic
def task_delete(*, task: Task) -> None:
    task.delete()


def is_overdue(task: Task, today: datetime.date) -> bool:
    return (
        task.due_date is not None
        and task.due_date < today
        and task.status != TaskStatus.DONE
    )
