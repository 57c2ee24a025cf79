from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from doorlopend.core.forms import DateField
from doorlopend.partnerships.models import Organisation


class ScanStartForm(forms.Form):
    school = forms.ModelChoiceField(
        label=_("School"),
        queryset=Organisation.objects.none(),
        empty_label=None,
        error_messages={"invalid_choice": _("Choose a school whose scan you run.")},
    )
    date = DateField(label=_("Date"))

    def __init__(self, *args, schools: list[Organisation], **kwargs):
        super().__init__(*args, **kwargs)
        # Only the schools the member runs scans for: another school is no choice.
        self.fields["school"].queryset = Organisation.objects.filter(
            pk__in=[s.pk for s in schools]
        ).order_by("name")
        if not self.is_bound:
            self.fields["date"].initial = timezone.localdate()
