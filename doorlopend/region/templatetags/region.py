"""The height of a region chart, so that its `<img>` reserves the space the SVG takes."""

from django import template

from .. import charts

register = template.Library()


@register.simple_tag
def chart_height(name: str, answer) -> int:
    return charts.height(name, answer)
