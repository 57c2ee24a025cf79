import signal

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client
from django.utils import translation

from doorlopend.accounts.models import User

_BACKEND = "django.contrib.auth.backends.ModelBackend"


@pytest.fixture(autouse=True)
def english():
    """Assertions read the English source strings; the site's default language is Dutch."""
    with translation.override("en"):
        yield


@pytest.fixture
def client(client: Client) -> Client:
    # The pages follow a chosen language (the switch's cookie), never the browser's.
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


@pytest.fixture
def staff_user(db) -> User:
    return User.objects.create_user(
        email="staff@example.org", password="correct horse battery", is_staff=True
    )


@pytest.fixture
def staff_client(client: Client, staff_user: User) -> Client:
    client.force_login(staff_user, backend=_BACKEND)
    return client


@pytest.fixture
def member_client(client: Client, db) -> Client:
    """Logged in, but not platform staff."""
    user = User.objects.create_user(
        email="member@example.org", password="correct horse battery"
    )
    client.force_login(user, backend=_BACKEND)
    return client


@pytest.fixture
def run_worker():
    """Run django-tasks' database worker in this process until the queue is empty."""
    signals = [
        s
        for s in (signal.SIGINT, signal.SIGTERM, getattr(signal, "SIGQUIT", None))
        if s is not None
    ]
    saved = {s: signal.getsignal(s) for s in signals}

    def run() -> None:
        call_command(
            "db_worker",
            "--batch",
            "--no-reload",
            "--no-startup-delay",
            "--interval",
            "0",
            verbosity=0,
        )

    yield run
    # The worker installs its own signal handlers; give pytest its Ctrl-C back.
    for s, handler in saved.items():
        signal.signal(s, handler)
