"""`manage.py import_transitions`: the saved mapping, the last line, the exit code."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django_scopes import scopes_disabled

from doorlopend.transitions.models import StatusEvent

from .import_helpers import STATUS_HEADER, csv_bytes, pgn, save_mapping, schools

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def private_root(settings, tmp_path):
    settings.PRIVATE_UPLOAD_ROOT = tmp_path / "private"
    return settings.PRIVATE_UPLOAD_ROOT


def run(*args):
    from io import StringIO

    out, err = StringIO(), StringIO()
    try:
        call_command("import_transitions", *args, stdout=out, stderr=err)
    except CommandError as error:
        return out.getvalue(), err.getvalue(), error
    return out.getvalue(), err.getvalue(), None


def test_imports_with_the_saved_mapping_and_ends_with_the_counts(
    partnership, tmp_path, private_root
):
    _vo, mbo = schools(partnership)
    save_mapping(partnership, mbo, "statuses", STATUS_HEADER)
    file = tmp_path / "nightly.csv"
    file.write_bytes(
        csv_bytes(
            STATUS_HEADER,
            [
                f"{pgn(1)};aangemeld;01-02-2026;;;;;",
                f"{pgn(2)};aangemeld;01-02-2026;;;;;",
            ],
        )
    )
    out, _err, error = run(
        "--kind",
        "statuses",
        "--school",
        "22BB",
        "--cohort",
        "2026",
        "--progress",
        str(file),
    )
    assert error is None
    assert out.strip().splitlines()[-1] == "created=2 updated=0 unchanged=0 rejected=0"
    out, _err, error = run(
        "--kind", "statuses", "--school", "22bb", "--cohort", "2026", str(file)
    )
    assert out.strip().splitlines()[-1] == "created=0 updated=0 unchanged=2 rejected=0"
    with scopes_disabled():
        assert StatusEvent.objects.count() == 2
    assert not list(private_root.iterdir())


def test_a_refused_file_exits_non_zero_with_its_lines_on_stderr(partnership, tmp_path):
    _vo, mbo = schools(partnership)
    save_mapping(partnership, mbo, "statuses", STATUS_HEADER)
    file = tmp_path / "bad.csv"
    file.write_bytes(
        csv_bytes(
            STATUS_HEADER,
            [f"{pgn(1)};aangemeld;01-02-2026;;;;;", f"{pgn(2)};zomaar;01-02-2026;;;;;"],
        )
    )
    out, err, error = run("--kind", "statuses", "--school", "22BB", str(file))
    assert error is not None
    assert "line 3:" in err and "zomaar" in err
    assert out.strip().splitlines()[-1] == "created=0 updated=0 unchanged=0 rejected=1"
    with scopes_disabled():
        assert not StatusEvent.objects.exists()


def test_without_a_saved_mapping_or_a_fitting_one_it_says_so(partnership, tmp_path):
    _vo, mbo = schools(partnership)
    file = tmp_path / "f.csv"
    file.write_bytes(csv_bytes("A;B", ["1;2"]))
    _out, _err, error = run("--kind", "statuses", "--school", "22BB", str(file))
    assert "no saved column mapping" in str(error)
    save_mapping(partnership, mbo, "statuses", STATUS_HEADER)
    _out, _err, error = run("--kind", "statuses", "--school", "22BB", str(file))
    assert "does not fit" in str(error)
    _out, _err, error = run("--kind", "statuses", "--school", "99XX", str(file))
    assert "No school" in str(error)


def test_it_imports_only_for_the_schools_it_is_given(partnership, tmp_path):
    from doorlopend.partnerships.tests.factories import (
        RegisterEntryFactory,
        SchoolFactory,
    )

    _vo, mbo = schools(partnership)
    SchoolFactory(
        partnership=partnership,
        kind="mbo",
        register_entry=RegisterEntryFactory(brin="44DD", vestiging="", sector="mbo"),
    )
    save_mapping(partnership, mbo, "statuses", STATUS_HEADER)
    file = tmp_path / "regio.csv"
    file.write_bytes(
        csv_bytes(
            STATUS_HEADER,
            [
                f"{pgn(1)};aangemeld;01-02-2026;22BB;;;;",
                f"{pgn(2)};aangemeld;01-02-2026;44DD;;;;",
            ],
        )
    )
    _out, err, error = run("--kind", "statuses", "--school", "22BB", str(file))
    assert error is not None and "line 3:" in err and "44DD" in err
    with scopes_disabled():
        assert not StatusEvent.objects.exists()
    out, _err, error = run(
        "--kind", "statuses", "--school", "22BB", "--school", "44DD", str(file)
    )
    assert error is None, _err
    assert out.strip().splitlines()[-1] == "created=2 updated=0 unchanged=0 rejected=0"
