"""The texts of a part, with their labels, for the dossier's pages."""

from django import template

from ..choices import PART_FIELDS

register = template.Library()


@register.filter
def part_fields(dossier, part: str) -> list[tuple[str, str]]:
    """(label, text) of each field of `part`; empty when no dossier or nothing written."""
    if dossier is None or not dossier.version_of(part):
        return []
    return [
        (dossier._meta.get_field(f).verbose_name, getattr(dossier, f))
        for f in PART_FIELDS[part]
    ]
