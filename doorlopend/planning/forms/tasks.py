"""Forms of tasks: the coördinator's form, the status an owner sets, the list's filter."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from doorlopend.core.forms import DateField
from doorlopend.partnerships.forms import MemberChoiceField
from doorlopend.partnerships.models import Membership, Partnership

from ..models import Activity, Goal, Task, TaskStatus
from ..selectors.tasks import owners


class TaskForm(forms.Form):
    title = forms.CharField(
        label=_("Task"),
        max_length=300,
        help_text=_("What has to be done, in a few words: start with a verb."),
    )
    description = forms.CharField(
        label=_("Description"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Anything the owner needs to know: context, agreements, contacts."),
    )
    owner = MemberChoiceField(
        label=_("Owner"),
        queryset=Membership.objects.none(),
        required=False,
        help_text=_("The member who does it; they see it under My tasks."),
    )
    due_date = DateField(label=_("Due date"), required=False)
    status = forms.ChoiceField(
        label=_("Status"), choices=TaskStatus.choices, initial=TaskStatus.OPEN
    )
    goal = forms.ModelChoiceField(
        label=_("Goal"),
        queryset=Goal.objects.none(),
        required=False,
        help_text=_("The SMART goal this task works towards, if any."),
    )
    activity = forms.ModelChoiceField(
        label=_("Activity"),
        queryset=Activity.objects.none(),
        required=False,
        help_text=_("The activity this task prepares, if any."),
    )

    def __init__(
        self, *args, partnership: Partnership, task: Task | None = None, **kwargs
    ):
        if task is not None and not kwargs.get("initial"):
            kwargs["initial"] = {
                "title": task.title,
                "description": task.description,
                "owner": task.owner_id,
                "due_date": task.due_date,
                "status": task.status,
                "goal": task.goal_id,
                "activity": task.activity_id,
            }
        super().__init__(*args, **kwargs)
        if "owner" in self.fields:  # not in a member's form for an own task
            self.fields["owner"].queryset = owners(partnership=partnership)
        self.fields["goal"].queryset = Goal.objects.filter(
            partnership=partnership
        ).order_by("title")
        self.fields["activity"].queryset = Activity.objects.filter(
            partnership=partnership
        ).order_by("-starts_at")


class TaskStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=TaskStatus.choices)


class TaskFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("All statuses")), *TaskStatus.choices],
    )
    owner = MemberChoiceField(
        label=_("Owner"),
        required=False,
        queryset=Membership.objects.none(),
        empty_label=_("Everyone"),
    )

    def __init__(self, *args, partnership: Partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = owners(partnership=partnership)
