"""The system check on the pupil keys: 32 random bytes or more, never the development key."""

import base64
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography.fernet import Fernet
from django.core.checks import run_checks

ROOT = Path(__file__).resolve().parents[3]
DEV_PSEUDONYM_KEY = "dev-only-pupil-pseudonym-key"
DEV_DATA_KEY = "ZGV2LW9ubHktcHVwaWwtZGF0YS1rZXktMzItYnl0ZXM="


def _ids(*, deploy: bool = True) -> set[str]:
    return {m.id for m in run_checks(include_deployment_checks=deploy)}


@pytest.fixture
def good_keys(settings):
    settings.PUPIL_PSEUDONYM_KEY = secrets.token_urlsafe(32)
    settings.PUPIL_DATA_KEYS = [Fernet.generate_key().decode()]
    return settings


@pytest.mark.parametrize(
    "key",
    [
        "x",
        DEV_PSEUDONYM_KEY,
        "a-production-pseudonym-key",
        "a long passphrase that people would pick for a pupil key, 2026",
        secrets.token_urlsafe(16),  # random, but only 16 bytes
        "ab" * 32,  # hex of 32 bytes, all the same
        base64.b64encode(b"our-very-secret-pupil-key-2026!!").decode(),  # text
    ],
    ids=["one-char", "dev", "phrase", "passphrase", "16-bytes", "repeated", "text"],
)
def test_a_weak_pseudonym_key_fails_the_deploy_check(good_keys, key):
    good_keys.PUPIL_PSEUDONYM_KEY = key
    assert "transitions.E003" in _ids()


@pytest.mark.parametrize(
    "make",
    [
        lambda: secrets.token_urlsafe(32),  # base64url without padding
        lambda: base64.b64encode(os.urandom(32)).decode(),  # openssl rand -base64 32
        lambda: secrets.token_hex(32),  # openssl rand -hex 32
        lambda: secrets.token_urlsafe(64),
    ],
    ids=["base64url", "base64", "hex", "64-bytes"],
)
def test_a_random_pseudonym_key_of_32_bytes_passes(good_keys, make):
    good_keys.PUPIL_PSEUDONYM_KEY = make()
    assert not {"transitions.E003", "transitions.E004"} & _ids()


@pytest.mark.parametrize(
    "keys",
    [
        [DEV_DATA_KEY],
        [
            Fernet.generate_key().decode(),
            DEV_DATA_KEY,
        ],  # an old key may not be the dev one
        ["not-a-fernet-key"],
        [base64.urlsafe_b64encode(b"production-pupil-data-key-32byte").decode()],
        [base64.urlsafe_b64encode(bytes(32)).decode()],
    ],
    ids=["dev", "dev-as-old-key", "not-fernet", "text", "zeros"],
)
def test_a_weak_data_key_fails_the_deploy_check(good_keys, keys):
    good_keys.PUPIL_DATA_KEYS = keys
    assert "transitions.E004" in _ids()


def test_the_message_says_what_is_wrong_and_how_to_fix_it(good_keys):
    good_keys.PUPIL_PSEUDONYM_KEY = "x"
    (error,) = [
        m for m in run_checks(include_deployment_checks=True) if m.id.endswith("E003")
    ]
    assert "PUPIL_PSEUDONYM_KEY" in error.msg and "32" in error.msg
    assert "secrets.token_urlsafe(32)" in error.hint


def test_in_development_only_the_deploy_check_looks_at_the_keys(settings):
    settings.PUPIL_PSEUDONYM_KEY = DEV_PSEUDONYM_KEY
    settings.PRODUCTION = False
    assert "transitions.E003" not in _ids(deploy=False)
    settings.PRODUCTION = True
    assert "transitions.E003" in _ids(deploy=False)


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


def _production(pseudonym_key: str) -> dict[str, str]:
    return {
        "DJANGO_ENV": "production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "doorlopend.example.org",
        "PUPIL_PSEUDONYM_KEY": pseudonym_key,
        "PUPIL_DATA_KEYS": Fernet.generate_key().decode(),
        "SITE_URL": "https://doorlopend.example.org",
    }


def test_check_deploy_refuses_a_one_character_key():
    """That `check --deploy` accepts good random keys (the other half of this rule) is
    core/tests/test_security.py::test_production_settings_pass_the_deploy_check: the same
    command with random keys, at the stricter --fail-level WARNING. One Django process less."""
    weak = _manage("check", "--deploy", **_production("x"))
    assert weak.returncode != 0
    assert "PUPIL_PSEUDONYM_KEY" in weak.stderr
