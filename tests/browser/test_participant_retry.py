"""A phone whose answer does not arrive sends it again by itself (participate.js).

Behind a load balancer a server may die mid-request; the next request reaches another.
The first send of an answer fails at the network, the second gets a 503, the third
arrives: without a tap the question ends up saved, and the database holds the answer once.
"""

import re
from datetime import date

import pytest
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled
from playwright.sync_api import expect

from doorlopend.instruments.models import InstrumentVersion
from doorlopend.partnerships.tests.factories import RoleAssignmentFactory
from doorlopend.reflection import services
from doorlopend.reflection.models import Answer

from .test_reflection_flow import join

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def open_session():
    with scopes_disabled():  # set-up data, as the factories make it
        role = RoleAssignmentFactory(role="coordinator")
        instrument = InstrumentVersion.objects.filter(key="reflectietool").latest(
            "version"
        )
        session = services.session_create(
            partnership=role.membership.partnership,
            instrument=instrument,
            title="LOB-dag",
            date=date.today(),
            by=role.membership,
        )
        services.session_open(session=session)
    return session


def test_a_lost_answer_is_sent_again_until_it_arrives(
    open_session, live_server, new_context, browser_errors
):
    sends = []

    def flaky(route):
        sends.append(route.request.post_data)
        if len(sends) == 1:
            route.abort("connectionrefused")  # the server died
        elif len(sends) == 2:
            route.fulfill(status=503, body="")  # the balancer had no server at hand
        else:
            route.continue_()

    context = new_context()
    context.set_default_timeout(60_000)  # waits for a busy server, not for the resends
    phone = join(context, live_server.url, open_session.join_code, "vo", "bestuur")
    phone.route(re.compile(r".*/antwoord/$"), flaky)
    question = phone.locator("fieldset.question").first
    question.locator("input[value='4']").check()

    expect(question.locator(".answer-status")).to_contain_text(
        _("Saved"), timeout=20_000
    )
    # The two failures were provoked (htmx logs its error events too): nothing else.
    provoked = ("/antwoord/", "htmx:sendError", "htmx:afterRequest")
    assert all(any(p in error for p in provoked) for error in browser_errors)
    browser_errors.clear()
    assert len(sends) == 3
    assert len(set(sends)) == 1  # the same answer each time
    with scopes_disabled():  # the test's own check
        answers = Answer.objects.filter(participant__session=open_session)
        assert list(answers.values_list("value", flat=True)) == [4]
