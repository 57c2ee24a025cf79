"""Import a synthetic mbo status file of 1,000,000 rows into PostgreSQL, against the floor.

A deterministic file (pupils with 2–5 statuses each at six mbo schools of one
partnership; valid PGNs from `testing.bsn_for`) is imported through the real path:
`manage.py import_transitions` in a child process (upload store, streaming validation,
staging with COPY, the set-based order check and write, recompute, signals). The same file
is loaded with `psql \\copy` into a plain table: the floor. The honest floor for an
idempotent, validated import is measured too: the rows the import wrote (every table that
grew) are copied out, the tables emptied, and the rows `\\copy`-ed back into the real tables
with their indexes, constraints, foreign keys and triggers (`copy_indexed_s`). Then the
cohort figures and the Sankey flows are timed over the imported data. Targets: import ≤ 3×
the indexed \\copy time (`ratio_indexed`), peak RSS ≤ 300 MB, each dashboard query ≤ 200 ms.

`--profile N` instead runs N rows in-process under cProfile and prints the top functions.
"""
# ruff: noqa: E402 - Django is set up for the scratch database before its imports

import argparse
import os
import random
import statistics
import subprocess
import sys
import time
import warnings
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _server

sys.path.insert(0, str(_server.ROOT))

PARSER = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
PARSER.add_argument("--rows", type=int, default=1_000_000)
PARSER.add_argument(
    "--profile", type=int, metavar="N", help="profile an in-process import of N rows"
)
ARGS = PARSER.parse_args()
DATABASE = _server.scratch_url("doorlopend_bench_import")
ENV = {
    "DATABASE_URL": DATABASE,
    "DJANGO_SETTINGS_MODULE": "config.settings",
    "DJANGO_ENV": "development",
    "DEBUG": "false",
    "LOG_LEVEL": "WARNING",
    "PRIVATE_UPLOAD_ROOT": str(_server.ROOT / "var" / "bench-private"),
}
os.environ.update(ENV)
warnings.filterwarnings("ignore", "No directory at")

import django

django.setup()

from django.core.management import call_command
from django_scopes import scope, scopes_disabled

TARGET_RATIO, TARGET_RSS_MB, TARGET_DASHBOARD_MS = 3, 300, 200
HEADER = "BSN;Status;Datum;BRIN;Crebo;Opleiding;Sector;BOL/BBL"
CHAINS = [
    ["aangemeld", "ingetrokken"],
    ["aangemeld", "intake", "ingeschreven"],
    ["aangemeld", "intake", "ovk_aangeboden", "ingeschreven"],
    ["aangemeld", "intake", "dossier_ontvangen", "geplaatst", "ingeschreven"],
    ["aangemeld", "leidt_niet_tot_inschrijving"],
    ["aangemeld", "ovk_aangeboden", "ingeschreven", "gestart"],
    ["aangemeld", "intake", "ingeschreven", "gestart", "gestopt"],
]
PROGRAMMES = [
    ("25168", "Verzorgende IG", "Zorg en welzijn"),
    ("25180", "Kok", "Horeca en bakkerij"),
    ("25604", "ICT-beheerder", "ICT en creatieve industrie"),
    ("25224", "Monteur elektrische installaties", "Techniek en procesindustrie"),
    ("25466", "Medewerker retail", "Handel"),
    ("25140", "Onderwijsassistent", "Zorg en welzijn"),
]
SCHOOLS = [f"{30 + i}MB" for i in range(6)]


def cohort_year() -> int:
    return date.today().year - 1  # every date of the file lies in the past


def generate(path: Path, rows: int) -> int:
    """Write the status file; returns the number of pupils. Deterministic."""
    from doorlopend.transitions.testing import bsn_for

    rnd, year, written, pupil = random.Random(5), cohort_year(), 0, 0
    start = date(year, 1, 15)
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write(HEADER + "\n")
        buffer = []
        while written < rows:
            chain = CHAINS[rnd.randrange(len(CHAINS))][: rows - written]
            pgn, school = bsn_for(pupil), SCHOOLS[pupil % len(SCHOOLS)]
            crebo, name, sector = PROGRAMMES[rnd.randrange(len(PROGRAMMES))]
            bol = "BOL" if rnd.random() < 0.8 else "BBL"
            day = start + timedelta(days=rnd.randrange(60))
            for status in chain:
                buffer.append(
                    f"{pgn};{status};{day:%d-%m-%Y};{school};{crebo};{name};{sector};{bol}\n"
                )
                day += timedelta(days=rnd.randrange(7, 50))
            written += len(chain)
            pupil += 1
            if len(buffer) > 50_000:
                out.write("".join(buffer))
                buffer = []
        out.write("".join(buffer))
    return pupil


def prepare():
    """Migrate the scratch database; one partnership with the six mbo schools and a saved mapping."""
    from doorlopend.partnerships.tests.factories import (
        PartnershipFactory,
        RegisterEntryFactory,
        SchoolFactory,
    )
    from doorlopend.transitions.models import ColumnMapping
    from doorlopend.transitions.services.imports.columns import mapping_suggest

    call_command("migrate", verbosity=0)
    partnership = PartnershipFactory(slug="bench")
    schools = [
        SchoolFactory(
            partnership=partnership,
            kind="mbo",
            name=f"ROC {brin}",
            register_entry=RegisterEntryFactory(brin=brin, vestiging="", sector="mbo"),
        )
        for brin in SCHOOLS
    ]
    with scopes_disabled():
        ColumnMapping.objects.create(
            partnership=partnership,
            organisation=schools[0],
            kind="statuses",
            columns=mapping_suggest(kind="statuses", headers=HEADER.split(";")),
        )
    return partnership


def import_child(path: Path) -> tuple[float, float, list[str]]:
    """Run the command in a child process: (seconds, peak RSS in MB, its output lines)."""
    args = [
        sys.executable,
        "manage.py",
        "import_transitions",
        "--kind",
        "statuses",
        # The file holds the six schools' pupils: the command imports only for those given.
        *(arg for brin in SCHOOLS for arg in ("--school", brin)),
        "--cohort",
        str(cohort_year()),
        "--progress",
        str(path),
    ]
    log = _server.ROOT / "var" / "bench-import.log"
    started = time.perf_counter()
    with log.open("wb") as out:
        process = subprocess.Popen(  # noqa: S603
            args, cwd=_server.ROOT, env={**os.environ, **ENV}, stdout=out, stderr=out
        )
        # wait4 reaps the child and gives its resource use: ru_maxrss is its peak RSS (KiB).
        _pid, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    lines = log.read_text().splitlines()
    if process.returncode:
        raise RuntimeError(
            f"import failed ({process.returncode}):\n" + "\n".join(lines[-40:])
        )
    return seconds, usage.ru_maxrss / 1024, lines


def copy_floor(path: Path) -> float:
    columns = ", ".join(f"c{i} text" for i in range(8))
    url = DATABASE.replace("postgresql://", "postgres://")
    subprocess.run(["psql", url, "-qc", f"CREATE TABLE floor ({columns})"], check=True)  # noqa: S603, S607
    started = time.perf_counter()
    subprocess.run(  # noqa: S603
        [
            "psql",
            url,
            "-qc",
            f"\\copy floor FROM '{path}' WITH (FORMAT csv, DELIMITER ';', HEADER)",
        ],  # noqa: S607
        check=True,
    )
    return time.perf_counter() - started


def table_counts() -> dict[str, int]:
    """Rows per table of the public schema (exact counts: the scratch database is small but
    for what the import wrote)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"
        )
        tables = [row[0] for row in cursor.fetchall()]
        counts = {}
        for table in tables:
            cursor.execute(f'SELECT count(*) FROM "{table}"')  # noqa: S608 - catalogue names
            counts[table] = cursor.fetchone()[0]
    return counts


def load_order(tables: list[str]) -> list[str]:
    """The tables in an order where each comes after the tables its foreign keys point to."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            """SELECT c.conrelid::regclass::text, c.confrelid::regclass::text
               FROM pg_constraint c WHERE c.contype = 'f'"""
        )
        edges = [(a, b) for a, b in cursor.fetchall() if a in tables and b in tables]
    ordered, pending = [], set(tables)
    while pending:
        ready = sorted(
            t
            for t in pending
            if not any(a == t and b in pending and b != t for a, b in edges)
        )
        ordered += ready
        pending -= set(ready)
    return ordered


def psql_script(url: str, path: Path, lines: list[str]) -> float:
    """Run the lines as one psql script (stopping at the first error); its seconds."""
    path.write_text("".join(f"{line}\n" for line in lines))
    started = time.perf_counter()
    subprocess.run(
        ["psql", url, "-q", "-v", "ON_ERROR_STOP=1", "-f", str(path)], check=True
    )  # noqa: S603, S607
    seconds = time.perf_counter() - started
    path.unlink()
    return seconds


def copy_indexed_floor(grown: list[str]) -> float:
    """The rows the import wrote, `\\copy`-ed back into the emptied real tables: the cost of
    writing them with every index, constraint, foreign key and trigger, but no validation."""
    from django.db import connections

    url = DATABASE.replace("postgresql://", "postgres://")
    folder = _server.ROOT / "var" / "bench-indexed"
    folder.mkdir(exist_ok=True)
    order = load_order(grown)
    connections.close_all()
    files = {table: folder / f"{table}.copy" for table in order}
    psql_script(
        url, folder / "dump.sql", [f"\\copy {t} TO '{f}'" for t, f in files.items()]
    )
    psql_script(
        url,
        folder / "empty.sql",
        ["SET client_min_messages = warning;", f"TRUNCATE {', '.join(order)} CASCADE;"],
    )
    seconds = psql_script(
        url,
        folder / "load.sql",
        ["BEGIN;", *(f"\\copy {t} FROM '{f}'" for t, f in files.items()), "COMMIT;"],
    )
    for file in files.values():
        file.unlink()
    return seconds


def dashboard(partnership) -> dict[str, float]:
    """Median ms of three runs of each figures query B's pages make."""
    from doorlopend.transitions.selectors import figures
    from doorlopend.transitions.selectors.sankey import sankey_flows

    calls = {
        f"cohort_figures({d})": (figures.cohort_figures, {"dimension": d})
        for d in ("sending", "receiving", "sector", "route")
    }
    calls |= {
        f"sankey_flows({m})": (sankey_flows, {"middle": m})
        for m in ("receiving", "sector")
    }
    times = {}
    with scope(partnership=partnership):
        for label, (function, kwargs) in calls.items():
            runs = []
            for _ in range(3):
                started = time.perf_counter()
                function(partnership=partnership, cohort=cohort_year(), **kwargs)
                runs.append((time.perf_counter() - started) * 1000)
            times[label] = statistics.median(runs)
    return times


def profile(rows: int) -> None:
    import cProfile
    import pstats

    from doorlopend.partnerships.models import Organisation
    from doorlopend.transitions.models import ColumnMapping
    from doorlopend.transitions.services.imports import (
        import_create,
        import_run,
        upload_store,
    )

    partnership = prepare()
    path = _server.ROOT / "var" / f"bench-statuses-{rows}.csv"
    generate(path, rows)
    with scopes_disabled():
        school = ColumnMapping.objects.get().organisation
    with scope(partnership=partnership), path.open("rb") as handle:
        job = import_create(
            partnership=partnership,
            school=school,
            kind="statuses",
            cohort=cohort_year(),
            stored=upload_store(iter(lambda: handle.read(1 << 20), b"")),
            filename=path.name,
            enqueue=False,
        )
    import logging

    logging.basicConfig(format="    sql %(message)s")
    logging.getLogger("doorlopend.transitions.services.imports").setLevel(logging.DEBUG)
    profiler = cProfile.Profile()
    started = time.perf_counter()
    with scopes_disabled():
        school_ids = frozenset(
            Organisation.objects.filter(partnership=partnership).values_list(
                "pk", flat=True
            )
        )
    profiler.runcall(import_run, import_id=job.pk, school_ids=school_ids)
    print(f"{rows} rows in {time.perf_counter() - started:.1f} s")
    path.unlink()
    stats = pstats.Stats(profiler)
    stats.sort_stats("cumulative").print_stats(r"imports|signals|history", 20)
    stats.sort_stats("tottime").print_stats(20)


def main() -> int:
    with _server.scratch_database(DATABASE):
        if ARGS.profile:
            profile(ARGS.profile)
            return 0
        path = _server.ROOT / "var" / "bench-statuses.csv"
        path.parent.mkdir(exist_ok=True)
        started = time.perf_counter()
        pupils = generate(path, ARGS.rows)
        size_mb = path.stat().st_size / 1e6
        print(
            f"file: {ARGS.rows:,} rows, {pupils:,} pupils, {size_mb:.0f} MB, made in {time.perf_counter() - started:.1f} s"
        )
        partnership = prepare()
        from django.db import connections

        before = table_counts()
        connections.close_all()
        import_s, rss_mb, lines = import_child(path)
        for line in lines[:-1]:
            print(f"  {line}")
        print(
            f"import: {import_s:.1f} s, {ARGS.rows / import_s:,.0f} rows/s, peak RSS {rss_mb:.0f} MB; {lines[-1]}"
        )
        after = table_counts()
        copy_s = copy_floor(path)
        print(f"psql \\copy floor: {copy_s:.1f} s, {ARGS.rows / copy_s:,.0f} rows/s")
        ratio = import_s / copy_s
        grown = [t for t, n in after.items() if n > before.get(t, 0)]
        written = sum(after[t] - before.get(t, 0) for t in grown)
        copy_indexed_s = copy_indexed_floor(grown)
        ratio_indexed = import_s / copy_indexed_s
        print(
            f"indexed \\copy floor: {copy_indexed_s:.1f} s for the {written:,} rows the import"
            f" wrote into {len(grown)} tables ({', '.join(grown)})"
        )
        times = dashboard(partnership)
        for label, ms in times.items():
            print(f"  {label}: {ms:.0f} ms")
        worst = max(times.values())
        missed = [
            name
            for name, bad in [
                (
                    f"ratio_indexed {ratio_indexed:.1f} > {TARGET_RATIO}",
                    ratio_indexed > TARGET_RATIO,
                ),
                (f"peak RSS {rss_mb:.0f} MB > {TARGET_RSS_MB}", rss_mb > TARGET_RSS_MB),
                (
                    f"dashboard {worst:.0f} ms > {TARGET_DASHBOARD_MS}",
                    worst > TARGET_DASHBOARD_MS,
                ),
            ]
            if bad
        ]
        print(
            "targets: " + ("all met" if not missed else "missed: " + "; ".join(missed))
        )
        path.unlink()
        print(
            f"import_s={import_s:.1f} copy_s={copy_s:.1f} ratio={ratio:.1f}"
            f" copy_indexed_s={copy_indexed_s:.1f} ratio_indexed={ratio_indexed:.1f}"
            f" peak_rss_mb={rss_mb:.0f} dashboard_ms={worst:.0f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
