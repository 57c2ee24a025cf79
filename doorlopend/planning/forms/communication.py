"""The form of a line of the communication plan, and the audience filter."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from doorlopend.core.forms import DateField
from doorlopend.partnerships.forms import MemberChoiceField
from doorlopend.partnerships.models import Membership, Partnership

from ..models import CommunicationItem
from ..selectors.tasks import owners


class CommunicationItemForm(forms.Form):
    audience = forms.ChoiceField(
        label=_("Audience"),
        choices=[("", "---------"), *CommunicationItem.Audience.choices],
        help_text=_("Who needs to hear it."),
    )
    message = forms.CharField(
        label=_("Message"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What they need to know or do, in one or two sentences."),
    )
    channel = forms.CharField(
        label=_("Channel"),
        max_length=200,
        help_text=_(
            "How it reaches them: newsletter, parents' evening, website, team meeting…"
        ),
    )
    moment = DateField(
        label=_("Moment"),
        help_text=_("When it goes out (or the first day of the period)."),
    )
    owner = MemberChoiceField(
        label=_("Owner"),
        queryset=Membership.objects.none(),
        required=False,
        help_text=_("The member who takes care of it."),
    )
    status = forms.ChoiceField(
        label=_("Status"),
        choices=CommunicationItem.Status.choices,
        initial=CommunicationItem.Status.PLANNED,
    )

    def __init__(
        self,
        *args,
        partnership: Partnership,
        item: CommunicationItem | None = None,
        **kwargs,
    ):
        if item is not None and not kwargs.get("initial"):
            kwargs["initial"] = {
                "audience": item.audience,
                "message": item.message,
                "channel": item.channel,
                "moment": item.moment,
                "owner": item.owner_id,
                "status": item.status,
            }
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = owners(partnership=partnership)


class AudienceFilterForm(forms.Form):
    audience = forms.ChoiceField(
        label=_("Audience"),
        required=False,
        choices=[("", _("All audiences")), *CommunicationItem.Audience.choices],
    )
    view = forms.ChoiceField(
        label=_("Show"),
        required=False,
        choices=[("list", _("as a list by moment")), ("audience", _("per audience"))],
    )
