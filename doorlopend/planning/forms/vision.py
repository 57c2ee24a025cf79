"""Forms of the vision and of a partner's needs and expectations."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


class VisionForm(forms.Form):
    definition = forms.CharField(
        label=_("Shared definition of a doorlopende leerlijn LOB"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "What do vo, mbo and hbo in the region mean by a doorlopende leerlijn LOB? "
            "One text that all partners can say in their own words."
        ),
    )
    vision = forms.CharField(
        label=_("Vision"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Why the partners work together, with the pupil at the centre."),
    )
    ambition = forms.CharField(
        label=_("Ambition"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("What the partnership wants to have reached in a few years."),
    )


class SchoolVisionForm(forms.Form):
    """A school's own vision and ambition on LOB; the shared definition is the
    partnership's."""

    vision = forms.CharField(
        label=_("Vision"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("What LOB means at this school, with the pupil at the centre."),
    )
    ambition = forms.CharField(
        label=_("Ambition"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("What the school wants to have reached in its LOB in a few years."),
    )


class ExpectationForm(forms.Form):
    needs = forms.CharField(
        label=_("Needs"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("What this partner needs from the others to do its part."),
    )
    expectations = forms.CharField(
        label=_("Expectations"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("What this partner expects the partnership to bring about."),
    )
