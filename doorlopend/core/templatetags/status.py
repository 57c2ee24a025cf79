"""Status badges: `{% status_of obj "status" %}` and `{% status_badge kind value label %}`.

Templates never choose a badge's colour: core.status says which tone a status has, and
each badge shows its words and a sign as well as the colour.
"""

from django import template
from django.utils.html import format_html

from doorlopend.core.status import SIGNS, tone

register = template.Library()


@register.simple_tag
def status_badge(kind: str, value: object, label: str) -> str:
    """The badge of `value` of status `kind`, saying `label`."""
    shade = tone(kind, value)
    return format_html(
        '<span class="status-badge tone-{}"><span class="status-sign" '
        'aria-hidden="true">{}</span> {}</span>',
        shade,
        SIGNS[shade],
        label,
    )


@register.simple_tag
def status_of(obj, field: str = "status") -> str:
    """The badge of a model's choice field, in the field's own words."""
    kind = f"{obj._meta.label}.{field}"
    label = getattr(obj, f"get_{field}_display")()
    return status_badge(kind, getattr(obj, field), label)


@register.simple_tag
def status_tone(kind: str, value: object) -> str:
    """Only the tone, for a badge that draws its own sign (the roadmap matrix)."""
    return tone(kind, value)
