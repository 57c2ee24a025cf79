"""The titles of the OCW action lines a goal or activity serves, for its own page (one
query for the instrument; lists count them through their selectors instead)."""

from django import template

from ..action_lines import action_line_choices, with_titles

register = template.Library()


@register.simple_tag
def action_line_titles(keys) -> list[str]:
    return [title for _key, title in with_titles(keys or [], action_line_choices())]
