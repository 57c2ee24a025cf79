"""Migrations on a copy of `load_demo --large` in PostgreSQL: how long an upgrade takes.

A scratch PostgreSQL database is migrated from empty (a fresh install) and filled with
`load_demo --large` (200 partnerships). Then each app's latest migration is unapplied and
applied again on that data, timed both ways: the cost of an upgrade, and of taking it back,
where the tables are full. Every migration must be reversible; one that is not fails here.

Last line:
    migrations=N fresh_s=… slowest_forward=app.name:…s slowest_backward=app.name:…s
Run: make bench   (or .venv/bin/python bench/migrations.py [--small] for the plain demo)
"""

# ruff: noqa: E402 - Django is set up for the scratch database before its imports

import argparse
import os
import sys
import time
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _server

sys.path.insert(0, str(_server.ROOT))

PARSER = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
PARSER.add_argument(
    "--small", action="store_true", help="the plain demo instead of --large"
)
ARGS = PARSER.parse_args()
DATABASE = _server.scratch_url("doorlopend_bench_migrations")
os.environ.update(
    {
        "DATABASE_URL": DATABASE,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DEBUG": "false",
        "LOG_LEVEL": "WARNING",
    }
)
warnings.filterwarnings("ignore", "No directory at")

import django

django.setup()

from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor


def timed(*args) -> float:
    started = time.perf_counter()
    call_command(*args, verbosity=0)
    return time.perf_counter() - started


def latest_per_app() -> list[tuple[str, str, str | None]]:
    """(app, its latest migration, the one before it or None) for our apps. Apps whose
    latest migration others depend on come last, so the data they would drop stays for
    the apps measured before them."""
    graph = MigrationExecutor(connection).loader.graph
    result = []
    for app, name in sorted(graph.leaf_nodes()):
        if not app or not graph.nodes[(app, name)].__module__.startswith("doorlopend."):
            continue
        parents = [p for p in graph.node_map[(app, name)].parents if p.key[0] == app]
        children = [c for c in graph.node_map[(app, name)].children if c.key[0] != app]
        result.append(
            (len(children), app, name, parents[0].key[1] if parents else None)
        )
    return [row[1:] for row in sorted(result)]


def main() -> int:
    with _server.scratch_database(DATABASE):
        fresh = timed("migrate")
        print(f"# migrate from empty: {fresh:.1f} s")
        started = time.perf_counter()
        call_command(
            "load_demo",
            *([] if ARGS.small else ["--large"]),
            stdout=open(os.devnull, "w"),  # noqa: SIM115
        )
        print(
            f"# load_demo{'' if ARGS.small else ' --large'}: {time.perf_counter() - started:.1f} s"
        )
        rows = []
        for app, name, previous in latest_per_app():
            target = (app, previous)
            plan = MigrationExecutor(connection).migration_plan([target])
            back = timed("migrate", app, previous or "zero")
            # Forward again to every leaf: a migration of another app that depends on this
            # one was unapplied with it (its tables are then empty when they come back).
            forward = timed("migrate")
            rows.append((f"{app}.{name}", back, forward))
            also = f" (with {len(plan) - 1} dependent)" if len(plan) > 1 else ""
            print(
                f"{app + '.' + name:<60} back {back * 1000:7.0f} ms"
                f"  forward {forward * 1000:7.0f} ms{also}"
            )
        # Everything is applied again: the schema is the one the code expects.
        call_command("migrate", "--check", verbosity=0)
        slow_f = max(rows, key=lambda r: r[2])
        slow_b = max(rows, key=lambda r: r[1])
        print(
            f"migrations={len(rows)} fresh_s={fresh:.1f}"
            f" slowest_forward={slow_f[0]}:{slow_f[2]:.2f}s"
            f" slowest_backward={slow_b[0]}:{slow_b[1]:.2f}s"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
