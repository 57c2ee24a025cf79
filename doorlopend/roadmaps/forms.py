"""The item page's two forms: the state (status, owner, dates, notes) and the evidence file."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from doorlopend.core.forms import DateField
from doorlopend.partnerships.forms import MemberChoiceField
from doorlopend.partnerships.models import Membership, Partnership
from doorlopend.partnerships.selectors import members_who_may

from .evidence import ALLOWED_EXTENSIONS, evidence_check
from .models import ItemState, Status


class ItemStateForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=Status.choices)
    not_applicable_reason = forms.CharField(
        label=_("Why not applicable"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Needed when the status is “not applicable”."),
    )
    owner = MemberChoiceField(
        label=_("Owner"),
        queryset=Membership.objects.none(),
        required=False,
        empty_label=_("(nobody yet)"),
        help_text=_("The member who sees to it; it appears under “My items”."),
    )
    due_date = DateField(
        label=_("Due date"),
        required=False,
    )
    notes = forms.CharField(
        label=_("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    evidence_link = forms.URLField(
        label=_("Evidence link"),
        required=False,
        max_length=500,
        assume_scheme="https",
        help_text=_(
            "A web address where the result can be found, e.g. a shared document."
        ),
    )

    def __init__(self, *args, partnership: Partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = members_who_may(
            partnership=partnership, perm="roadmaps.view"
        )

    @classmethod
    def for_state(cls, state: ItemState, data=None) -> ItemStateForm:
        initial = {
            "status": state.status,
            "not_applicable_reason": state.not_applicable_reason,
            "owner": state.owner_id,
            "due_date": state.due_date,
            "notes": state.notes,
            "evidence_link": state.evidence_link,
        }
        return cls(data, initial=initial, partnership=state.roadmap.partnership)


def evidence_help() -> str:
    return _("Accepted: %(types)s; at most %(limit)s.") % {
        "types": ", ".join(sorted(e.lstrip(".") for e in ALLOWED_EXTENSIONS)),
        "limit": filesizeformat(settings.ROADMAP_EVIDENCE_MAX_BYTES),
    }


class EvidenceForm(forms.Form):
    file = forms.FileField(label=_("File"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = evidence_help()
        self.fields["file"].widget.attrs["accept"] = ",".join(
            sorted(ALLOWED_EXTENSIONS)
        )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        evidence_check(upload)
        return upload
