"""Load the demo partnership (and with --large, national volume for the benchmarks).

Each app that has demo data keeps it in its own `demo` module (or `demo/` package, one
module per area) with `load_demo(context)` and optionally `load_large(context)`; this
command calls them in INSTALLED_APPS order, so a new module adds its demo data without
touching this file. Running it twice changes nothing.
"""

from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction
from django_scopes import scopes_disabled

from doorlopend.core.demo import DemoContext


class Command(BaseCommand):
    help = "Create the demo partnership with one person per role (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--large",
            action="store_true",
            help="Also add 200 partnerships and 5,000 people.",
        )

    def handle(self, *args, large: bool = False, **options):
        context = DemoContext(stdout=self.stdout)
        # The demo spans partnerships (one person in two of them), like an import does.
        with scopes_disabled():
            for hook in ("load_demo", "load_large") if large else ("load_demo",):
                for module in _demo_modules():
                    if hasattr(module, hook):
                        with transaction.atomic():
                            getattr(module, hook)(context)
        self.stdout.write(context.summary())


def _demo_modules():
    for config in apps.get_app_configs():
        if config.name.startswith("doorlopend.") and find_spec(f"{config.name}.demo"):
            yield import_module(f"{config.name}.demo")
