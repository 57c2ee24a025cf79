"""`{{ name|partnership_phrase }}`: "het samenwerkingsverband X", or "X" when X says it."""

from django import template

from doorlopend.partnerships.naming import partnership_phrase as phrase

register = template.Library()


@register.filter
def partnership_phrase(name) -> str:
    return phrase(str(name))
