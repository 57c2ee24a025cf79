"""Forms of a route's parties (signatories, tasks, money) and of council decisions."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from doorlopend.core.forms import DateField, DutchDecimalField
from doorlopend.partnerships.models import Organisation

from .. import selectors
from ..models import Consent, Leerroute, Party
from ..uploads import CONSENT_EXTENSIONS

TEXT = {"rows": 3}


class PartyForm(forms.Form):
    signatory_name = forms.CharField(
        label=_("Signatory"),
        max_length=200,
        required=False,
        help_text=_(
            "The person who signs the samenwerkingsovereenkomst for this party."
        ),
    )
    signatory_role = forms.CharField(
        label=_("Signatory's position"),
        max_length=200,
        required=False,
        help_text=_("For example: chair of the executive board, director, alderman."),
    )
    responsibilities = forms.CharField(
        label=_("Tasks and responsibilities"),
        required=False,
        widget=forms.Textarea(attrs=TEXT),
    )
    contribution = DutchDecimalField(
        label=_("Financial contribution (€)"),
        required=False,
        min_value=0,
        help_text=_("In euro, e.g. 12500 or 12500,50. Leave empty if none was agreed."),
    )
    financial_notes = forms.CharField(
        label=_("Financial arrangements"),
        required=False,
        widget=forms.Textarea(attrs=TEXT),
        help_text=_("What the money is for, when it is paid, in kind or in hours."),
    )

    def __init__(self, *args, party: Party | None = None, **kwargs):
        if party is not None and not kwargs.get("initial"):
            kwargs["initial"] = {
                name: getattr(party, name) for name in self.base_fields
            }
        super().__init__(*args, **kwargs)


class PartyAddForm(PartyForm):
    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.none(),
        help_text=_(
            "Any organisation of the partnership may sign: a municipality or an "
            "employer too."
        ),
    )
    field_order = ["organisation"]

    def __init__(self, *args, route: Leerroute, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = selectors.organisations_to_add(route)


class ConsentForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organisation.objects.none()
    )
    body = forms.ChoiceField(
        label=_("Council"),
        choices=Consent.Body.choices,
        help_text=_(
            "A vo school asks its MR (or GMR), an mbo school its OR and studentenraad."
        ),
    )
    date = DateField(
        label=_("Date of the decision"),
    )
    outcome = forms.ChoiceField(label=_("Outcome"), choices=Consent.Outcome.choices)
    notes = forms.CharField(
        label=_("Notes"), required=False, widget=forms.Textarea(attrs=TEXT)
    )
    document = forms.FileField(
        label=_("Document (optional)"),
        required=False,
        widget=forms.FileInput(attrs={"accept": ",".join(sorted(CONSENT_EXTENSIONS))}),
        help_text=_(
            "The minutes or letter with the decision: PDF, DOCX, ODT, PNG or JPG."
        ),
    )

    def __init__(self, *args, route: Leerroute, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.filter(
            route_parties__route=route
        ).order_by("name")
        self.fields["date"].widget.attrs["max"] = timezone.localdate().isoformat()
