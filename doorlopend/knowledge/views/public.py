"""The public page of a practice and the Atom feed of public practices: no login.

Only what the coördinator opted in per practice, and never a person: no contact name or
e-mail (not even a consented one), no attachments (a file may name people), no
inspiration marks of other partnerships. The pages are the same for every visitor, so
they say so to caches (`Cache-Control: public`); the header and footer carry no user,
no form and no CSRF token.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from doorlopend.core.public import public_page
from doorlopend.programme.elements import element_choices_of

from .. import selectors

PUBLIC_MAX_AGE = 15 * 60  # a quarter of an hour: a change of opt-in reaches caches soon
FEED_SIZE = 30


@public_page
@require_safe
@cache_control(public=True, max_age=PUBLIC_MAX_AGE)
def public_practice(request: HttpRequest, practice_id: int) -> HttpResponse:
    practice = selectors.public_practice(practice_id=practice_id)
    if practice is None:
        raise Http404
    titles = dict(element_choices_of(practice))
    practice.element_items = [(k, titles.get(k, k)) for k in practice.elements]
    # Public pages are in the site's language, the same for everyone (cacheable).
    with translation.override(settings.LANGUAGE_CODE):
        response = render(
            request,
            "knowledge/public/practice.html",
            {"practice": practice},
        )
    return response


class PublicPracticesFeed(Feed):
    """New public practices as Atom, for a website or a newsletter."""

    feed_type = Atom1Feed
    title = gettext_lazy("Good practices LOB — Doorlopend")
    subtitle = gettext_lazy(
        "Good practices in LOB and doorstroom that partnerships share publicly."
    )

    def __call__(self, request, *args, **kwargs):
        with translation.override(settings.LANGUAGE_CODE):
            response = super().__call__(request, *args, **kwargs)
        response["Cache-Control"] = f"public, max-age={PUBLIC_MAX_AGE}"
        return response

    def link(self) -> str:
        return reverse("knowledge_public:feed")

    def items(self):
        return selectors.public_practices()[:FEED_SIZE]

    def item_title(self, item) -> str:
        return item.title

    def item_description(self, item) -> str:
        return item.description

    def item_link(self, item) -> str:
        return reverse("knowledge_public:practice", args=[item.pk])

    def item_pubdate(self, item):
        return item.public_since

    def item_updateddate(self, item):
        return item.updated_at

    def item_author_name(self, item) -> str:
        # The partnership, never a person.
        return item.partnership.name

    def item_categories(self, item) -> list[str]:
        region = item.partnership.region
        return [region.name] if region else []


_feed = PublicPracticesFeed()


@public_page
@require_safe
def public_feed(request: HttpRequest) -> HttpResponse:
    return _feed(request)
