"""Tasks: the coördinator's list with what is late first, each member's own tasks, status.

The status form works without JavaScript (post, then back to the list it came from) and
with htmx (the changed row comes back in place).
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from doorlopend.partnerships.access import partnership_view

from ..forms.tasks import TaskFilterForm, TaskForm, TaskStatusForm
from ..models import Task, TaskStatus
from ..selectors import tasks as selectors
from ..services import tasks as services


def posted(request: HttpRequest):
    """The POST data of a POST (even an empty one, so that it is validated), else None."""
    return request.POST if request.method == "POST" else None


def _task(request: HttpRequest, task_id: int) -> Task:
    return get_object_or_404(
        Task.objects.select_related("owner__user", "partnership"),
        pk=task_id,
        partnership=request.partnership,
    )


def _to_list(request: HttpRequest) -> HttpResponse:
    return redirect("planning:task_list", request.partnership.slug)


@partnership_view("planning.view")
@require_GET
def task_list(request: HttpRequest) -> HttpResponse:
    form = TaskFilterForm(request.GET or None, partnership=request.partnership)
    filters = form.cleaned_data if form.is_valid() else {}
    tasks = list(
        selectors.task_list(
            partnership=request.partnership,
            today=timezone.localdate(),
            status=filters.get("status") or None,
            owner=filters.get("owner"),
        )
    )
    return render(
        request,
        "planning/tasks/task_list.html",
        {
            "form": form,
            "tasks": tasks,
            "overdue": sum(t.overdue for t in tasks),
            "filtered": bool(filters.get("status") or filters.get("owner")),
            "statuses": TaskStatus.choices,
        },
    )


@partnership_view("planning.tasks")
@require_GET
def my_tasks(request: HttpRequest) -> HttpResponse:
    tasks = list(
        selectors.my_tasks(
            partnership=request.partnership,
            membership=request.membership,
            today=timezone.localdate(),
        )
    )
    return render(
        request,
        "planning/tasks/my_tasks.html",
        {
            "tasks": tasks,
            "overdue": sum(t.overdue for t in tasks),
            "statuses": TaskStatus.choices,
        },
    )


def _form_page(request: HttpRequest, task: Task | None) -> HttpResponse:
    form = TaskForm(posted(request), partnership=request.partnership, task=task)
    if form.is_valid():
        try:
            if task is None:
                task = services.task_create(
                    partnership=request.partnership,
                    by=request.membership,
                    **form.cleaned_data,
                )
            else:
                services.task_update(
                    task=task, by=request.membership, **form.cleaned_data
                )
        except ValidationError as e:
            form.add_error(None, e)
        else:
            messages.success(
                request,
                _("The task “%(title)s” has been saved.") % {"title": task.title},
            )
            return _to_list(request)
    return render(
        request, "planning/tasks/task_form.html", {"form": form, "task": task}
    )


@partnership_view("planning.manage")
@require_http_methods(["GET", "POST"])
def task_create(request: HttpRequest) -> HttpResponse:
    return _form_page(request, None)


@partnership_view("planning.manage")
@require_http_methods(["GET", "POST"])
def task_edit(request: HttpRequest, task_id: int) -> HttpResponse:
    return _form_page(request, _task(request, task_id))


@partnership_view("planning.tasks")
@require_POST
def task_status(request: HttpRequest, task_id: int) -> HttpResponse:
    task = _task(request, task_id)
    form = TaskStatusForm(request.POST)
    if form.is_valid():
        # PermissionDenied (someone else's task) becomes a 403.
        services.task_set_status(
            task=task, status=form.cleaned_data["status"], by=request.membership
        )
    if request.htmx:
        return render(
            request,
            "planning/tasks/_task_row.html",
            {
                "task": selectors.task_of(task, timezone.localdate()),
                "show_owner": request.POST.get("show_owner") == "1",
                "next": request.POST.get("next", ""),
                "statuses": TaskStatus.choices,
            },
        )
    if form.is_valid():
        messages.success(
            request,
            _("The task “%(title)s” is now %(status)s.")
            % {"title": task.title, "status": task.get_status_display()},
        )
    else:
        messages.error(request, _("Choose one of the statuses."))
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return redirect(target)
    return redirect("planning:my_tasks", request.partnership.slug)


@partnership_view("planning.manage")
@require_http_methods(["GET", "POST"])
def task_delete(request: HttpRequest, task_id: int) -> HttpResponse:
    task = _task(request, task_id)
    if request.method == "POST":
        services.task_delete(task=task)
        messages.success(
            request, _("The task “%(title)s” has been deleted.") % {"title": task.title}
        )
        return _to_list(request)
    return render(request, "planning/tasks/task_delete.html", {"task": task})
