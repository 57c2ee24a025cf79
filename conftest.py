"""Fixtures shared by every app's tests: two partnerships and a client per role."""

from collections.abc import Callable
from contextlib import nullcontext
from pathlib import Path

import pytest
from django.test import Client
from django.utils import translation
from django_scopes import scopes_disabled

from doorlopend.accounts.tests.factories import UserFactory
from doorlopend.core.testing import demo_copy
from doorlopend.partnerships.models import Membership, Partnership
from doorlopend.partnerships.roles import ROLES_WITH_SCHOOL
from doorlopend.partnerships.tests.factories import (
    MembershipFactory,
    PartnershipFactory,
    RoleAssignmentFactory,
    SchoolFactory,
)


@pytest.fixture(scope="session")
def django_db_modify_db_settings(request, django_db_modify_db_settings_parallel_suffix):
    """With --reuse-db (`make test-fast`) SQLite's test database lives in a file under var/,
    one per xdist worker, so the next run skips the migrations: Django's default for SQLite
    is a database in memory, which dies with the process. Runs without --reuse-db (CI, plain
    pytest) keep the faster in-memory database."""
    from django.conf import settings

    database = settings.DATABASES["default"]
    if not request.config.getvalue("reuse_db") or database["ENGINE"] != (
        "django.db.backends.sqlite3"
    ):
        return
    worker = getattr(request.config, "workerinput", {}).get("workerid", "main")
    folder = Path(settings.BASE_DIR) / "var"
    folder.mkdir(exist_ok=True)
    database.setdefault("TEST", {})["NAME"] = str(
        folder / f"test_{Path(database['NAME']).stem}_{worker}.sqlite3"
    )


@pytest.fixture(scope="session")
def _migrated_template(request):
    """While pytest-django creates a test database in memory, `migrate` starts it from a
    migrated template in var/ when one matches the migrations (core/testing/template_db.py)."""
    from django.conf import settings

    from doorlopend.core.testing import template_db

    if request.config.getvalue("reuse_db") or not template_db.applies(
        settings.DATABASES["default"]
    ):
        return nullcontext()
    return template_db.migrate_from_template()


@pytest.fixture(scope="session")
def _schema_from_models(request):
    """While pytest-django creates a test database, its tables come from the models, not
    from every migration in turn (core/testing/schema_from_models.py); not with --reuse-db."""
    from doorlopend.core.testing import schema_from_models

    if request.config.getvalue("reuse_db"):
        return nullcontext()
    return schema_from_models.migrate_from_models()


@pytest.fixture(scope="session")
def django_db_setup(request, _schema_from_models, _migrated_template):
    """pytest-django's database set-up (the fixture this one overrides), with the tables
    from the models and the template; every later `migrate` in the session is the real
    command again."""
    with _schema_from_models, _migrated_template:
        request.getfixturevalue("django_db_setup")


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings) -> None:
    """Hash test users' passwords with MD5: PBKDF2's ~0.5 s per user added minutes to the
    suite and tests nothing of ours (production keeps Django's default hashers)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _site_language_after_each_test():
    """Each test starts in the site's language: a request or a worker run in one test
    leaves its language active in the thread, and the next test would read English."""
    yield
    translation.deactivate()


@pytest.fixture
def loaded_demo(db) -> None:
    """The demo (`manage.py load_demo`): run once per test process, then copied into each
    test that asks, in the test's own transaction (core/testing/demo_copy.py)."""
    demo_copy.load_demo()


@pytest.fixture
def partnership(db) -> Partnership:
    return PartnershipFactory(
        name="Samenwerkingsverband Rivierenland", slug="rivierenland"
    )


@pytest.fixture
def other_partnership(db) -> Partnership:
    """A second tenant whose name must never appear in the first one's pages."""
    return PartnershipFactory(
        name="Regionaal Verband Zeeuwse Delta", slug="zeeuwse-delta"
    )


@pytest.fixture
def member_of(db) -> Callable:
    """member_of(partnership, role) → a user holding `role` there (with a school where the role needs one)."""

    def make(
        partnership: Partnership,
        role: str = "coordinator",
        user=None,
        organisation=None,
    ):
        user = user or UserFactory()
        with scopes_disabled():
            membership = Membership.objects.filter(
                partnership=partnership, user=user
            ).first()
        membership = membership or MembershipFactory(partnership=partnership, user=user)
        if role in ROLES_WITH_SCHOOL and organisation is None:
            organisation = SchoolFactory(partnership=partnership)
        RoleAssignmentFactory(
            membership=membership, role=role, organisation=organisation
        )
        return user

    return make


@pytest.fixture
def client_for(partnership, member_of) -> Callable[..., Client]:
    """client_for("decaan") → a logged-in test client of a member with that role."""

    def make(
        role: str = "coordinator", partnership: Partnership = partnership, user=None
    ) -> Client:
        client = Client()
        client.force_login(member_of(partnership, role, user=user))
        return client

    return make


@pytest.fixture
def mail_worker(settings):
    """The worker sends at once: notification e-mails land in Django's outbox when the
    task runs (after the transaction commits: use django_capture_on_commit_callbacks)."""
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}
    }
    settings.SITE_URL = "https://doorlopend.example.org"
