"""Security headers, CSRF with htmx, and the production settings."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]


def test_pages_carry_a_strict_csp_and_refuse_framing(client):
    response = client.get(reverse("accounts:login"))
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert len(response["X-Request-ID"]) >= 8


def test_the_settled_policy_is_django_csps_and_follows_the_settings(client, settings):
    from csp.utils import build_policy

    login = reverse("accounts:login")
    assert client.get(login)["Content-Security-Policy"] == build_policy()
    settings.CONTENT_SECURITY_POLICY = {
        "DIRECTIVES": {"default-src": ["'self'"], "img-src": ["'self'", "data:"]}
    }
    assert client.get(login)["Content-Security-Policy"] == build_policy()
    assert "img-src 'self' data:" in build_policy()
    settings.CONTENT_SECURITY_POLICY_REPORT_ONLY = {
        "EXCLUDE_URL_PREFIXES": ["/accounts/"],
        "DIRECTIVES": {"default-src": ["'none'"]},
    }
    response = client.get(login)
    assert "Content-Security-Policy-Report-Only" not in response  # excluded prefix
    assert "Content-Security-Policy-Report-Only" in client.get("/livez")


def test_pages_have_no_inline_script(client_for, partnership):
    page = client_for().get(
        reverse("partnerships:dashboard", kwargs={"partnership_slug": partnership.slug})
    )
    html = page.content.decode()
    assert "<script>" not in html and " style=" not in html and "hx-on" not in html


def test_htmx_posts_need_the_csrf_header(member_of, partnership):
    from django.test import Client

    from doorlopend.partnerships.tests.factories import RegisterEntryFactory

    client = Client(enforce_csrf_checks=True)
    client.force_login(member_of(partnership, "coordinator"))
    page = client.get(
        reverse(
            "partnerships:register_search",
            kwargs={"partnership_slug": partnership.slug},
        )
    )
    token = str(page.context["csrf_token"])
    assert (
        f'"X-CSRFToken": "{token}"' in page.content.decode()
    )  # set once, on <body>, for htmx
    url = reverse(
        "partnerships:register_add",
        kwargs={
            "partnership_slug": partnership.slug,
            "entry_id": RegisterEntryFactory().pk,
        },
    )
    assert client.post(url, HTTP_HX_REQUEST="true").status_code == 403
    assert (
        client.post(url, HTTP_HX_REQUEST="true", HTTP_X_CSRFTOKEN=token).status_code
        == 200
    )


def test_request_id_from_the_proxy_is_kept_when_well_formed(client):
    assert (
        client.get("/", HTTP_X_REQUEST_ID="abc123def456")["X-Request-ID"]
        == "abc123def456"
    )
    assert client.get("/", HTTP_X_REQUEST_ID="<script>")["X-Request-ID"] != "<script>"


def _manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"} | env
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_settings_pass_the_deploy_check():
    result = _manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_ENV="production",
        SECRET_KEY="x" * 60 + "-a-long-random-production-secret",
        ALLOWED_HOSTS="doorlopend.example.org",
        # Random keys: the pupil-key check refuses phrases (transitions.E003/E004).
        PUPIL_PSEUDONYM_KEY="Hk3vQ9x_LmW2pZr7TnB5cYd8JfA0sGe4uKi6oXqVw1E",
        PUPIL_DATA_KEYS="q0vX4Tg9mB2LrZ8sWc7nHyK5pJd3fA6eUo1iVxQtR-M=",
        SITE_URL="https://doorlopend.example.org",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    result = _manage(
        "check",
        DJANGO_ENV="production",
        SECRET_KEY="",
        ALLOWED_HOSTS="doorlopend.example.org",
    )
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_refuses_to_start_without_the_pupil_data_keys():
    result = _manage(
        "check",
        DJANGO_ENV="production",
        SECRET_KEY="x" * 60 + "-a-long-random-production-secret",
        ALLOWED_HOSTS="doorlopend.example.org",
        PUPIL_PSEUDONYM_KEY="",
        PUPIL_DATA_KEYS="",
    )
    assert result.returncode != 0
    assert "PUPIL_PSEUDONYM_KEY" in result.stderr


def test_an_expired_form_explains_itself():
    from django.test import Client
    from django.utils.translation import gettext as _

    response = Client(enforce_csrf_checks=True).post(
        reverse("accounts:login"), {"username": "a@example.org"}
    )
    assert response.status_code == 403
    assert _("This form has expired") in response.content.decode()
