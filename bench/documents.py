"""Generating the documents of a route with a full step plan, against a WeasyPrint floor.

Makes a scratch SQLite database (var/bench-documents.sqlite3), one partnership with a
route from two vmbo locations to an mbo school, four parties, two consents, and a step
plan in which every step has a status, an owner, a due date and notes. Then builds each
document as the background task does (`services.document_build`, file stored, hash and
all): the first run in this process (WeasyPrint loads pango and its fonts then), and the
median of the warm runs. The floor is a bare one-line HTML page rendered as every PDF of the
app is (tagged PDF/UA, `core.pdf.pdf_render`), warm, in the same run: the projectplan's
ratio to it says what our template costs on a noisy 2-core machine.

Last line:
    projectplan_ms=… agreement_ms=… financial_ms=… duo_ms=… floor_ms=…
Run: make bench   (or .venv/bin/python bench/documents.py)
"""

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SCRATCH = ROOT / "var" / "bench-documents.sqlite3"
os.environ["DATABASE_URL"] = f"sqlite:///{SCRATCH}"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ["DEBUG"] = "false"
os.environ["MEDIA_ROOT"] = tempfile.mkdtemp(prefix="bench-documents-")
# The benchmark calls the build itself: nothing may be queued for a worker.
os.environ["TASK_BACKEND"] = "django_tasks.backends.immediate.ImmediateBackend"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django_scopes import scopes_disabled  # noqa: E402

from doorlopend.documents import services  # noqa: E402
from doorlopend.documents.models import GeneratedDocument, Kind  # noqa: E402
from doorlopend.documents.tests import factories  # noqa: E402
from doorlopend.partnerships.tests.factories import (  # noqa: E402
    OrganisationFactory,
    PartnershipFactory,
)
from doorlopend.roadmaps.models import ItemState  # noqa: E402
from doorlopend.routes.models import Consent, Party  # noqa: E402

WARM = 5
KINDS = [
    ("projectplan", Kind.PROJECTPLAN),
    ("agreement", Kind.AGREEMENT),
    ("financial", Kind.FINANCIAL),
    ("duo", Kind.DUO_MELDING),
]


def prepare():
    for suffix in ("", "-wal", "-shm"):
        Path(f"{SCRATCH}{suffix}").unlink(missing_ok=True)
    call_command("migrate", verbosity=0)
    partnership = PartnershipFactory(name="Bench Rivierenland", slug="bench-docs")
    route = factories.make_route(partnership)
    second = factories.school(
        partnership, sector="vo", brin="13CD", vestiging="13CD02", name="Vmbo Het Baken"
    )
    gemeente = OrganisationFactory(partnership=partnership, name="Gemeente Tiel")
    people = [
        factories.member(partnership, role, f"{name} Bench")
        for role, name in [
            ("stuurgroep", "Petra"),
            ("stuurgroep", "Jan"),
            ("coordinator", "Kees"),
            ("werkgroeplid", "Fatima"),
        ]
    ]
    with scopes_disabled():
        route.vmbo_locations.add(second)
        for org in (second, gemeente):
            Party.objects.create(
                route=route,
                organisation=org,
                signatory_name=f"Directeur {org.name}",
                signatory_role="Bestuurder",
                responsibilities="Levert docenten.\nZorgt voor stageplekken.",
                contribution="2500.00",
                financial_notes="Jaarlijks te betalen voor 1 oktober.",
            )
        Consent.objects.create(
            route=route,
            organisation=second,
            body=Consent.Body.MR,
            date="2026-10-01",
            outcome=Consent.Outcome.POSITIVE,
        )
    factories.work_every_step(route, people)
    with scopes_disabled():
        steps = ItemState.objects.filter(roadmap__route=route).count()
    return route, steps


def build_ms(route, kind) -> float:
    """One document as the task makes it: builder, stored file, hash, status done."""
    with scopes_disabled():
        document = GeneratedDocument.objects.create(
            partnership=route.partnership, route=route, kind=kind, language="nl"
        )
    started = time.perf_counter()
    # The job wrapper enters the partnership's scope and the document's language itself.
    document = services.document_build(document_id=document.pk)
    elapsed = 1000 * (time.perf_counter() - started)
    assert document.status == GeneratedDocument.Status.DONE, document.error
    return elapsed


def floor_ms() -> float:
    from doorlopend.core.pdf import pdf_render

    started = time.perf_counter()
    pdf_render("<!doctype html><p>floor</p>", title="floor", language="nl")
    return 1000 * (time.perf_counter() - started)


def main() -> None:
    route, steps = prepare()
    print(f"# route with {steps} steps, every one with owner, due date and notes")
    print(f"{'document':<12} {'first ms':>9} {'warm ms':>9} {'× floor':>8}")
    floor_first = floor_ms()
    floors = [floor_ms() for _ in range(WARM)]
    floor = statistics.median(floors)
    print(f"{'floor':<12} {floor_first:>9.0f} {floor:>9.1f} {1:>8.1f}")
    warm = {}
    for name, kind in KINDS:
        first = build_ms(route, kind)
        warm[name] = statistics.median(build_ms(route, kind) for _ in range(WARM))
        print(f"{name:<12} {first:>9.0f} {warm[name]:>9.1f} {warm[name] / floor:>8.1f}")
    print(
        " ".join(f"{name}_ms={ms:.0f}" for name, ms in warm.items())
        + f" floor_ms={floor:.1f}"
    )


if __name__ == "__main__":
    main()
