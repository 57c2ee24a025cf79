"""Forms of SMART goals and measurements. The SMART check itself is the service's
(`services.goals.smart_problems`); the form asks it so that every missing part shows at once."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from doorlopend.core.forms import DateField, DutchDecimalField
from doorlopend.partnerships.forms import MemberChoiceField
from doorlopend.partnerships.models import Membership, Partnership
from doorlopend.partnerships.selectors import members_who_may

from ..action_lines import action_line_choices
from ..models import Goal
from ..selectors.goals import theme_choices
from ..services import goals as services
from .plan_schools import school_field, setup_school_field


class GoalForm(forms.Form):
    school = school_field()
    title = forms.CharField(
        label=_("Goal"),
        max_length=200,
        help_text=_("A short name, e.g. “Every pupil visits an mbo school”."),
    )
    specific = forms.CharField(
        label=_("Specific"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What exactly will be different, and for whom?"),
    )
    indicator = forms.CharField(
        label=_("Indicator (measurable)"),
        required=False,
        max_length=200,
        help_text=_(
            "What you count or measure, e.g. “share of pupils registered by 1 April”."
        ),
    )
    unit = forms.CharField(
        label=_("Unit"),
        required=False,
        max_length=30,
        help_text=_("E.g. %, pupils, meetings. Optional."),
    )
    baseline = DutchDecimalField(
        label=_("Baseline"),
        required=False,
        help_text=_("The value at the start, e.g. 42 or 42,5."),
    )
    target = DutchDecimalField(
        label=_("Target value"),
        required=False,
        help_text=_("The value you want to reach; it must differ from the baseline."),
    )
    deadline = DateField(
        label=_("Deadline"),
        required=False,
        help_text=_("The date by which the target is reached."),
    )
    owner = MemberChoiceField(
        label=_("Owner"),
        queryset=Membership.objects.none(),
        required=False,
        empty_label=_("(choose a member)"),
        help_text=_("The member who sees to this goal."),
        error_messages={
            "invalid_choice": _(
                "Assignable: the owner must be a member of this partnership."
            )
        },
    )
    theme_key = forms.ChoiceField(
        label=_("Theme"),
        required=False,
        help_text=_("The reflectietool theme this goal answers."),
        error_messages={
            "invalid_choice": _("Relevant: choose one of the reflectietool's themes.")
        },
    )
    action_lines = forms.MultipleChoiceField(
        label=_("OCW action lines"),
        choices=(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Which of the three OCW action lines for LOB this goal serves."),
    )

    def __init__(
        self,
        *args,
        partnership: Partnership,
        goal: Goal | None = None,
        membership: Membership | None = None,
        school=None,
        **kw,
    ):
        if goal is not None and not kw.get("initial"):
            kw["initial"] = {
                name: getattr(goal, name) for name in services.GOAL_FIELDS
            } | {"owner": goal.owner_id, "school": goal.school_id}
        super().__init__(*args, **kw)
        setup_school_field(
            self, partnership=partnership, membership=membership, preset=school
        )
        self.partnership, self.goal = partnership, goal
        self.fields["owner"].queryset = members_who_may(
            partnership=partnership, perm="planning.view"
        )
        self.fields["action_lines"].choices = action_line_choices()
        self.fields["theme_key"].choices = [
            ("", _("(choose a theme)")),
            *theme_choices(),
        ]
        if goal is None:
            self.fields["deadline"].widget.attrs["min"] = (
                timezone.localdate().isoformat()
            )

    def clean(self):
        data = super().clean()
        problems = services.smart_problems(
            partnership=self.partnership,
            data=data,
            today=timezone.localdate(),
            check_deadline_past=self.goal is None
            or data.get("deadline") != self.goal.deadline,
        )
        for name, error in problems.items():
            if name not in self.errors:
                self.add_error(name, error)
        return data


class GoalEditForm(GoalForm):
    reason = forms.CharField(
        label=_("Reason for a new target or deadline"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Needed only when the target value or deadline changes; it is kept in the "
            "goal's history."
        ),
    )

    def clean(self):
        data = super().clean()
        changed = (
            "target" in data
            and "deadline" in data
            and (
                data["target"] != self.goal.target
                or data["deadline"] != self.goal.deadline
            )
        )
        if changed and not (data.get("reason") or "").strip():
            self.add_error("reason", services.reason_missing_error())
        return data


class MeasurementForm(forms.Form):
    date = DateField(
        label=_("Date"),
        help_text=_("When it was measured: today or earlier."),
    )
    value = DutchDecimalField(label=_("Value"), help_text=_("E.g. 55 or 55,5."))
    note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=300,
        help_text=_("Optional: the source or what stands out."),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {"date": timezone.localdate()})
        super().__init__(*args, **kwargs)
        self.fields["date"].widget.attrs["max"] = timezone.localdate().isoformat()
