"""System checks: the anonymity threshold of figures may be raised, never set below 3; the
pupil keys are strong (see `key_strength` for the measure)."""

from django.conf import settings
from django.core.checks import Error, register

from .key_strength import data_key_problem, pseudonym_key_problem

_KEYS_HINT = "See README.md, 'Pupil keys': how to generate and rotate them."


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


def _pupil_key_errors() -> list[Error]:
    dev_keys = tuple(getattr(settings, "PUPIL_DEV_KEYS", ()))
    errors = []
    problem = pseudonym_key_problem(settings.PUPIL_PSEUDONYM_KEY, dev_keys=dev_keys)
    if problem:
        errors.append(
            Error(
                f"PUPIL_PSEUDONYM_KEY is not at least 32 random bytes: {problem}.",
                hint='Generate one with: python -c "import secrets; '
                'print(secrets.token_urlsafe(32))". ' + _KEYS_HINT,
                id="transitions.E003",
            )
        )
    keys = settings.PUPIL_DATA_KEYS or [""]
    for number, key in enumerate(keys, 1):
        if problem := data_key_problem(key, dev_keys=dev_keys):
            errors.append(
                Error(
                    f"PUPIL_DATA_KEYS key {number} of {len(keys)} is not fit: {problem}.",
                    hint='Generate one with: python -c "from cryptography.fernet import '
                    'Fernet; print(Fernet.generate_key().decode())". ' + _KEYS_HINT,
                    id="transitions.E004",
                )
            )
    return errors


@register()
def pupil_keys_check(app_configs, **kwargs):
    """In production every command that runs the checks (migrate, check) refuses weak keys."""
    return _pupil_key_errors() if settings.PRODUCTION else []


@register(deploy=True)
def pupil_keys_deploy_check(app_configs, **kwargs):
    """`check --deploy` refuses them anywhere; in production the check above already ran."""
    return [] if settings.PRODUCTION else _pupil_key_errors()
