"""The demo's covenant: five parties, two signed; loading twice adds nothing."""

import pytest
from django_scopes import scopes_disabled

from doorlopend.accounts.models import User
from doorlopend.core.demo import DemoContext
from doorlopend.core.testing.rows import added_rows, row_counts
from doorlopend.partnerships.demo import PERSON_NAMES, demo_email
from doorlopend.partnerships.models import Partnership

from .. import demo
from ..models import Covenant, CovenantParty

pytestmark = pytest.mark.django_db


def test_demo_covenant_has_five_parties_two_signed_and_loads_once(loaded_demo):
    with scopes_disabled():
        partnership = Partnership.objects.get(slug="rivierenland")
        covenant = Covenant.objects.get(partnership=partnership)
        parties = CovenantParty.objects.filter(covenant=covenant)
        assert parties.count() == 5
        assert parties.filter(signed_on__isnull=False).count() == 2
        assert parties.filter(organisation__kind="gemeente").exists()
        assert covenant.funding_sources.exists()
        people = {
            role: User.objects.get(email=demo_email(role)) for role in PERSON_NAMES
        }
        before = row_counts()
        demo.load_demo(DemoContext(partnership=partnership, people=people))
        assert added_rows(before, row_counts()) == {}
