"""Forms of a school's change assignment: the 5 W's and how, milestones, progress updates."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from doorlopend.core.forms import DateField

from ..models import ChangeAssignment, ProgressUpdate
from ..services.assignments import PARTS

TEXT = {"rows": 3}


def _part(label, help_text) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=False,
        widget=forms.Textarea(attrs=TEXT),
        help_text=help_text,
    )


class AssignmentForm(forms.Form):
    what = _part(
        _("What (wat)"),
        _(
            "What the management team will change at this school for the doorlopende "
            "leerlijn LOB: the result, concretely."
        ),
    )
    why = _part(
        _("Why (waarom)"),
        _(
            "Why this matters for the pupils and for the partnership: the reason and the aim."
        ),
    )
    who = _part(
        _("Who (wie)"),
        _("Who does the work and who is involved: teams, decanen, mentors, partners."),
    )
    when = _part(
        _("When (wanneer)"),
        _(
            "The period, and the moments that matter; milestones go in the timeline below."
        ),
    )
    where = _part(
        _("Where (waar)"),
        _(
            "Where in the school it happens: which departments, years, tracks or locations."
        ),
    )
    how = _part(
        _("How (hoe)"),
        _(
            "How it will be done: the approach, the resources and how progress is followed."
        ),
    )

    def __init__(self, *args, assignment: ChangeAssignment | None = None, **kwargs):
        if assignment is not None and not kwargs.get("initial"):
            kwargs["initial"] = {p: getattr(assignment, p) for p in PARTS}
        super().__init__(*args, **kwargs)

    def clean(self):
        data = super().clean()
        if not any((data.get(p) or "").strip() for p in PARTS):
            raise forms.ValidationError(
                _("Fill in at least one of the parts."), code="empty"
            )
        return data


class MilestoneForm(forms.Form):
    title = forms.CharField(
        label=_("Milestone"),
        max_length=200,
        help_text=_("A result you can see, e.g. “LOB-plan approved by the MT”."),
    )
    date = DateField(label=_("Date"))


class ProgressUpdateForm(forms.Form):
    date = DateField(
        label=_("Date"),
        help_text=_("The day this describes: today or earlier."),
    )
    state = forms.ChoiceField(
        label=_("Status"),
        choices=ProgressUpdate.State.choices,
        widget=forms.RadioSelect,
    )
    text = forms.CharField(
        label=_("Progress"),
        widget=forms.Textarea(attrs=TEXT),
        help_text=_("What has happened since the last update, and what comes next."),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {"date": timezone.localdate()})
        super().__init__(*args, **kwargs)
        self.fields["date"].widget.attrs["max"] = timezone.localdate().isoformat()
