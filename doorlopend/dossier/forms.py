"""Forms of the dossier; the services hold the rules (lengths, versions, consent)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from doorlopend.core.forms import DateField

from .choices import DossierKind, Part
from .models import DossierAgreement
from .services.handover import QUESTION_MAX
from .services.parts import MAX_TEXT


def _text(label, help_text="", rows=5) -> forms.CharField:
    return forms.CharField(
        label=label,
        help_text=help_text,
        required=False,
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": rows}),
        error_messages={"max_length": _("Keep it under %(limit_value)s characters.")},
    )


class AgreementForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Which dossier do the schools use?"),
        choices=DossierKind.choices,
        widget=forms.RadioSelect,
    )
    other_name = forms.CharField(
        label=_("Name of the other dossier"), max_length=200, required=False
    )
    holds = _text(
        _("What it holds"),
        _("Which parts and information the vo school hands over to the mbo school."),
    )
    handover_by = forms.CharField(
        label=_("Handed over by"),
        max_length=200,
        required=False,
        help_text=_("For example: before 1 April, or before the intake interview."),
    )

    @classmethod
    def for_agreement(cls, agreement: DossierAgreement | None, data=None):
        initial = {}
        if agreement:
            initial = {
                f: getattr(agreement, f)
                for f in ("kind", "other_name", "holds", "handover_by")
            }
        return cls(data, initial=initial or {"kind": DossierKind.DOORLOPEND})


class PartBForm(forms.Form):
    advice = _text(_("Advice on the chosen mbo programme and level"))
    attendance_results = _text(
        _("Attendance and results, in words"),
        _("Describe them in words; no lists of grades."),
    )


class PartCForm(forms.Form):
    support_needed = forms.BooleanField(
        label=_("This pupil needs support at the mbo school"), required=False
    )
    care = _text(
        _("Support handover"),
        _("Only what the mbo school needs to support the pupil from day one."),
    )


class KeptElsewhereForm(forms.Form):
    on = DateField(
        label=_("Handed over on"),
        error_messages={"invalid": _("Enter a date, e.g. 2026-03-15.")},
    )


class ApprovalForm(forms.Form):
    part = forms.ChoiceField(choices=Part.choices)
    version = forms.IntegerField(min_value=1)
    decision = forms.ChoiceField(
        choices=[("approved", "approved"), ("disagreed", "disagreed")]
    )
    comment = _text(_("What do you disagree with?"), rows=3)


# The handover: a question of the receiving school to the vo school, and its answer.
class QuestionForm(forms.Form):
    question = forms.CharField(
        label=_("Your question to the vo mentor"),
        max_length=QUESTION_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "required": _("Write your question first."),
            "max_length": _("Keep it under %(limit_value)s characters."),
        },
        help_text=_("Only what you need for the intake. Do not repeat the dossier."),
    )


class AnswerForm(forms.Form):
    answer = forms.CharField(
        label=_("Your answer"),
        max_length=QUESTION_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "required": _("Write your answer first."),
            "max_length": _("Keep it under %(limit_value)s characters."),
        },
    )
