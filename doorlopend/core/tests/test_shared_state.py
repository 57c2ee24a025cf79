"""Production settings keep nothing in one process that another app server needs.

Behind a load balancer every request may reach another process: sessions, login lockouts
(django-axes), rate limits (django-ratelimit) and cached results must live in PostgreSQL
or Redis. The settings are loaded afresh in a child process with production's
environment, as an app server would load them.
"""

import json
import os
import subprocess
import sys

import pytest
from cryptography.fernet import Fernet
from django.conf import settings

SHARED_SESSION_ENGINES = {
    "django.contrib.sessions.backends.db",
    "django.contrib.sessions.backends.cached_db",
}
SHOW = """
import json
from config import settings as s
print(json.dumps({"cache": s.CACHES["default"]["BACKEND"],
                  "prefix": s.CACHES["default"].get("KEY_PREFIX", ""),
                  "sessions": s.SESSION_ENGINE,
                  "axes": getattr(s, "AXES_HANDLER", "axes.handlers.database.AxesDatabaseHandler"),
                  "ratelimit": getattr(s, "RATELIMIT_USE_CACHE", "default")}))
"""


def _production(cache_url: str | None) -> subprocess.CompletedProcess:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"CACHE_URL", "DJANGO_ENV", "SESSION_ENGINE"}
    }
    env |= {
        "DJANGO_ENV": "production",
        "SECRET_KEY": "a-real-secret-for-this-test-only-" + "x" * 20,
        "PUPIL_PSEUDONYM_KEY": "a-real-pseudonym-key-for-this-test",
        "PUPIL_DATA_KEYS": Fernet.generate_key().decode(),
        "ALLOWED_HOSTS": "doorlopend.example",
        "SITE_URL": "https://doorlopend.example",
    }
    if cache_url is not None:
        env["CACHE_URL"] = cache_url
    return subprocess.run(  # noqa: S603 - this interpreter, our own settings
        [sys.executable, "-c", SHOW],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize(
    ("cache_url", "backend"),
    [
        (None, "django.core.cache.backends.db.DatabaseCache"),
        ("redis://127.0.0.1:6379/5", "django.core.cache.backends.redis.RedisCache"),
    ],
)
def test_production_shares_sessions_lockouts_limits_and_cache(cache_url, backend):
    done = _production(cache_url)
    assert done.returncode == 0, done.stderr
    shown = json.loads(done.stdout)
    assert shown["cache"] == backend
    assert shown["cache"] not in settings.PROCESS_LOCAL_CACHES
    assert shown["sessions"] in SHARED_SESSION_ENGINES
    # Lockouts in the database; rate limits in the (shared) default cache.
    assert shown["axes"] == "axes.handlers.database.AxesDatabaseHandler"
    assert shown["ratelimit"] == "default"


@pytest.mark.parametrize(
    "cache_url", ["locmemcache://", "dummycache://", "filecache:///tmp/c"]
)
def test_production_refuses_a_process_local_cache(cache_url):
    done = _production(cache_url)
    assert done.returncode != 0
    assert "a cache shared by every app server" in done.stderr


def test_the_refused_list_names_every_process_local_backend():
    # Each of these keeps its entries where a second app server cannot see them.
    assert {
        "django.core.cache.backends.locmem.LocMemCache",
        "django.core.cache.backends.dummy.DummyCache",
        "django.core.cache.backends.filebased.FileBasedCache",
    } == settings.PROCESS_LOCAL_CACHES


def test_a_key_prefix_in_cache_url_is_used():
    # Two sites sharing one Redis keep apart by prefix; django-environ would lose it.
    done = _production("redis://127.0.0.1:6379/5?key_prefix=school-a")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["prefix"] == "school-a"
