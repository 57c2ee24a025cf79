"""`manage.py import_duo_schools`: output, exit status, nothing written on failure."""

import os
import re
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from doorlopend.registry.models import RegisterEntry

from .duo_files import DATA, DEMO

pytestmark = pytest.mark.django_db


def run(*args: str) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("import_duo_schools", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_prints_the_counts_as_its_last_line():
    out, _ = run(str(DEMO / "demo_vo_locations.csv"))
    assert out.splitlines()[-1] == "created=14 updated=0 unchanged=0"
    out, _ = run(str(DEMO / "demo_vo_locations.csv"))
    assert out.splitlines()[-1] == "created=0 updated=0 unchanged=14"


def test_institution_list_with_sector():
    out, _ = run(str(DEMO / "demo_hbo_institutions.csv"), "--sector", "hbo")
    assert out.splitlines()[-1] == "created=2 updated=0 unchanged=0"
    assert set(RegisterEntry.objects.values_list("sector", flat=True)) == {"hbo"}


def test_institution_list_without_sector_fails():
    with pytest.raises(CommandError) as caught:
        run(str(DEMO / "demo_mbo_institutions.csv"))
    assert caught.value.returncode == 1
    assert not RegisterEntry.objects.exists()


def test_bad_file_lists_every_line_and_writes_nothing(capsys):
    err = StringIO()
    with pytest.raises(
        CommandError, match="not imported \\(5 problems\\); nothing was written"
    ):
        call_command("import_duo_schools", str(DATA / "vo_bad_rows.csv"), stderr=err)
    lines = err.getvalue().splitlines()
    assert [line.split(":")[0] for line in lines] == [
        "line 3",
        "line 3",
        "line 4",
        "line 6",
        "line 7",
    ]
    assert lines[2] == "line 4: The name (VESTIGINGSNAAM) is empty."
    assert not RegisterEntry.objects.exists()


def test_missing_file_fails():
    with pytest.raises(CommandError, match="Cannot read"):
        run("/nonexistent/register.csv")


def test_unknown_sector_is_refused_by_the_arguments():
    with pytest.raises(CommandError, match="invalid choice"):
        run(str(DEMO / "demo_mbo_institutions.csv"), "--sector", "wo")


def test_exit_status_of_a_refused_file(tmp_path: Path):
    """The real process: non-zero status, reasons on stderr. The file fails before any write."""
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'unused.sqlite3'}"}
    manage = Path(settings.BASE_DIR) / "manage.py"
    bad = tmp_path / "commas.csv"
    bad.write_text("BRIN NUMMER,VESTIGINGSNUMMER\n16SW,16SW00\n")
    done = subprocess.run(
        [sys.executable, str(manage), "import_duo_schools", str(bad)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert done.returncode == 1
    # The site's language (Dutch) is used here, so look for the line number, not the words.
    assert re.search(r"\b1: .*;", done.stderr)
    assert done.stdout == ""
