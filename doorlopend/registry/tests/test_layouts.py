"""DUO's old and current layouts: the same schools, whatever the key columns are called."""

import codecs
from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from doorlopend.registry.models import ImportJob, RegisterEntry
from doorlopend.registry.services import (
    ImportResult,
    RegisterImportError,
    parse_register,
    register_import,
)

from .duo_files import current_layout, duo_file, institution_row, vo_row


def problems(data: bytes, sector: str | None = None) -> list[tuple[int, str]]:
    with pytest.raises(RegisterImportError) as caught:
        parse_register(data, sector=sector)
    return [(error.line, error.reason) for error in caught.value.errors]


def schools() -> list[dict[str, str]]:
    return [
        vo_row("16SW", "00"),
        vo_row("16SW", "03", VESTIGINGSNAAM="Lycée Boxmeer"),
        vo_row("00AH", "00"),
    ]


def test_the_current_vo_layout_reads_as_the_old_one():
    old = parse_register(duo_file(schools()))
    assert [e.vestiging for e in old.entries] == ["16SW00", "16SW03", "00AH00"]
    assert parse_register(current_layout(schools())) == old
    assert parse_register(current_layout(schools(), suffix=True)) == old


def test_a_one_digit_suffix_is_padded_to_the_full_code():
    data = current_layout([vo_row("16SW", "3"), vo_row("17SW", "12")], suffix=True)
    assert b'"16SW";"3"' in data
    assert [e.vestiging for e in parse_register(data).entries] == ["16SW03", "17SW12"]


def test_a_suffix_and_a_full_code_of_one_location_are_one_location():
    data = current_layout([vo_row("16SW", "03"), vo_row("16SW", "03")])
    data = data.replace(b'"16SW";"16SW03"', b'"16SW";"3"', 1)
    assert problems(data) == [
        (3, "16SW03 appears more than once: it was already on line 2.")
    ]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252"])
def test_the_current_layout_in_every_encoding(encoding):
    parsed = parse_register(current_layout(schools(), suffix=True, encoding=encoding))
    assert parsed == parse_register(duo_file(schools()))
    assert parsed.entries[1].values["name"] == "Lycée Boxmeer"


@pytest.mark.parametrize("sector", ["mbo", "hbo"])
def test_institution_lists_with_instellingscode(sector):
    rows = [institution_row("25LP", "ROC Testregio"), institution_row("30RC", "Één")]
    current = current_layout(rows)
    assert current.startswith(b'"PROVINCIE";"BEVOEGD GEZAG NUMMER";"INSTELLINGSCODE"')
    parsed = parse_register(current, sector=sector)
    assert parsed == parse_register(duo_file(rows), sector=sector)
    assert [(e.brin, e.vestiging) for e in parsed.entries] == [
        ("25LP", ""),
        ("30RC", ""),
    ]


def test_both_names_of_one_column_are_refused():
    rows = [{**vo_row(), "INSTELLINGSCODE": "16SW"}]
    reasons = [reason for _line, reason in problems(duo_file(rows))]
    assert any(
        "INSTELLINGSCODE" in r and "BRIN NUMMER" in r and "keep one" in r
        for r in reasons
    ), reasons


def test_a_missing_key_column_is_named_in_both_spellings():
    row = {k: v for k, v in vo_row().items() if k != "BRIN NUMMER"}
    reasons = [reason for _line, reason in problems(duo_file([row]))]
    assert "The column “INSTELLINGSCODE” (or “BRIN NUMMER”) is missing." in reasons


def test_a_file_of_neither_layout_names_the_columns_expected_and_found():
    ((line, reason),) = problems(b"naam;plaats;Brin\nA;B;C\n")
    assert line == 1
    for expected in (
        "INSTELLINGSCODE",
        "BRIN NUMMER",
        "VESTIGINGSCODE",
        "VESTIGINGSNUMMER",
        "VESTIGINGSNAAM",
        "INSTELLINGSNAAM",
    ):
        assert expected in reason
    assert "This file has the columns “NAAM”, “PLAATS”, “BRIN”." in reason


VO_FILES = {
    "old": duo_file(schools()),
    "current": current_layout(schools()),
    "current, suffix": current_layout(schools(), suffix=True),
}


@pytest.mark.parametrize("kind", VO_FILES)
def test_a_vo_file_as_mbo_is_refused_naming_only_columns_it_has(kind):
    ((line, reason),) = problems(VO_FILES[kind], sector="mbo")
    header = VO_FILES[kind].split(b"\n", 1)[0].decode()
    assert line == 1
    assert "list of vo school locations" in reason and "mbo" in reason
    code_column = "VESTIGINGSNUMMER" if kind == "old" else "VESTIGINGSCODE"
    other = "VESTIGINGSCODE" if kind == "old" else "VESTIGINGSNUMMER"
    assert code_column in reason and other not in reason
    assert f'"{code_column}"' in header
    # What an institution list would have, said as missing, not as present.
    assert "no “INSTELLINGSNAAM” column" in reason


@pytest.mark.django_db
def test_the_same_schools_from_the_old_then_the_current_layout_are_unchanged():
    assert register_import(data=duo_file(schools())) == ImportResult(3, 0, 0)
    for data in (
        current_layout(schools()),
        current_layout(schools(), suffix=True, encoding="cp1252"),
        codecs.BOM_UTF8 + current_layout(schools(), suffix=True),
    ):
        assert register_import(data=data) == ImportResult(0, 0, 3)
    rows = [institution_row("25LP"), institution_row("30RC")]
    assert register_import(data=duo_file(rows), sector="mbo") == ImportResult(2, 0, 0)
    assert register_import(data=current_layout(rows), sector="mbo") == ImportResult(
        0, 0, 2
    )
    assert RegisterEntry.objects.count() == 5


@pytest.mark.django_db
def test_the_command_reads_the_current_layout_and_tells_the_truth_about_mbo(
    tmp_path,
):
    path = tmp_path / "02.-alle-vestigingen-vo.csv"
    path.write_bytes(current_layout(schools(), suffix=True, encoding="cp1252"))
    out = StringIO()
    call_command("import_duo_schools", str(path), stdout=out)
    assert out.getvalue().splitlines()[-1] == "created=3 updated=0 unchanged=0"
    err = StringIO()
    with pytest.raises(CommandError, match="nothing was written"):
        call_command("import_duo_schools", str(path), "--sector", "mbo", stderr=err)
    assert "VESTIGINGSCODE" in err.getvalue()
    assert "VESTIGINGSNUMMER" not in err.getvalue()


@pytest.mark.django_db(transaction=True)
def test_the_upload_form_tells_the_truth_about_a_vo_file_sent_as_mbo(
    staff_client, run_worker, django_capture_on_commit_callbacks
):
    file = SimpleUploadedFile("vo.csv", current_layout(schools()), "text/csv")
    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post(
            reverse("registry:import_list"), {"sector": "mbo", "file": file}
        )
    run_worker()
    job = ImportJob.objects.get()
    page = staff_client.get(
        reverse("registry:import_detail", args=[job.pk])
    ).content.decode()
    assert "list of vo school locations" in page
    assert "VESTIGINGSCODE" in page and "VESTIGINGSNUMMER" not in page
    assert not RegisterEntry.objects.exists()


def test_a_suffix_next_to_a_bad_brin_gets_one_message_about_the_brin():
    data = current_layout([vo_row("1X", "00")], suffix=True)
    assert b'"1X";"00"' in data
    ((line, reason),) = problems(data)
    assert line == 2 and "BRIN number “1X” is not valid" in reason


def test_a_vo_file_with_only_a_name_column_as_mbo_names_that_one_column():
    row = {k: v for k, v in vo_row().items() if k != "VESTIGINGSNUMMER"}
    reasons = [reason for _line, reason in problems(current_layout([row]), "mbo")]
    (looks_like,) = [r for r in reasons if r.startswith("This looks like")]
    assert "(it has the column “VESTIGINGSNAAM”)" in looks_like
    assert "VESTIGINGSCODE" not in looks_like and "VESTIGINGSNUMMER" not in looks_like
    # The key column it lacks is said to be missing, in both spellings.
    assert "The column “VESTIGINGSCODE” (or “VESTIGINGSNUMMER”) is missing." in reasons
