"""The route form: its schools from the partnership's register entries, and its content."""

from __future__ import annotations

from django import forms
from django.forms.models import model_to_dict
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from doorlopend.core.forms import DateField
from doorlopend.partnerships.models import Organisation, Partnership
from doorlopend.registry.education import Leerweg, MboLeerweg, VmboProfile

from .. import selectors
from ..models import Leerroute, crebo_validator
from ..services.routes import ROUTE_FIELDS

TEXT = {"rows": 4}


def next_school_year(today=None) -> int:
    """The first year of the coming school year (which starts on 1 August)."""
    today = today or timezone.localdate()
    return today.year if today.month < 8 else today.year + 1


def _register_text(organisation: Organisation) -> str:
    entry = organisation.register_entry
    if entry is None:
        return str(_("no register entry"))
    code = f"BRIN {entry.brin}"
    if entry.vestiging:
        code += f", {_('vestiging')} {entry.vestiging}"
    return code


class VoChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Organisation) -> str:
        entry = obj.register_entry
        structure = (
            f" · {entry.education_structure}"
            if entry and entry.education_structure
            else ""
        )
        place = f", {obj.place}" if obj.place else ""
        return f"{obj.name}{place} ({_register_text(obj)}){structure}"


class MboChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Organisation) -> str:
        place = f", {obj.place}" if obj.place else ""
        return f"{obj.name}{place} ({_register_text(obj)})"


class RouteForm(forms.Form):
    name = forms.CharField(
        label=_("Name of the route"),
        max_length=200,
        help_text=_(
            "As pupils and parents will know it, e.g. “Techniek Rivierenland”."
        ),
    )
    vmbo_locations = VoChoiceField(
        label=_("Vmbo school locations"),
        queryset=Organisation.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "The vo school locations where pupils start the route. Each is reported to "
            "DUO with its BRIN and vestigingsnummer from the register."
        ),
    )
    mbo_location = MboChoiceField(
        label=_("Mbo school"),
        queryset=Organisation.objects.none(),
        help_text=_("The mbo school where pupils finish the route."),
    )
    leerweg = forms.ChoiceField(
        label=_("Vmbo leerweg"), choices=[("", "—"), *Leerweg.choices]
    )
    profile = forms.ChoiceField(
        label=_("Vmbo profile"),
        choices=[("", "—"), *VmboProfile.choices],
        help_text=_("The beroepsgerichte profiel of the vmbo part of the route."),
    )
    crebo = forms.CharField(
        label=_("Crebo number"),
        max_length=5,
        validators=[crebo_validator],
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
        help_text=_(
            "The five-digit number of the mbo qualification in the Centraal Register "
            "Beroepsopleidingen (crebo). The mbo school knows it; it is on every "
            "qualification file."
        ),
    )
    qualification = forms.CharField(
        label=_("Mbo qualification"),
        max_length=200,
        help_text=_("The name of the qualification that goes with the crebo number."),
    )
    mbo_leerweg = forms.ChoiceField(
        label=_("BOL or BBL"),
        choices=MboLeerweg.choices,
        widget=forms.RadioSelect,
        help_text=_(
            "BOL: learning mainly at school, with work placements. BBL: learning while "
            "working at an employer, with a day or so a week at school."
        ),
    )
    start_year = forms.IntegerField(
        label=_("First school year"),
        min_value=2000,
        max_value=2100,
        help_text=_("The year the first pupils start, e.g. 2027 for 2027-2028."),
    )
    start_date = DateField(
        label=_("Start date"),
        required=False,
        help_text=_(
            "The start date reported to DUO. Leave empty for 1 August of the first "
            "school year."
        ),
    )
    duration_years = forms.IntegerField(
        label=_("Duration of the agreement (years)"),
        min_value=1,
        max_value=10,
        help_text=_("How long the samenwerkingsovereenkomst runs."),
    )
    aims = forms.CharField(
        label=_("Aims"),
        required=False,
        widget=forms.Textarea(attrs=TEXT),
        help_text=_("What the route must achieve, and for whom."),
    )
    overstapoptie = forms.CharField(
        label=_("Overstapoptie"),
        required=False,
        widget=forms.Textarea(attrs=TEXT),
        help_text=_(
            "The overstapoptie: how and until when a pupil can leave the route and "
            "still take the regular vmbo exam and get a vmbo diploma. Every doorlopende "
            "leerroute must offer it."
        ),
    )
    examination = forms.CharField(
        label=_("Examination agreements"),
        required=False,
        widget=forms.Textarea(attrs=TEXT),
        help_text=_(
            "Which parts are examined where and when, and how the vmbo and mbo school "
            "recognise each other's results."
        ),
    )
    design = forms.CharField(
        label=_("Design"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "The onderwijskundig ontwerp: the programme year by year, where pupils "
            "learn, and who teaches what."
        ),
    )
    communication = forms.CharField(
        label=_("Communication"),
        required=False,
        widget=forms.Textarea(attrs=TEXT),
        help_text=_("How pupils, parents and decanen in the region hear of the route."),
    )

    def __init__(
        self, *args, partnership: Partnership, route: Leerroute | None = None, **kwargs
    ):
        if route is not None and not kwargs.get("initial"):
            kwargs["initial"] = {
                **model_to_dict(route, fields=ROUTE_FIELDS),
                "vmbo_locations": [o.pk for o in route.vmbo_locations.all()],
            }
        super().__init__(*args, **kwargs)
        self.fields["vmbo_locations"].queryset = selectors.vo_organisations(
            partnership=partnership
        )
        self.fields["mbo_location"].queryset = selectors.mbo_organisations(
            partnership=partnership
        )
        if route is None:
            self.fields["start_year"].initial = next_school_year()
            self.fields["duration_years"].initial = 4
            self.fields["mbo_leerweg"].initial = MboLeerweg.BOL
