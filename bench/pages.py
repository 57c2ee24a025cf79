"""Every page a coordinator can reach — and the pupil pages, as a decaan — at national
volume: query count and p95 per page.

Loads `load_demo --large` into a scratch SQLite database (var/bench.sqlite3), finds the
pages from the URL patterns (not a hand-kept list), requests each 20 times in-process as the
coordinator of a bench partnership, and prints per page its queries and p95. The floor is a
bare view measured in the same run, so the ratio means something on a noisy 2-core machine.

Targets: ≤ 15 queries and ≤ 100 ms p95 per page. Last line:
    pages=N max_queries=… max_p95_ms=…
Run: make bench   (or .venv/bin/python bench/pages.py)
"""

import logging
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SCRATCH = ROOT / "var" / "bench.sqlite3"
os.environ["DATABASE_URL"] = f"sqlite:///{SCRATCH}"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ["DEBUG"] = "false"
os.environ.setdefault("ALLOWED_HOSTS", "testserver")

import django  # noqa: E402

django.setup()
logging.getLogger("django.request").setLevel(
    logging.ERROR
)  # 405s of POST-only URLs are expected

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.http import HttpResponse  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import include, path  # noqa: E402
from django_scopes import scopes_disabled  # noqa: E402

from doorlopend.core.urlwalk import all_routes  # noqa: E402
from doorlopend.documents.models import GeneratedDocument, Kind  # noqa: E402
from doorlopend.documents.services import (  # noqa: E402
    document_build,
    document_request,
)
from doorlopend.partnerships.models import (  # noqa: E402
    Invitation,
    Membership,
    Organisation,
    RoleAssignment,
)
from doorlopend.planning.models import (  # noqa: E402
    Activity,
    BudgetLine,
    ChangeAssignment,
    CommunicationItem,
    Goal,
    Milestone,
    Task,
)
from doorlopend.programme.models import AssignmentPair, ProgrammeItem  # noqa: E402
from doorlopend.reflection.models import ActionPoint, Report, Session  # noqa: E402
from doorlopend.roadmaps.models import Roadmap  # noqa: E402
from doorlopend.routes.models import Consent, Leerroute  # noqa: E402
from doorlopend.transitions import access  # noqa: E402
from doorlopend.transitions.models import Signal  # noqa: E402

REPEAT = 20
# Pages whose interesting work needs a query string (a search as someone types it).
EXAMPLE_QUERY = {
    "partnerships:register_search": "?q=benchschool 1",
    "partnerships:organisation_list": "?kind=vo",
}
TARGET_QUERIES = 15
TARGET_P95_MS = 100


def floor_view(request):
    return HttpResponse("ok")


# The project's URLs plus a bare view for the floor.
urlpatterns = [path("__floor__/", floor_view), path("", include("config.urls"))]


def prepare() -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{SCRATCH}{suffix}").unlink(missing_ok=True)
    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    call_command("load_demo", "--large", stdout=open(os.devnull, "w"))  # noqa: SIM115
    print(f"# load_demo --large: {time.perf_counter() - started:.1f} s")


def values_for(partnership) -> dict:
    """A real object for each URL kwarg, from the partnership being measured."""
    with scopes_disabled():
        organisation = Organisation.objects.filter(partnership=partnership).first()
        role = (
            RoleAssignment.objects.filter(membership__partnership=partnership)
            .exclude(role="coordinator")
            .first()
        )
        invitation, _ = Invitation.objects.get_or_create(
            partnership=partnership,
            email="bench-invited@example.org",
            role="docent",
            defaults={
                "token_hash": Invitation.new_token()[1],
                "expires_at": "2099-01-01T00:00Z",
            },
        )
        # The national LOB day of `reflection.demo.load_large`: 1,000 participants.
        session = (
            Session.objects.filter(partnership=partnership)
            .annotate(n=Count("participants"))
            .order_by("-n")
            .first()
        )
        report, _ = Report.objects.get_or_create(session=session)
        action = ActionPoint.objects.filter(partnership=partnership).first()
        route = Leerroute.objects.filter(partnership=partnership).order_by("pk").first()
        checklist = Roadmap.objects.filter(partnership=partnership, route=None).first()
        consent = Consent.objects.filter(route=route).first()
        document = GeneratedDocument.objects.filter(route=route).first()
        if document is None:  # a made projectplan, for its status and download pages
            document = document_request(
                route=route,
                kind=Kind.PROJECTPLAN,
                by=Membership.objects.filter(partnership=partnership).first(),
                language="nl",
            )
            document_build(document_id=document.pk)
        party = route.parties.first()
        state = checklist.states.filter(organisation__isnull=False).first()
        plan = plan_values(partnership)
        # The programme of `programme.demo.load_large`: 120 items, each rated 7 times.
        programme_item = ProgrammeItem.objects.filter(
            programme__partnership=partnership
        ).first()
        pair = AssignmentPair.objects.filter(programme=programme_item.programme).first()
    return {
        **plan,
        "partnership_slug": partnership.slug,
        "organisation_id": organisation.pk,
        "entry_id": organisation.register_entry_id,
        "role_id": role.pk,
        "invitation_id": invitation.pk,
        "session_id": session.pk,
        "report_id": report.pk,
        "action_id": action.pk,
        "theme_key": "relatie",
        "instrument_key": "reflectietool",
        "name": "groups",
        "route_id": route.pk,
        "party_id": party.pk,
        "consent_id": consent.pk,
        "roadmap_id": checklist.pk,
        "state_id": state.pk,
        "block_key": "veranderopdracht-mt",
        "document_id": document.pk,
        "kind": "projectplan",
        "programme_id": programme_item.programme_id,
        "programme_item_id": programme_item.pk,
        "pair_id": pair.pk,
    }


def plan_values(partnership) -> dict:
    """The plan van aanpak's objects in the bench partnership (200 activities, 50 goals
    from `load_demo --large`); a task, a communication item and a change assignment with
    a milestone are made here when the large demo has none."""
    goal = Goal.objects.filter(partnership=partnership).first()
    activity = Activity.objects.filter(partnership=partnership).first()
    line = BudgetLine.objects.filter(source__partnership=partnership).first()
    school = Organisation.objects.filter(
        partnership=partnership, kind__in=["vo", "mbo", "hbo"]
    ).first()
    task = Task.objects.filter(partnership=partnership).first() or Task.objects.create(
        partnership=partnership, title="Benchtaak"
    )
    item = CommunicationItem.objects.filter(partnership=partnership).first()
    if item is None:
        item = CommunicationItem.objects.create(
            partnership=partnership,
            audience="ouders",
            message="Bench",
            channel="nieuwsbrief",
            moment="2027-01-01",
        )
    assignment, _ = ChangeAssignment.objects.get_or_create(
        partnership=partnership, organisation=school, defaults={"what": "Bench"}
    )
    milestone = assignment.milestones.first() or Milestone.objects.create(
        assignment=assignment, title="Bench", date="2027-01-01"
    )
    return {
        "goal_id": goal.pk,
        "measurement_id": goal.measurements.first().pk,
        "activity_id": activity.pk,
        "person_id": activity.people.first().pk,
        "source_id": line.source_id,
        "line_id": line.pk,
        "task_id": task.pk,
        "item_id": item.pk,
        "milestone_id": milestone.pk,
    }


def measure(client: Client, url: str) -> tuple[int, int, float]:
    """(status, queries of the last request, p95 in ms over REPEAT requests)."""
    timings = []
    for _ in range(REPEAT):
        # The log keeps the last 9,000 queries: once full, a capture would count 0.
        connection.queries_log.clear()
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - started) * 1000)
    return response.status_code, len(queries), statistics.quantiles(timings, n=20)[-1]


def decaan_values(partnership) -> tuple[object, dict] | None:
    """A decaan of the bench partnership and a pupil and signal of their school."""
    with scopes_disabled():
        role = (
            RoleAssignment.objects.filter(
                membership__partnership=partnership, role="decaan"
            )
            .select_related("membership__user", "organisation")
            .first()
        )
        if role is None:
            return None
        school = role.organisation
        transition = access.visible_transitions(school).first()
        signal = Signal.objects.filter(
            transition__in=access.visible_transitions(school)
        ).first()
    if transition is None:
        return None
    values = {"partnership_slug": partnership.slug, "school_id": school.pk}
    values["pupil_id"] = transition.pupil_id
    if signal is not None:
        values["signal_id"] = signal.pk
    return role.membership.user, values


def measure_pages(
    client: Client, routes, values: dict, floor: float, rows: list
) -> None:
    for route in routes:
        if any(kw not in values for kw in route.kwargs):
            print(f"{route.name:<48} skipped: no value for {route.kwargs}")
            continue
        status, queries, p95 = measure(
            client, route.fill(values) + EXAMPLE_QUERY.get(route.name, "")
        )
        if status == 405:
            continue  # a POST-only endpoint, not a page
        rows.append((route.name, status, queries, p95))
        flag = (
            ""
            if queries <= TARGET_QUERIES and p95 <= TARGET_P95_MS
            else "  over target"
        )
        print(
            f"{route.name:<48} {status:>6} {queries:>7} {p95:>8.1f} {p95 / floor:>8.1f}{flag}"
        )


def main() -> None:
    prepare()
    with scopes_disabled():
        membership = (
            Membership.objects.filter(
                partnership__slug="bench-0", roles__role="coordinator"
            )
            .select_related("partnership", "user")
            .first()
        )
    client = Client()
    client.force_login(membership.user)
    values = values_for(membership.partnership)
    with override_settings(ROOT_URLCONF=__name__):
        measure(
            client, "/__floor__/"
        )  # warm up: first requests load templates and translations
        _status, _queries, floor = measure(client, "/__floor__/")
        print(f"# floor (bare view, same client and middleware): p95 {floor:.1f} ms")
        print(f"{'page':<48} {'status':>6} {'queries':>7} {'p95 ms':>8} {'× floor':>8}")
        rows = []
        routes = [r for r in all_routes() if r.in_partnership and r.name != "core:home"]
        measure_pages(client, routes, values, floor, rows)
        # The pupil pages are the decaan's (the coordinator gets 403 there).
        decaan = decaan_values(membership.partnership)
        if decaan is not None:
            client.force_login(decaan[0])
            print("# pupil pages, as a decaan of the bench partnership")
            pupil_routes = [r for r in routes if "school_id" in r.kwargs]
            measure_pages(client, pupil_routes, decaan[1], floor, rows)
    print(
        f"pages={len(rows)} max_queries={max(r[2] for r in rows)} max_p95_ms={max(r[3] for r in rows):.1f}"
    )


if __name__ == "__main__":
    main()
