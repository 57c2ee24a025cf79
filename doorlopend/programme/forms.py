"""Forms of the programme: the programme, an item, its rating, an eind- and startopdracht."""

from __future__ import annotations

from django import forms
from django.db.models import Case, When
from django.utils.translation import gettext_lazy as _

from doorlopend.partnerships.models import Organisation, OrganisationKind, Partnership
from doorlopend.planning.models import Activity
from doorlopend.registry.education import Leerweg
from doorlopend.routes.models import Leerroute

from .grid import YEAR_CHOICES, YEARS, Level
from .models import Audience, Form, Period, Programme, ProgrammeItem, Score

TEXT = {"rows": 3}
BLANK = [("", "—")]


class ProgrammeForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    school_year = forms.IntegerField(
        label=_("School year (first year)"),
        min_value=2000,
        max_value=2100,
        help_text=_("For example 2026 for the school year 2026–2027."),
    )
    leerroute = forms.ModelChoiceField(
        label=_("Leerroute"),
        queryset=Leerroute.objects.none(),
        required=False,
        empty_label=_("The whole partnership"),
    )
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs=TEXT)
    )

    def __init__(self, *args, partnership: Partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["leerroute"].queryset = Leerroute.objects.filter(
            partnership=partnership
        ).order_by("name")


def programme_initial(programme: Programme) -> dict:
    return {
        "name": programme.name,
        "school_year": programme.school_year,
        "leerroute": programme.leerroute,
        "description": programme.description,
    }


class TemplateForm(forms.Form):
    """Start from the example: only the school year and, optionally, the route."""

    school_year = ProgrammeForm.base_fields["school_year"]
    leerroute = ProgrammeForm.base_fields["leerroute"]

    def __init__(self, *args, partnership: Partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["leerroute"].queryset = Leerroute.objects.filter(
            partnership=partnership
        ).order_by("name")


class ItemForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    form = forms.ChoiceField(label=_("Form"), choices=Form.choices)
    level = forms.ChoiceField(label=_("School type"), choices=Level.choices)
    year = forms.TypedChoiceField(
        label=_("Year"),
        choices=YEAR_CHOICES,
        coerce=int,
        help_text=_("vmbo 1–4, havo 1–5, vwo 1–6, mbo 1–4; hbo: 1 (propedeuse)."),
    )
    period = forms.ChoiceField(label=_("When"), choices=Period.choices)
    audience = forms.ChoiceField(label=_("For whom"), choices=Audience.choices)
    leerweg = forms.ChoiceField(
        label=_("vmbo leerweg"),
        choices=BLANK + list(Leerweg.choices),
        required=False,
        help_text=_("Empty: every leerweg."),
    )
    profile = forms.ChoiceField(
        label=_("vmbo profile"),
        choices=BLANK + list(ProgrammeItem._meta.get_field("profile").choices),
        required=False,
    )
    mbo_leerweg = forms.ChoiceField(
        label=_("BOL or BBL"),
        choices=BLANK + list(ProgrammeItem._meta.get_field("mbo_leerweg").choices),
        required=False,
        help_text=_("Empty: both."),
    )
    crebo = forms.CharField(
        label=_("Crebo number"),
        max_length=5,
        required=False,
        help_text=_("For an mbo item of one qualification."),
    )
    description = forms.CharField(
        label=_("What happens"), required=False, widget=forms.Textarea(attrs=TEXT)
    )
    organisations = forms.ModelMultipleChoiceField(
        label=_("Organised by"),
        queryset=Organisation.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Schools, the municipality and employers of the partnership."),
    )
    place = forms.CharField(label=_("Where"), max_length=200, required=False)
    activity = forms.ModelChoiceField(
        label=_("Activity in this year's plan"),
        queryset=Activity.objects.none(),
        required=False,
        empty_label="—",
        help_text=_("The plan says when it happens this year."),
    )
    leads_to = forms.ModelChoiceField(
        label=_("Leads to"),
        queryset=ProgrammeItem.objects.none(),
        required=False,
        empty_label="—",
        help_text=_("A later item that builds on this one (samenhang)."),
    )

    def __init__(
        self,
        *args,
        programme: Programme,
        item: ProgrammeItem | None = None,
        **kwargs,
    ):
        if item is not None and not kwargs.get("initial"):
            kwargs["initial"] = item_initial(item)
        super().__init__(*args, **kwargs)
        partnership = programme.partnership
        self.fields["organisations"].queryset = Organisation.objects.filter(
            partnership=partnership
        ).order_by("name")
        self.fields["activity"].queryset = Activity.objects.filter(
            partnership=partnership
        ).order_by("-starts_at")
        # In the order of the transition (vmbo, havo, vwo, mbo, hbo), not of the alphabet.
        later = (
            ProgrammeItem.objects.filter(programme=programme)
            .annotate(
                level_order=Case(
                    *(When(level=level, then=n) for n, level in enumerate(YEARS)),
                    default=len(YEARS),
                )
            )
            .order_by("level_order", "year", "title")
        )
        if item is not None:
            later = later.exclude(pk=item.pk)
        self.fields["leads_to"].queryset = later
        self.fields["leads_to"].label_from_instance = lambda i: (
            f"{i.title} ({i.row_label})"
        )


def item_initial(item: ProgrammeItem) -> dict:
    fields = ("title", "form", "level", "year", "period", "audience", "leerweg")
    fields += ("profile", "mbo_leerweg", "crebo", "description", "place")
    initial = {f: getattr(item, f) for f in fields}
    initial["organisations"] = list(item.organisations.all())
    initial["activity"] = item.activity
    initial["leads_to"] = item.leads_to
    return initial


class RatingForm(forms.Form):
    """One score (or none yet) and a short why per element, all seven at once."""

    def __init__(self, *args, elements: list[tuple[str, str]], item=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.elements = elements
        scores = getattr(item, "scores", {}) if item is not None else {}
        choices = [("", _("not rated")), *Score.choices]
        for key, title in elements:
            rating = scores.get(key)
            self.fields[f"score_{key}"] = forms.TypedChoiceField(
                label=title,
                choices=choices,
                coerce=int,
                empty_value=None,
                required=False,
                widget=forms.RadioSelect,
                initial="" if rating is None else rating.score,
            )
            self.fields[f"why_{key}"] = forms.CharField(
                label=_("Why"),
                max_length=300,
                required=False,
                initial=rating.why if rating else "",
            )

    def rows(self):
        """(title, score field, why field) per element, for the template."""
        return [
            (title, self[f"score_{key}"], self[f"why_{key}"])
            for key, title in self.elements
        ]

    def scores(self) -> dict[str, tuple[int | None, str]]:
        data = self.cleaned_data
        return {
            key: (data.get(f"score_{key}"), data.get(f"why_{key}", ""))
            for key, _title in self.elements
        }


class PairForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    leerweg = forms.ChoiceField(
        label=_("vmbo leerweg"),
        choices=BLANK + list(Leerweg.choices),
        required=False,
        help_text=_("Empty: every leerweg of the programme."),
    )
    eindopdracht = forms.CharField(
        label=_("Eindopdracht vo"),
        widget=forms.Textarea(attrs=TEXT),
        help_text=_("What the pupil makes in the last vmbo year."),
    )
    startopdracht = forms.CharField(
        label=_("Startopdracht mbo"),
        widget=forms.Textarea(attrs=TEXT),
        help_text=_("What the mbo intake and mentor do with it in the first weeks."),
    )
    criteria = forms.CharField(
        label=_("Criteria"), required=False, widget=forms.Textarea(attrs=TEXT)
    )
    vo_owner = forms.ModelChoiceField(
        label=_("Owner in vo"), queryset=Organisation.objects.none(), required=False
    )
    vo_contact = forms.CharField(
        label=_("Contact in vo"),
        max_length=200,
        required=False,
        help_text=_("A name or a role, e.g. the decaan."),
    )
    vo_when = forms.CharField(label=_("When in vo"), max_length=200, required=False)
    mbo_owner = forms.ModelChoiceField(
        label=_("Owner in mbo"), queryset=Organisation.objects.none(), required=False
    )
    mbo_contact = forms.CharField(
        label=_("Contact in mbo"), max_length=200, required=False
    )
    mbo_when = forms.CharField(label=_("When in mbo"), max_length=200, required=False)

    def __init__(self, *args, partnership: Partnership, pair=None, **kwargs):
        if pair is not None and not kwargs.get("initial"):
            kwargs["initial"] = {
                f: getattr(pair, f)
                for f in ("title", "leerweg", "eindopdracht", "startopdracht")
                + ("criteria", "vo_owner", "vo_contact", "vo_when", "mbo_owner")
                + ("mbo_contact", "mbo_when")
            }
        super().__init__(*args, **kwargs)
        organisations = Organisation.objects.filter(partnership=partnership)
        self.fields["vo_owner"].queryset = organisations.filter(
            kind=OrganisationKind.VO
        ).order_by("name")
        self.fields["mbo_owner"].queryset = organisations.filter(
            kind=OrganisationKind.MBO
        ).order_by("name")
