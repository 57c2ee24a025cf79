"""The forms of the handover: a question to the vo school, and its answer."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .services.handover import QUESTION_MAX


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
