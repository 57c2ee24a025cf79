"""The field "Of the plan of" on the forms of goals, activities and budget lines.

Shown only where the member may choose: the coördinator chooses the partnership or any
school; a portefeuillehouder or decaan of one school gets that school, preset and
hidden; of several schools, chooses among those. The service checks it again.
"""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from doorlopend.partnerships.models import Membership, Organisation, Partnership

from ..selectors.plan_schools import schools_of, schools_to_keep


def school_field() -> forms.ModelChoiceField:
    return forms.ModelChoiceField(
        label=_("Of the plan of"),
        queryset=Organisation.objects.none(),
        required=False,
        empty_label=_("The partnership as a whole"),
        help_text=_("The partnership's plan, or one school's own LOB plan."),
        error_messages={
            "required": _("Choose the school whose LOB plan this belongs to."),
            "invalid_choice": _("Choose a school whose LOB plan you keep."),
        },
    )


def setup_school_field(
    form: forms.Form,
    *,
    partnership: Partnership,
    membership: Membership | None,
    preset: Organisation | None = None,
) -> None:
    """Narrow the form's `school` field to what `membership` may choose (one query);
    `preset` (a school's plan page asked for it) is chosen when allowed. Without a
    membership the field goes: the row keeps its school."""
    if "school" not in form.fields:
        return
    if membership is None:
        del form.fields["school"]
        return
    field = form.fields["school"]
    schools = schools_to_keep(partnership=partnership, membership=membership)
    may_partnership = membership.has_perm("planning.manage")
    field.queryset = schools_of(partnership=partnership).filter(
        pk__in=[s.pk for s in schools]
    )
    field.required = not may_partnership
    if not may_partnership:
        field.empty_label = None
    if preset is not None and preset in schools and not form.is_bound:
        form.initial["school"] = preset.pk
    if not may_partnership and len(schools) == 1:
        form.initial["school"] = schools[0].pk
        field.widget = forms.HiddenInput()
        form.only_school = schools[0]  # named above the form instead
    form.school_choice_shown = not isinstance(field.widget, forms.HiddenInput)
