"""`manage.py run_worker` with a slow pupil import, for test_import_worker_killed.py.

Each line of a pupil file takes SLOW_ROW_SECONDS longer to check and progress is saved
every few lines, so the test can kill the worker while the import is surely half-way.
Run as `python -m doorlopend.transitions.tests.slow_worker <run_worker options>`.
"""

import os
import sys
import time

import django


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    django.setup()
    from django.core.management import call_command

    from doorlopend.transitions.services.imports import validate, write

    delay = float(os.environ.get("SLOW_ROW_SECONDS", "0.02"))
    clean = validate.Validator.clean

    def slow_clean(self, row):
        time.sleep(delay)
        return clean(self, row)

    validate.Validator.clean = slow_clean
    write.Stage.CHUNK = 10
    call_command("run_worker", *sys.argv[1:])


if __name__ == "__main__":
    main()
