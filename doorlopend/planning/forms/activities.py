"""Forms of an activity and of the people who work on it."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from doorlopend.core.forms import DateField, DutchDecimalField, TimeInput
from doorlopend.partnerships.models import Membership, Organisation, Partnership
from doorlopend.partnerships.selectors import members_who_may

from ..action_lines import action_line_choices
from ..elements import element_choices
from ..models import Activity, ActivityAudience, ActivityKind, ActivityStatus, Goal
from .plan_schools import school_field, setup_school_field

TEXT = {"rows": 3}


def decimal_field(
    label, *, help_text="", max_digits=12, **kwargs
) -> forms.DecimalField:
    """A number with cents that accepts a Dutch comma ("12500,50")."""
    return DutchDecimalField(
        label=label, min_value=0, max_digits=max_digits, help_text=help_text, **kwargs
    )


class ActivityForm(forms.Form):
    school = school_field()
    title = forms.CharField(label=_("Title"), max_length=200)
    kind = forms.ChoiceField(label=_("Type"), choices=ActivityKind.choices)
    audience = forms.ChoiceField(
        label=_("For whom"),
        choices=ActivityAudience.choices,
        initial=ActivityAudience.LEERLINGEN,
        required=False,
        help_text=_(
            "Activities for parents (element 5, “Help mee bij LOB”) are counted "
            "apart on the plan page."
        ),
    )
    date = DateField(
        label=_("Date"),
    )
    start_time = forms.TimeField(
        label=_("Start time"),
        widget=TimeInput(),
    )
    end_time = forms.TimeField(
        label=_("End time"),
        required=False,
        widget=TimeInput(),
        help_text=_("Must be after the start time. Leave empty if open."),
    )
    place = forms.CharField(label=_("Place"), max_length=200, required=False)
    organisations = forms.ModelMultipleChoiceField(
        label=_("Organisations involved"),
        queryset=Organisation.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    materials = forms.CharField(
        label=_("Materials and resources"),
        required=False,
        widget=forms.Textarea(attrs=TEXT),
        help_text=_("Rooms, transport, equipment, printed matter."),
    )
    costs = decimal_field(
        _("Costs (€)"),
        initial=0,
        help_text=_("In euro, e.g. 350 or 350,50."),
    )
    goals = forms.ModelMultipleChoiceField(
        label=_("Linked goals"),
        queryset=Goal.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The SMART goals this activity works towards."),
    )
    elements = forms.MultipleChoiceField(
        label=_("Elements of effective LOB"),
        choices=(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Which of the 7 elementen voor effectieve LOB this activity serves. "
            "An activity that serves several is more meaningful."
        ),
    )
    action_lines = forms.MultipleChoiceField(
        label=_("OCW action lines"),
        choices=(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Which of the three OCW action lines for LOB this activity serves."
        ),
    )
    status = forms.ChoiceField(
        label=_("Status"),
        choices=ActivityStatus.choices,
        initial=ActivityStatus.PLANNED,
    )
    evaluation = forms.CharField(
        label=_("Evaluation"),
        required=False,
        widget=forms.Textarea(attrs=TEXT),
        help_text=_(
            "Once the activity has been held: what went well, what would you change "
            "next time?"
        ),
    )

    def __init__(
        self,
        *args,
        partnership: Partnership,
        activity: Activity | None = None,
        choices: list[tuple[str, str]] | None = None,
        membership: Membership | None = None,
        school: Organisation | None = None,
        **kwargs,
    ):
        if activity is not None and not kwargs.get("initial"):
            kwargs["initial"] = initial_of(activity)
        super().__init__(*args, **kwargs)
        setup_school_field(
            self, partnership=partnership, membership=membership, preset=school
        )
        self.fields["organisations"].queryset = Organisation.objects.filter(
            partnership=partnership
        ).order_by("name")
        self.fields["goals"].queryset = Goal.objects.filter(
            partnership=partnership
        ).order_by("deadline", "title")
        self.fields["elements"].choices = (
            choices if choices is not None else element_choices()
        )
        self.fields["action_lines"].choices = action_line_choices()

    def clean_audience(self) -> str:
        """Pupils unless said otherwise."""
        return self.cleaned_data.get("audience") or ActivityAudience.LEERLINGEN


def initial_of(activity: Activity) -> dict:
    starts = timezone.localtime(activity.starts_at)
    ends = timezone.localtime(activity.ends_at) if activity.ends_at else None
    return {
        "school": activity.school_id,
        "title": activity.title,
        "kind": activity.kind,
        "audience": activity.audience,
        "date": starts.date(),
        "start_time": starts.time(),
        "end_time": ends.time() if ends else None,
        "place": activity.place,
        "organisations": list(activity.organisations.all()),
        "materials": activity.materials,
        "costs": activity.costs,
        "goals": list(activity.goals.all()),
        "elements": list(activity.elements),
        "action_lines": list(activity.action_lines),
        "status": activity.status,
        "evaluation": activity.evaluation,
    }


class PersonForm(forms.Form):
    membership = forms.ModelChoiceField(
        label=_("Member of the partnership"),
        queryset=Membership.objects.none(),
        required=False,
        help_text=_("Or leave empty and give a name below."),
    )
    name = forms.CharField(
        label=_("Name"),
        max_length=200,
        required=False,
        help_text=_("For someone who is not a member, e.g. a guest teacher."),
    )
    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organisation.objects.none(), required=False
    )
    role = forms.CharField(
        label=_("Task"),
        max_length=200,
        required=False,
        help_text=_("What this person does, e.g. guide the group, give the lesson."),
    )
    hours = decimal_field(
        _("Hours"),
        max_digits=7,
        initial=0,
        help_text=_("Including preparation, e.g. 3 or 2,5."),
    )

    def __init__(self, *args, partnership: Partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["membership"].queryset = members_who_may(
            partnership=partnership, perm="planning.view"
        )
        self.fields["membership"].label_from_instance = lambda m: str(m.user)
        self.fields["organisation"].queryset = Organisation.objects.filter(
            partnership=partnership
        ).order_by("name")
