"""Every page a coordinator can reach — the pupil pages as a decaan, the national pages
as the landelijk adviseur — at national
volume: query count and p95 per page.

Loads `load_demo --large` into a scratch SQLite database (var/bench.sqlite3), finds the
pages from the URL patterns (not a hand-kept list), requests each 20 times in-process as the
coordinator of a bench partnership, and prints per page its queries and p95. The floor is a
bare view measured in the same run, so the ratio means something on a noisy 2-core machine.

Targets: ≤ 15 queries and ≤ 100 ms p95 per page. Last line:
    pages=N max_queries=… max_p95_ms=…
Run: make bench   (or .venv/bin/python bench/pages.py)
"""

import gc
import logging
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SCRATCH = ROOT / "var" / "bench.sqlite3"
# BENCH_ONLY=national: only the pages whose URL name starts with it (the floor still runs).
ONLY = os.environ.get("BENCH_ONLY", "")
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
from django.http import HttpResponse  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import include, path  # noqa: E402
from django_scopes import scopes_disabled  # noqa: E402

from doorlopend.core.periodic import DAILY  # noqa: E402
from doorlopend.core.urlwalk import all_routes  # noqa: E402
from doorlopend.documents.models import GeneratedDocument, Kind  # noqa: E402
from doorlopend.documents.services import (  # noqa: E402
    document_build,
    document_request,
)
from doorlopend.national.models import Figure, NationalAdviser  # noqa: E402
from doorlopend.national.services import progress_page_set  # noqa: E402
from doorlopend.partnerships.models import (  # noqa: E402
    Membership,
    Organisation,
    RoleAssignment,
)
from doorlopend.planning.models import (  # noqa: E402
    ChangeAssignment,
    CommunicationItem,
    Milestone,
    Task,
)
from tests.demo_values import school_values, values_for  # noqa: E402

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


def plan_objects(partnership) -> None:
    """Make what the large demo lacks for the plan van aanpak's pages: a task, a
    communication item and a change assignment with a milestone."""
    with scopes_disabled():
        school = Organisation.objects.filter(
            partnership=partnership, kind__in=["vo", "mbo", "hbo"]
        ).first()
        if not Task.objects.filter(partnership=partnership).exists():
            Task.objects.create(partnership=partnership, title="Benchtaak")
        if not CommunicationItem.objects.filter(partnership=partnership).exists():
            CommunicationItem.objects.create(
                partnership=partnership,
                audience="ouders",
                message="Bench",
                channel="nieuwsbrief",
                moment="2027-01-01",
            )
        assignment, _ = ChangeAssignment.objects.get_or_create(
            partnership=partnership, organisation=school, defaults={"what": "Bench"}
        )
        if not assignment.milestones.exists():
            Milestone.objects.create(
                assignment=assignment, title="Bench", date="2027-01-01"
            )


def real_document(route) -> GeneratedDocument:
    """A projectplan built as the worker builds it: its pages are measured with a real
    PDF behind them."""
    document = document_request(
        route=route,
        kind=Kind.PROJECTPLAN,
        by=Membership.objects.filter(partnership=route.partnership).first(),
        language="nl",
    )
    document_build(document_id=document.pk)
    return GeneratedDocument.objects.get(pk=document.pk)


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


def measure_pages(
    client: Client, routes, values: dict, floor: float, rows: list
) -> None:
    for route in routes:
        if ONLY and not route.name.startswith(ONLY):
            continue
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


def measure_national(client: Client, membership, values: dict, floor, rows) -> None:
    """The national pages as the demo's landelijk adviseur (a staff grant), and the
    bench partnership's public progress page as an anonymous visitor. The day's national
    figures are computed first, as the daily work does before anyone visits."""
    for name, work in DAILY.items():
        if name.startswith("national."):
            work()
    adviser = NationalAdviser.objects.select_related("user").first()
    if adviser is not None:
        client.force_login(adviser.user)
        print("# national pages, as the landelijk adviseur")
        national = [r for r in all_routes() if r.name.startswith("national:")]
        measure_pages(client, national, values, floor, rows)
    page = progress_page_set(
        partnership=membership.partnership,
        is_public=True,
        figures=list(Figure.values),
        noindex=True,
        by=membership,
    )
    client.logout()
    print("# the public progress page, anonymous")
    route = next(r for r in all_routes() if r.name == "national_public:progress")
    measure_pages(client, [route], {"token": page.token}, floor, rows)


def main() -> None:
    prepare()
    # The demo loader leaves a large heap in this process (a server's workers have none):
    # without this, a full garbage collection over it (hundreds of ms) lands in whichever
    # page's requests happen to trigger it.
    gc.collect()
    gc.freeze()
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
    plan_objects(membership.partnership)
    values = values_for(membership.partnership, make_document=real_document)
    with override_settings(ROOT_URLCONF=__name__):
        measure(
            client, "/__floor__/"
        )  # warm up: first requests load templates and translations
        # The floor renders no template: one real page (not measured) compiles the base
        # template and loads what any first page would, so that the first page measured
        # (with BENCH_ONLY, the only pages) does not pay the process's warm-up.
        overview = next(r for r in all_routes() if r.name == "partnerships:dashboard")
        client.get(overview.fill(values))
        _status, _queries, floor = measure(client, "/__floor__/")
        print(f"# floor (bare view, same client and middleware): p95 {floor:.1f} ms")
        print(f"{'page':<48} {'status':>6} {'queries':>7} {'p95 ms':>8} {'× floor':>8}")
        rows = []
        routes = [r for r in all_routes() if r.in_partnership and r.name != "core:home"]
        measure_pages(client, routes, values, floor, rows)
        # The pupil pages are the decaan's (the coordinator gets 403 there).
        with scopes_disabled():
            decaan = (
                RoleAssignment.objects.filter(
                    membership__partnership=membership.partnership, role="decaan"
                )
                .select_related("membership__user")
                .first()
            )
        if decaan is not None:
            user = decaan.membership.user
            client.force_login(user)
            print("# pupil pages, as a decaan of the bench partnership")
            pupil_routes = [r for r in routes if "school_id" in r.kwargs]
            school = school_values(user, membership.partnership)
            measure_pages(client, pupil_routes, values | school, floor, rows)
        measure_national(client, membership, values, floor, rows)
    print(
        f"pages={len(rows)} max_queries={max(r[2] for r in rows)} max_p95_ms={max(r[3] for r in rows):.1f}"
    )


if __name__ == "__main__":
    main()
