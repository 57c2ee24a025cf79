"""The forms of the inbox: what an action point becomes, prefilled from the point."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from doorlopend.core.forms import DateField, DutchDecimalField
from doorlopend.partnerships.forms import MemberChoiceField
from doorlopend.partnerships.models import Membership
from doorlopend.partnerships.selectors import members_who_may
from doorlopend.reflection.models import ActionPoint

from ..models import ActivityKind, Goal
from ..selectors.inbox import point_tags
from .goals import GoalForm

TEXT = {"rows": 3}


class TaskTriageForm(forms.Form):
    title = forms.CharField(label=_("Task"), max_length=300)
    owner = MemberChoiceField(
        label=_("Owner"),
        queryset=Membership.objects.none(),
        required=False,
        help_text=_("Who does it; they see it under 'my tasks'."),
    )
    due_date = DateField(label=_("Due date"), required=False)

    def __init__(self, *args, partnership, point: ActionPoint, **kwargs):
        kwargs.setdefault(
            "initial",
            {
                "title": point.title,
                "owner": point.owner_member_id,
                "due_date": point.due_date,
            },
        )
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = members_who_may(
            partnership=partnership, perm="planning.tasks"
        )


class ActivityTriageForm(forms.Form):
    title = forms.CharField(label=_("Activity"), max_length=200)
    kind = forms.ChoiceField(label=_("Type"), choices=ActivityKind.choices)
    date = DateField(
        label=_("Date"),
        help_text=_("Time, place, people and costs are added on the activity's page."),
    )

    def __init__(self, *args, point: ActionPoint, **kwargs):
        kwargs.setdefault(
            "initial", {"title": point.title[:200], "date": point.due_date}
        )
        super().__init__(*args, **kwargs)


class GoalTriageForm(GoalForm):
    """The goal form, prefilled from the point: its text as the goal and what is
    specific, its owner and due date, and the OCW action lines of a scan's element. The
    school is the point's (the service sets it)."""

    school = None

    def __init__(self, *args, partnership, point: ActionPoint, **kwargs):
        _elements, lines = point_tags(point)
        kwargs.setdefault(
            "initial",
            {
                "title": point.title[:200],
                "specific": point.title,
                "owner": point.owner_member_id,
                "deadline": point.due_date,
                "action_lines": lines,
            },
        )
        super().__init__(*args, partnership=partnership, **kwargs)


class RevisionTriageForm(forms.Form):
    goal = forms.ModelChoiceField(label=_("Goal"), queryset=Goal.objects.none())
    target = DutchDecimalField(
        label=_("New target value"),
        help_text=_(
            "E.g. 75 or 75,5. Keep the current value to change the deadline only."
        ),
    )
    deadline = DateField(label=_("New deadline"))
    reason = forms.CharField(
        label=_("Reason"),
        widget=forms.Textarea(attrs=TEXT),
        help_text=_("Kept with the goal's history of revisions."),
    )

    def __init__(self, *args, partnership, point: ActionPoint, **kwargs):
        kwargs.setdefault("initial", {"reason": point.title})
        super().__init__(*args, **kwargs)
        self.fields["goal"].queryset = Goal.objects.filter(partnership=partnership)


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label=_("Why not"),
        widget=forms.Textarea(attrs=TEXT),
        help_text=_(
            "Shown beside the action point, so the session knows what happened."
        ),
        error_messages={
            "required": _("Say why this action point does not enter the plan.")
        },
    )


FORMS = {
    "task": TaskTriageForm,
    "activity": ActivityTriageForm,
    "goal": GoalTriageForm,
    "revision": RevisionTriageForm,
    "declined": DeclineForm,
}
