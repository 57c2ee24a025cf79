"""The tenancy sweep: every URL of the project, found automatically, against outsiders.

Partnership A is filled with one object of every kind its URLs name (`tenancy_world`).
Each URL is then requested (GET and POST) by a member of partnership B and by an
anonymous visitor. Under /p/ the answer must be 404 (member of B) or a redirect to log
in (anonymous), and no page may show A's name. A new URL is covered the day it is added;
one that needs a kwarg this test cannot fill fails here until `populate()` learns it.
The sweeps with B's own slug and A's ids are in test_tenancy_foreign_*.py.
"""

from collections.abc import Callable, Iterator

import pytest

from doorlopend.core.urlwalk import all_routes

from .tenancy_world import partnership_routes

# URLs anyone may open without logging in (by name). Everything else must ask to log in.
PUBLIC = {
    "accounts:login",
    "accounts:logout",
    "accounts:password_reset",
    "accounts:password_reset_done",
    "accounts:password_reset_confirm",
    "accounts:password_reset_complete",
    "invitations:accept",
    "set_language",
    "core:health",
    "core:alive",
    # Participants of a reflection session have no account: the join code is the key.
    "participate:enter",
    "participate:join",
    "participate:theme",
    "participate:answer",
    "participate:open_answer",
    "participate:done",
    "participate:report_address",
    # Good practices a coördinator opted into a public page, and their feed.
    "knowledge_public:practice",
    "knowledge_public:feed",
    # A partnership's public progress page (opt-in): the unguessable link is the key.
    "national_public:progress",
    # A member's calendar feed: the private token in the address is the key.
    "planning_feed:feed",
    # A pupil's (or parent's) doorstroomdossier: the personal link's token is the key.
    "dossier_pupil:home",
    "dossier_pupil:part_a_save",
    "dossier_pupil:approve",
    "dossier_pupil:consent",
    "dossier_pupil:invite_parent",
    "dossier_pupil:dossier_pdf",
    # The unsubscribe link of an e-mail: the signed token in the address is the key.
    "accounts:unsubscribe",
    # The API for school systems and its docs: a key in the Authorization header gets
    # in, never a session; without one every operation answers 401 (problem details).
    "api:api-root",
    "api:openapi-json",
    "api:openapi-view",
    "api:leavers_send",
    "api:statuses_send",
    "api:signals_list",
    "api:figures_get",
    "api:progress_get",
    "api:reflection_sessions",
    "api:reflection_results",
}


@pytest.fixture
def foreign_objects(world) -> dict[str, object]:
    """One object of each kind in partnership A, keyed by the URL kwarg that names it."""
    return {
        **world.values,
        # A participant's code: a real one of A must not lead a logged-in outsider into A's
        # staff pages, and "code" pages are public by design (see PUBLIC).
        "code": "QQQQQQ",
        # Kwargs outside partnerships: values that exist nowhere are fine for the sweep.
        "token": "not-a-real-token",
        "uidb64": "MQ",
        "job_id": 1,
    }


KWARG_HELP = "Teach the sweep this URL kwarg: add it to populate() in tenancy_world.py"


def _requests(client, url: str) -> Iterator[tuple[str, object]]:
    yield "GET", client.get(url)
    yield "POST", client.post(url, {})


@pytest.mark.django_db
def test_every_url_is_known_to_the_sweep(foreign_objects):
    """Every kwarg in every URL can be filled; else the sweep would silently skip a URL."""
    missing = {
        (r.name, kw)
        for r in all_routes()
        for kw in r.kwargs
        if kw not in foreign_objects
    }
    assert not missing, f"{KWARG_HELP}: {sorted(missing)}"


@pytest.mark.django_db
def test_partnership_urls_are_404_for_members_of_another_partnership(
    foreign_objects, partnership, other_partnership, client_for: Callable
):
    outsider = client_for("coordinator", partnership=other_partnership)
    swept = 0
    for route in partnership_routes():
        url, name = route.fill(foreign_objects), route.name
        for method, response in _requests(outsider, url):
            assert response.status_code == 404, (
                f"{method} {url} ({name}) → {response.status_code}, want 404"
            )
            assert partnership.name not in response.content.decode(), (
                f"{method} {url} shows partnership A"
            )
        swept += 1
    # Every /p/ route the resolver knows, not "some": a skipped route fails here.
    assert swept == len(partnership_routes())


@pytest.mark.django_db
def test_other_urls_never_show_another_partnership(
    foreign_objects, partnership, other_partnership, client_for
):
    outsider = client_for("coordinator", partnership=other_partnership)
    for route in all_routes():
        if route.in_partnership:
            continue
        url, name = route.fill(foreign_objects), route.name
        for method, response in _requests(outsider, url):
            assert response.status_code < 500, (
                f"{method} {url} ({name}) → {response.status_code}"
            )
            body = response.content.decode(errors="replace")
            assert partnership.name not in body, (
                f"{method} {url} ({name}) shows partnership A"
            )
            assert "Vestiging Geheimhouden" not in body, (
                f"{method} {url} ({name}) shows an organisation of A"
            )


@pytest.mark.django_db
def test_anonymous_visitors_must_log_in(foreign_objects, partnership, client):
    for route in all_routes():
        url, name = route.fill(foreign_objects), route.name
        for method, response in _requests(client, url):
            body = response.content.decode(errors="replace")
            assert partnership.name not in body, (
                f"{method} {url} ({name}) shows partnership A to anyone"
            )
            if name in PUBLIC:
                assert response.status_code < 500, (
                    f"{method} {url} ({name}) → {response.status_code}"
                )
                continue
            assert response.status_code == 302, (
                f"{method} {url} ({name}) → {response.status_code}, want login"
            )
            assert response["Location"].startswith("/accounts/login/"), (
                f"{method} {url} ({name})"
            )
