import pytest


@pytest.fixture
def mail_worker(settings):
    """The worker sends at once: e-mails land in Django's outbox when the task runs."""
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}
    }
    settings.SITE_URL = "https://doorlopend.example.org"
