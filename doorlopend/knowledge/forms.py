"""Forms of good practices: writing one up, an attachment, the search, adopting one."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from doorlopend.core.forms import DateField, DutchDecimalField, TimeInput
from doorlopend.partnerships.models import Partnership
from doorlopend.programme.elements import element_choices_of
from doorlopend.programme.grid import YEAR_CHOICES, Level
from doorlopend.programme.models import Programme
from doorlopend.registry.education import Leerweg, MboNiveau

from .attachments import ALLOWED_EXTENSIONS, attachment_check, attachment_help
from .models import Practice
from .services.practices import PRACTICE_FIELDS

TEXT = {"rows": 4}
BLANK = [("", "—")]


class PracticeForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(
        label=_("What happens"),
        widget=forms.Textarea(attrs=TEXT),
        help_text=_(
            "What pupils, parents or teachers do, step by step, and who runs it."
        ),
    )
    level = forms.ChoiceField(
        label=_("School type"), choices=BLANK + Level.choices, required=False
    )
    leerweg = forms.ChoiceField(
        label=_("vmbo leerweg"),
        choices=BLANK + Leerweg.choices,
        required=False,
        help_text=_("Empty: every leerweg."),
    )
    year = forms.TypedChoiceField(
        label=_("Year"),
        choices=BLANK + [(str(n), label) for n, label in YEAR_CHOICES],
        coerce=int,
        empty_value=None,
        required=False,
    )
    mbo_niveau = forms.ChoiceField(
        label=_("mbo level"), choices=BLANK + MboNiveau.choices, required=False
    )
    elements = forms.MultipleChoiceField(
        label=_("Elements of effective LOB"),
        choices=(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Which of the 7 elementen voor effectieve LOB this practice serves."
        ),
    )
    results = forms.CharField(
        label=_("What it achieved"),
        required=False,
        widget=forms.Textarea(attrs=TEXT),
    )
    figure_value = DutchDecimalField(
        label=_("A figure (optional)"),
        required=False,
        max_digits=9,
        decimal_places=1,
        help_text=_("For example 85 (a percentage) or 120 (pupils)."),
    )
    figure_label = forms.CharField(
        label=_("What the figure counts"),
        max_length=200,
        required=False,
        help_text=_(
            "For example “percentage of pupils who knew their choice afterwards”."
        ),
    )
    costs_amount = DutchDecimalField(
        label=_("Costs per year (€, optional)"), required=False, min_value=0
    )
    costs_note = forms.CharField(
        label=_("What it costs"),
        max_length=300,
        required=False,
        help_text=_(
            "Hours, transport, materials: what another partnership must budget."
        ),
    )
    contact_role = forms.CharField(
        label=_("Contact (role)"),
        max_length=200,
        help_text=_("A role, not a name: for example “decaan of the vmbo school”."),
    )
    contact_me = forms.BooleanField(
        label=_(
            "Show my name and e-mail address as the contact to members of other "
            "partnerships. I agree to this myself."
        ),
        required=False,
        help_text=_(
            "Never on the public page. Untick it (or remove your name on the page) "
            "at any time."
        ),
    )

    def __init__(self, *args, practice: Practice | None = None, user=None, **kwargs):
        if practice is not None and not kwargs.get("initial"):
            kwargs["initial"] = {
                **{name: getattr(practice, name) for name in PRACTICE_FIELDS},
                "elements": list(practice.elements),
                "contact_me": practice.contact_person_id is not None
                and practice.contact_person_id == getattr(user, "pk", None),
            }
        super().__init__(*args, **kwargs)
        self.fields["contact_me"].widget.attrs["aria-describedby"] = (
            "id_contact_me_helptext"
        )
        self.fields["elements"].choices = (
            element_choices_of(practice) if practice is not None else _newest_choices()
        )


def _newest_choices() -> list[tuple[str, str]]:
    from doorlopend.programme.elements import newest_elements_version

    return newest_elements_version().definition.choices


class AttachmentForm(forms.Form):
    file = forms.FileField(label=_("File"))
    name = forms.CharField(
        label=_("Name (optional)"),
        max_length=200,
        required=False,
        help_text=_("Empty: the file's own name."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = attachment_help()
        self.fields["file"].widget.attrs["accept"] = ",".join(
            sorted(ALLOWED_EXTENSIONS)
        )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        attachment_check(upload)
        return upload


class SearchForm(forms.Form):
    """The list's search and filters (GET). Unknown values are ignored, not refused."""

    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    element = forms.ChoiceField(label=_("Element"), choices=(), required=False)
    schooltype = forms.ChoiceField(
        label=_("School type"), choices=BLANK + Level.choices, required=False
    )
    jaar = forms.TypedChoiceField(
        label=_("Year"),
        choices=BLANK + [(str(n), label) for n, label in YEAR_CHOICES],
        coerce=int,
        empty_value=None,
        required=False,
    )
    regio = forms.ChoiceField(label=_("Region"), choices=(), required=False)

    def __init__(self, *args, element_choices, regions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["element"].choices = BLANK + list(element_choices)
        self.fields["regio"].choices = BLANK + [(r.code, r.name) for r in regions]
        self.fields["q"].widget.attrs.update(
            {"type": "search", "placeholder": _("for example: stage, ouders")}
        )


class AdoptProgrammeForm(forms.Form):
    programme = forms.ModelChoiceField(
        label=_("Programme"), queryset=Programme.objects.none(), empty_label=None
    )
    level = forms.ChoiceField(label=_("School type"), choices=Level.choices)
    year = forms.TypedChoiceField(label=_("Year"), choices=YEAR_CHOICES, coerce=int)

    def __init__(self, *args, partnership: Partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["programme"].queryset = Programme.objects.filter(
            partnership=partnership
        ).order_by("-school_year", "name")


class AdoptPlanForm(forms.Form):
    date = DateField(label=_("Date"))
    start_time = forms.TimeField(label=_("Start time"), widget=TimeInput)
