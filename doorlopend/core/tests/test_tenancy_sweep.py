"""The tenancy sweep: every URL of the project, found automatically, against outsiders.

Partnership A is filled with one object of every kind its URLs name. Each URL is then
requested (GET and POST) by a member of partnership B and by an anonymous visitor. Under
/p/ the answer must be 404 (member of B) or a redirect to log in (anonymous), and no page
may show A's name. A new URL is covered the day it is added; one that needs a kwarg this
test cannot fill fails here until `KWARG_FACTORIES` learns it.
"""

from collections.abc import Callable, Iterator

import pytest
from django_scopes import scopes_disabled

from doorlopend.core.urlwalk import all_routes
from doorlopend.documents.models import GeneratedDocument
from doorlopend.partnerships.tests.factories import (
    InvitationFactory,
    OrganisationFactory,
    RegisterEntryFactory,
    RoleAssignmentFactory,
)
from doorlopend.planning.models import Milestone
from doorlopend.planning.tests.factories import (
    ActivityFactory,
    ActivityPersonFactory,
    BudgetLineFactory,
    ChangeAssignmentFactory,
    CommunicationItemFactory,
    FundingSourceFactory,
    GoalFactory,
    MeasurementFactory,
    TaskFactory,
)
from doorlopend.reflection.tests.factories import (
    ActionPointFactory,
    ReportFactory,
    SessionFactory,
)
from doorlopend.routes.tests.factories import ConsentFactory, LeerrouteFactory
from doorlopend.transitions.models import Signal, TransitionImport
from doorlopend.transitions.tests.factories import TransitionFactory

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
    # Participants of a reflection session have no account: the join code is the key.
    "participate:enter",
    "participate:join",
    "participate:theme",
    "participate:answer",
    "participate:done",
    # A member's calendar feed: the private token in the address is the key.
    "planning_feed:feed",
}


@pytest.fixture
def foreign_objects(partnership, member_of) -> dict[str, str]:
    """One object of each kind in partnership A, keyed by the URL kwarg that names it."""
    school = OrganisationFactory(
        partnership=partnership,
        name="Vestiging Geheimhouden",
        kind="vo",
        register_entry=RegisterEntryFactory(),
    )
    coordinator = member_of(partnership, "coordinator")
    with scopes_disabled():
        role = coordinator.memberships.get().roles.get()
    invitation = InvitationFactory(partnership=partnership)
    session = SessionFactory(partnership=partnership, title="Sessie Geheimhouden")
    action = ActionPointFactory(session=session)
    report = ReportFactory(session=session)
    RoleAssignmentFactory(
        membership=role.membership, role="decaan", organisation=school
    )
    transition = TransitionFactory(partnership=partnership, sending_organisation=school)
    signal = Signal.objects.create(
        partnership=partnership,
        transition=transition,
        kind="no_registration",
        raised_on=transition.pupil.created_at.date(),
    )
    upload = TransitionImport.objects.create(
        partnership=partnership,
        organisation=school,
        kind="leavers",
        cohort=2026,
        original_filename="leerlingen-geheimhouden.csv",
        content_hash="0" * 64,
    )
    route = LeerrouteFactory(partnership=partnership, name="Leerroute Geheimhouden")
    consent = ConsentFactory(route=route)
    with scopes_disabled():
        party = route.parties.first()
        roadmap = route.step_plan
        state = roadmap.states.first()
        document = GeneratedDocument.objects.create(
            partnership=partnership, route=route, kind="projectplan", status="done"
        )
    goal = GoalFactory(partnership=partnership, title="Doel Geheimhouden")
    activity = ActivityFactory(partnership=partnership, title="Activiteit Geheimhouden")
    source = FundingSourceFactory(partnership=partnership, name="Bron Geheimhouden")
    assignment = ChangeAssignmentFactory(partnership=partnership, organisation=school)
    with scopes_disabled():
        milestone = Milestone.objects.create(
            assignment=assignment, title="Mijlpaal Geheimhouden", date="2027-01-01"
        )
    plan = {
        "goal_id": goal.pk,
        "measurement_id": MeasurementFactory(goal=goal).pk,
        "activity_id": activity.pk,
        "person_id": ActivityPersonFactory(activity=activity).pk,
        "source_id": source.pk,
        "line_id": BudgetLineFactory(source=source).pk,
        "task_id": TaskFactory(partnership=partnership).pk,
        "item_id": CommunicationItemFactory(partnership=partnership).pk,
        "milestone_id": milestone.pk,
    }
    return {
        **plan,
        "partnership_slug": partnership.slug,
        "organisation_id": school.pk,
        "entry_id": school.register_entry_id,
        "role_id": role.pk,
        "invitation_id": invitation.pk,
        "session_id": session.pk,
        "action_id": action.pk,
        "report_id": report.pk,
        "theme_key": "relatie",
        "instrument_key": "reflectietool",
        # A participant's code: a real one of A must not lead a logged-in outsider into A's
        # staff pages, and "code" pages are public by design (see PUBLIC).
        "code": "QQQQQQ",
        "number": 1,
        "school_id": school.pk,
        "pupil_id": transition.pupil_id,
        "signal_id": signal.pk,
        "import_id": upload.pk,
        "name": "cohort",
        "route_id": route.pk,
        "party_id": party.pk,
        "consent_id": consent.pk,
        "roadmap_id": roadmap.pk,
        "state_id": state.pk,
        "block_key": "voorbereiding",
        "document_id": document.pk,
        "kind": "projectplan",
        # Kwargs outside partnerships: values that exist nowhere are fine for the sweep.
        "token": "not-a-real-token",
        "uidb64": "MQ",
        "job_id": 1,
    }


KWARG_HELP = "Teach the sweep this URL kwarg: add it to foreign_objects() in test_tenancy_sweep.py"


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
    for route in all_routes():
        if not route.in_partnership:
            continue
        url, name = route.fill(foreign_objects), route.name
        for method, response in _requests(outsider, url):
            assert response.status_code == 404, (
                f"{method} {url} ({name}) → {response.status_code}, want 404"
            )
            assert partnership.name not in response.content.decode(), (
                f"{method} {url} shows partnership A"
            )
        swept += 1
    assert swept >= 10


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
