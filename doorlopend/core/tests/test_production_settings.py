"""A production start refuses clearly: DEBUG on, or settings it cannot guess missing (all
named in one message); with SENTRY_DSN set the error reports start with the scrubber."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
PRODUCTION = {
    "DJANGO_ENV": "production",
    "SECRET_KEY": "x" * 60 + "-a-long-random-production-secret",
    "PUPIL_PSEUDONYM_KEY": "Hk3vQ9x_LmW2pZr7TnB5cYd8JfA0sGe4uKi6oXqVw1E",
    "PUPIL_DATA_KEYS": "q0vX4Tg9mB2LrZ8sWc7nHyK5pJd3fA6eUo1iVxQtR-M=",
    "ALLOWED_HOSTS": "doorlopend.example.org",
    "SITE_URL": "https://doorlopend.example.org",
}
SHOW = (
    "import django, sentry_sdk; django.setup(); "
    "from django.conf import settings as s; "
    "print(s.LOG_FORMAT, s.ACCESS_LOG, sentry_sdk.get_client().is_active(), "
    "sentry_sdk.get_client().options['send_default_pii'], "
    "sentry_sdk.get_client().options['before_send'].__name__)"
)


def _python(code: str, **env: str) -> subprocess.CompletedProcess:
    keep = {k: v for k, v in os.environ.items() if k not in PRODUCTION}
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=keep | {"DJANGO_SETTINGS_MODULE": "config.settings"} | env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_missing_settings_are_named_together():
    env = PRODUCTION | {"ALLOWED_HOSTS": "", "SITE_URL": ""}
    result = _python("import django; django.setup()", **env)
    assert result.returncode != 0
    assert (
        "needs these set in the environment: ALLOWED_HOSTS, SITE_URL" in result.stderr
    )


def test_debug_on_in_production_is_refused():
    result = _python("import django; django.setup()", **PRODUCTION, DEBUG="true")
    assert result.returncode != 0
    assert "DEBUG must be off" in result.stderr


def test_production_logs_json_and_reports_errors_scrubbed_when_a_dsn_is_set():
    result = _python(SHOW, **PRODUCTION, SENTRY_DSN="https://key@127.0.0.1:9/1")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["json", "True", "True", "False", "scrub_event"]
