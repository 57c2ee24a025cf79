"""The covenant's own fields, and one party with its signatory and signature."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from doorlopend.core.forms import DateField
from doorlopend.partnerships.models import Organisation
from doorlopend.planning.models import FundingSource


class CovenantForm(forms.Form):
    title = forms.CharField(
        label=_("Title"),
        max_length=200,
        error_messages={"required": _("Give the covenant a title.")},
    )
    aims = forms.CharField(
        label=_("Aims"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What the parties want to reach together."),
        error_messages={"required": _("Write down what the covenant aims at.")},
    )
    themes = forms.CharField(
        label=_("Themes"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "One theme a line, for example: leerroutes, LOB, knowledge sharing."
        ),
        error_messages={"required": _("Name at least one theme.")},
    )
    funding_sources = forms.ModelMultipleChoiceField(
        label=_("Funding sources"),
        queryset=FundingSource.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The funding sources of the plan's budget that pay for it."),
    )
    funding_notes = forms.CharField(
        label=_("About the funding"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    governance = forms.CharField(
        label=_("Governance"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "How the stuurgroep meets and decides; its members come from the people "
            "with the stuurgroep role."
        ),
    )
    starts_on = DateField(
        label=_("Starts on"),
        error_messages={"required": _("Give the date the covenant starts.")},
    )
    ends_on = DateField(
        label=_("Ends on"),
        error_messages={"required": _("Give the date the covenant ends.")},
    )
    evaluation_on = DateField(
        label=_("Evaluation"),
        help_text=_("When the parties evaluate the covenant together."),
        error_messages={"required": _("Give the date of the evaluation.")},
    )

    def __init__(self, *args, partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["funding_sources"].queryset = FundingSource.objects.filter(
            partnership=partnership
        )


class PartyEditForm(forms.Form):
    """A party's signatory and commitment (its organisation stays once added)."""

    signatory_name = forms.CharField(
        label=_("Signatory"),
        max_length=200,
        help_text=_("The person who signs for this party."),
        error_messages={"required": _("Give the name of the person who signs.")},
    )
    signatory_function = forms.CharField(
        label=_("Function"),
        max_length=200,
        error_messages={"required": _("Give the signatory's function.")},
    )
    commitment = forms.CharField(
        label=_("Commitment"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What this party brings in: people, time, money, facilities."),
    )


class PartyForm(PartyEditForm):
    """A new party: one of the partnership's organisations that is not one yet."""

    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.none(),
        error_messages={"required": _("Choose the organisation.")},
    )
    field_order = ["organisation"]

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations


class SignatureForm(forms.Form):
    signed_on = DateField(
        label=_("Signed on"),
        error_messages={"required": _("Give the date it was signed.")},
    )
