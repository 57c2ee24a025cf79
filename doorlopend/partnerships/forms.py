from django import forms
from django.utils.translation import gettext_lazy as _

from .models import (
    SCHOOL_KINDS,
    Membership,
    Organisation,
    OrganisationKind,
    Partnership,
)
from .roles import Role


class OrganisationForm(forms.ModelForm):
    """Municipalities, employers and others; schools come from the register."""

    kind = forms.ChoiceField(
        label=_("Type"),
        choices=[(k.value, k.label) for k in OrganisationKind if k not in SCHOOL_KINDS],
    )

    class Meta:
        model = Organisation
        fields = ["name", "kind", "place", "website"]


class RoleFieldsMixin(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)
    organisation = forms.ModelChoiceField(
        label=_("School"),
        queryset=Organisation.objects.none(),
        required=False,
        help_text=_(
            "Required for portefeuillehouder, decaan and mentor: the school this person acts for."
        ),
    )

    def __init__(self, *args, partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.filter(
            partnership=partnership, kind__in=SCHOOL_KINDS
        ).order_by("name")


class InvitationForm(RoleFieldsMixin):
    email = forms.EmailField(
        label=_("E-mail address"),
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
        max_length=254,
    )
    field_order = ["email", "role", "organisation"]


class RoleForm(RoleFieldsMixin):
    pass


class RegisterSearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search the DUO school register"),
        max_length=100,
        required=False,
        help_text=_(
            "Name, place, BRIN or location number, for example 16SW or Amsterdam."
        ),
    )


class MemberChoiceField(forms.ModelChoiceField):
    """A member of the partnership (an owner, a person), shown by name."""

    def label_from_instance(self, obj: Membership) -> str:
        return str(obj.user)


class PartnershipSettingsForm(forms.ModelForm):
    """What the coordinator keeps about the partnership itself."""

    class Meta:
        model = Partnership
        fields = ["name", "description", "school_region"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}
