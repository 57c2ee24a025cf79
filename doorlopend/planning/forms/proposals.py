"""Forms of what a member who does not keep the plan adds: a proposed activity, an
evaluation of an activity they worked on, the coördinator's decision, an own task."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .activities import TEXT, ActivityForm
from .tasks import TaskForm


class ProposalForm(ActivityForm):
    """The activity form without what only applies once it is confirmed and held."""

    status = None
    evaluation = None
    # A proposal is for the partnership's plan; a school's own plan is kept by its
    # portefeuillehouder and decaan on the activity form itself.
    school = None


class EvaluationForm(forms.Form):
    evaluation = forms.CharField(
        label=_("Evaluation"),
        widget=forms.Textarea(attrs=TEXT),
        help_text=_("What went well, what would you change next time?"),
        error_messages={"required": _("Write how it went, in a few sentences.")},
    )


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[("confirm", _("Confirm")), ("decline", _("Decline"))],
        widget=forms.HiddenInput,
    )
    reason = forms.CharField(
        label=_("Why declined"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Needed to decline: the proposer reads it on the activity's page."),
    )


class OwnTaskForm(TaskForm):
    """A task a member adds for themselves: the owner is always the one adding it."""

    owner = None
    status = None
