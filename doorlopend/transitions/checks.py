"""System checks: the anonymity threshold of figures may be raised, never set below 3."""

from django.conf import settings
from django.core.checks import Error, register


@register()
def min_cell_check(app_configs, **kwargs):
    if settings.TRANSITIONS_MIN_CELL < 3:
        return [
            Error(
                "TRANSITIONS_MIN_CELL is below 3.",
                hint="Figures must never show fewer than 3 pupils; the default is 5.",
                id="transitions.E001",
            )
        ]
    return []


@register(deploy=True)
def site_url_check(app_configs, **kwargs):
    if not settings.SITE_URL:
        return [
            Error(
                "SITE_URL is not set.",
                hint="The daily digest e-mails link to the site; set SITE_URL to its address.",
                id="transitions.E002",
            )
        ]
    return []
