"""Forms of the budget: a funding source and a budget line."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from doorlopend.partnerships.models import Organisation, Partnership

from ..models import Activity, BudgetLine, FundingSource
from .activities import TEXT, decimal_field
from .plan_schools import school_field, setup_school_field

MONEY_HELP = _("In euro, e.g. 12500 or 12500,50.")


def _initial(instance, names) -> dict:
    return {name: getattr(instance, name) for name in names}


class SourceForm(forms.Form):
    name = forms.CharField(
        label=_("Name"),
        max_length=200,
        help_text=_("E.g. the name of the subsidy scheme or 'Eigen budget ROC'."),
    )
    kind = forms.ChoiceField(label=_("Kind"), choices=FundingSource.Kind.choices)
    amount = decimal_field(
        _("Amount granted (€)"),
        initial=0,
        help_text=_(
            "What this source makes available, in euro (e.g. 12500 or 12500,50). "
            "Budget lines that plan more get a warning."
        ),
    )
    notes = forms.CharField(
        label=_("Notes"),
        required=False,
        widget=forms.Textarea(attrs=TEXT),
        help_text=_("Conditions, reporting dates, reference numbers."),
    )

    def __init__(self, *args, source: FundingSource | None = None, **kwargs):
        if source is not None and not kwargs.get("initial"):
            kwargs["initial"] = _initial(source, self.base_fields)
        super().__init__(*args, **kwargs)


class LineForm(forms.Form):
    school = school_field()
    description = forms.CharField(label=_("Description"), max_length=200)
    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.none(),
        required=False,
        empty_label=_("The partnership as a whole"),
        help_text=_("Whose budget this line is."),
    )
    activity = forms.ModelChoiceField(
        label=_("Activity (optional)"),
        queryset=Activity.objects.none(),
        required=False,
        help_text=_("The activity this money is for, if any."),
    )
    planned = decimal_field(_("Planned (€)"), initial=0, help_text=MONEY_HELP)
    committed = decimal_field(
        _("Committed (€)"),
        initial=0,
        help_text=_("Promised by order or contract, not yet paid."),
    )
    spent = decimal_field(
        _("Spent (€)"),
        initial=0,
        help_text=_("Paid so far. More than planned gives a warning."),
    )

    def __init__(
        self,
        *args,
        partnership: Partnership,
        line: BudgetLine | None = None,
        membership=None,
        school: Organisation | None = None,
        **kwargs,
    ):
        if line is not None and not kwargs.get("initial"):
            kwargs["initial"] = _initial(line, self.base_fields)
        super().__init__(*args, **kwargs)
        setup_school_field(
            self, partnership=partnership, membership=membership, preset=school
        )
        self.fields["organisation"].queryset = Organisation.objects.filter(
            partnership=partnership
        ).order_by("name")
        # Recent and coming activities first: those are the ones money is planned for.
        activities = Activity.objects.filter(partnership=partnership).order_by(
            "-starts_at", "-pk"
        )
        self.fields["activity"].queryset = activities
        self.fields["activity"].label_from_instance = lambda a: (
            f"{timezone.localtime(a.starts_at):%d-%m-%Y} {a.title}"
        )
