"""Two API keys on the demo partnership (after `load_demo`), printed as shell variables.

For trying the API and for the schemathesis step of CI: a key of the coördinator with
every partnership scope, and a key of the decaan for their school with every school
scope. The tokens are printed once, like the keys page shows them.
"""

from __future__ import annotations

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from doorlopend.partnerships.demo import DEMO_SLUG, demo_email
from doorlopend.partnerships.models import Membership
from doorlopend.partnerships.roles import Role
from doorlopend.transitions.access import WRITE_PERM, schools_where

from ...scopes import SCOPES
from ...services import token_create


class Command(BaseCommand):
    help = "Make a coördinator's and a decaan's API key on the demo partnership."

    def handle(self, *args, **options) -> None:
        # The command acts for two named demo people, before any scope exists.
        with scopes_disabled():
            members = {
                role: Membership.objects.filter(
                    partnership__slug=DEMO_SLUG, user__email=demo_email(role)
                )
                .select_related("partnership", "user")
                .prefetch_related("roles__organisation")
                .first()
                for role in (Role.COORDINATOR, Role.DECAAN)
            }
        if None in members.values():
            raise CommandError("Run `manage.py load_demo` first.")
        coordinator, decaan = members[Role.COORDINATOR], members[Role.DECAAN]
        until = timezone.localdate() + datetime.timedelta(days=30)
        school = schools_where(decaan, WRITE_PERM)[0]
        with scope(partnership=coordinator.partnership):
            _key, partnership_token = token_create(
                by=coordinator,
                name="demo dashboard",
                scopes=[k for k, s in SCOPES.items() if not s.school],
                expires_on=until,
            )
            _key, school_token = token_create(
                by=decaan,
                name="demo leerlingvolgsysteem",
                scopes=[k for k, s in SCOPES.items() if s.school],
                expires_on=until,
                school=school,
            )
        self.stdout.write(f"API_SLUG={DEMO_SLUG}")
        self.stdout.write(f"API_SCHOOL={school.pk}")
        self.stdout.write(f"API_PARTNERSHIP_TOKEN={partnership_token}")
        self.stdout.write(f"API_SCHOOL_TOKEN={school_token}")
