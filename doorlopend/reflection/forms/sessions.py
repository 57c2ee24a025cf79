from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from doorlopend.core.forms import DateField
from doorlopend.instruments.models import InstrumentVersion
from doorlopend.partnerships.models import Partnership
from doorlopend.routes.models import Leerroute

from ..choices import Mode


class SessionForm(forms.Form):
    instrument = forms.ModelChoiceField(
        label=_("Instrument"),
        queryset=InstrumentVersion.objects.none(),
        empty_label=None,
        help_text=_(
            "The questions participants score. A later session of the same instrument shows the trend."
        ),
    )
    mode = forms.ChoiceField(
        label=_("How will the group use the questions?"),
        choices=Mode.choices,
        initial=Mode.SCOREN,
        required=False,  # left out: everyone scores, as before there was a choice
        widget=forms.RadioSelect,
        help_text=_(
            "In an open conversation the phones and the beamer show the questions as a "
            "guide, without scores or results. This cannot change later."
        ),
    )
    title = forms.CharField(label=_("Title"), max_length=200)
    date = DateField(
        label=_("Date"),
    )
    leerroute = forms.ModelChoiceField(
        label=_("Leerroute it concerns (optional)"),
        queryset=Leerroute.objects.none(),
        required=False,
        empty_label=_("(none)"),
        help_text=_("The doorlopende leerroute this session is about, if any."),
        error_messages={"invalid_choice": _("Choose a leerroute of this partnership.")},
    )

    def clean_mode(self) -> str:
        return self.cleaned_data.get("mode") or Mode.SCOREN

    def __init__(
        self, *args, partnership: Partnership, editing: bool = False, **kwargs
    ):
        super().__init__(*args, **kwargs)
        # Only this partnership's routes: another one's id is not a valid choice.
        self.fields["leerroute"].queryset = Leerroute.objects.filter(
            partnership=partnership
        ).order_by("name")
        latest = InstrumentVersion.objects.sessionable().latest_per_key()
        self.fields["instrument"].queryset = InstrumentVersion.objects.filter(
            pk__in=[v.pk for v in latest]
        ).order_by("title")
        if latest and not self.is_bound:
            self.fields["instrument"].initial = next(
                (v.pk for v in latest if v.key == "reflectietool"), latest[0].pk
            )
            self.fields["date"].initial = timezone.localdate()
        if editing:
            # The instrument of a session never changes: its answers belong to those questions.
            del self.fields["instrument"]
            del self.fields["mode"]
