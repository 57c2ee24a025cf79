"""The demo practices: published, draft and public, across both demo partnerships."""

import io

import pytest
from django.core.management import call_command
from django_scopes import scopes_disabled

from doorlopend.partnerships.demo import DEMO_SLUG, OTHER_SLUG

from .. import selectors
from ..models import Inspiration, Practice

pytestmark = pytest.mark.django_db


def test_the_demo_has_published_draft_and_public_practices_once(loaded_demo):
    call_command("load_demo", stdout=io.StringIO())  # a second time: adds nothing
    with scopes_disabled():
        ours = Practice.objects.filter(partnership__slug=DEMO_SLUG)
        theirs = Practice.objects.filter(partnership__slug=OTHER_SLUG)
        assert ours.filter(status="published").count() == 2
        assert ours.filter(status="draft", source_activity__isnull=False).count() == 1
        assert theirs.filter(status="published").count() == 1
        assert theirs.filter(status="draft").count() == 1
        public = selectors.public_practices().get()
        assert public.partnership.slug == DEMO_SLUG
        assert Inspiration.objects.filter(practice=public).count() == 1
        other = theirs.first().partnership
        found = selectors.practices_published(
            partnership=other, filters=selectors.PracticeFilters(q="stages")
        )
        assert [p.title for p in found] == [public.title]
