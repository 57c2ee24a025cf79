"""The instrument data files: the seed's exact texts, a checked schema, frozen used versions."""

import re
import shutil
from pathlib import Path

import pytest
import yaml

from doorlopend.instruments.definition import DefinitionError, parse
from doorlopend.instruments.models import InstrumentVersion
from doorlopend.instruments.services import (
    DATA_DIR,
    InstrumentChangedError,
    instruments_sync,
    version_mark_used,
)

SEEDS = Path("/work/shared/seeds")


def _reflectietool():
    return InstrumentVersion.objects.get(key="reflectietool", version=1).definition


@pytest.mark.django_db
def test_migrate_loads_the_reflectietool_with_six_themes_and_22_questions():
    definition = _reflectietool()
    assert [t.title for t in definition.themes] == [
        "Visie en ambitie",
        "Relatie",
        "Betrokken partners",
        "Daadkracht",
        "Inspiratie",
        "Monitoring",
    ]
    assert [len(t.questions) for t in definition.themes] == [4, 4, 4, 3, 4, 3]
    assert definition.scale.labels == {1: "helemaal niet waar", 5: "helemaal waar"}
    assert definition.scale.dont_know == "weet niet"
    assert "Expertisepunt LOB" in definition.source.publisher
    assert all(t.background for t in definition.themes)


@pytest.mark.django_db
def test_decision_statements_are_a_second_instrument():
    definition = InstrumentVersion.objects.get(key="besluitvorming").definition
    assert [q.text for q in definition.questions][0] == (
        "Onze gezamenlijke ambitie is prikkelend en uitdagend."
    )
    assert len(definition.questions) == 4


@pytest.mark.skipif(
    not SEEDS.exists(), reason="the seed documents are not on this machine"
)
@pytest.mark.django_db
def test_every_question_is_worded_as_in_the_seed():
    seed = " ".join(
        (
            next(SEEDS.glob("003_*.txt")).read_text()
            + next(SEEDS.glob("004_*.txt")).read_text()
        ).split()
    )
    for key in ("reflectietool", "besluitvorming"):
        for question in InstrumentVersion.objects.get(key=key).definition.questions:
            assert question.text.rstrip(".") in seed, question.key


def test_no_personal_contact_details_in_the_data_files():
    for path in DATA_DIR.glob("*/*.yaml"):
        text = path.read_text()
        assert not re.search(r"[\w.]+@[\w.]+", text), path
        assert not re.search(r"\b0\d{2,3}\s*-\s*\d{6}\b", text), path


def _valid() -> dict:
    return yaml.safe_load((DATA_DIR / "besluitvorming" / "1.yaml").read_text())


def test_schema_errors_name_every_problem_and_where():
    data = _valid()
    data["version"] = "one"
    data["themes"][0]["questions"][1]["text"] = ""
    data["themes"][0]["questions"][2]["key"] = "besluit-ambitie"
    del data["scale"]["labels"][5]
    with pytest.raises(DefinitionError) as info:
        parse(data, origin="test.yaml")
    errors = info.value.errors
    assert "version: must be a whole number of at least 1" in errors
    assert "themes[0].questions[1].text: is required" in errors
    assert "themes[0].questions[2].key: 'besluit-ambitie' is used twice" in errors
    assert "scale.labels: the lowest and highest points need a label" in errors
    assert str(info.value).startswith("test.yaml: ")


def _copy_data(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    return target


@pytest.mark.django_db
def test_a_file_must_live_at_key_slash_version(tmp_path):
    data_dir = _copy_data(tmp_path)
    (data_dir / "besluitvorming" / "1.yaml").rename(
        data_dir / "besluitvorming" / "2.yaml"
    )
    with pytest.raises(DefinitionError, match="must match the file's place"):
        instruments_sync(data_dir=data_dir)


@pytest.mark.django_db
def test_an_unused_version_may_still_be_corrected(tmp_path):
    data_dir = _copy_data(tmp_path)
    path = data_dir / "besluitvorming" / "1.yaml"
    path.write_text(path.read_text().replace("prikkelend", "uitdagend en prikkelend"))
    result = instruments_sync(data_dir=data_dir)
    assert result.updated == ["besluitvorming v1"]
    version = InstrumentVersion.objects.get(key="besluitvorming")
    assert version.definition.questions[0].text.startswith(
        "Onze gezamenlijke ambitie is uitdagend"
    )


@pytest.mark.django_db
def test_a_used_version_never_changes(tmp_path):
    data_dir = _copy_data(tmp_path)
    version_mark_used(version=InstrumentVersion.objects.get(key="besluitvorming"))
    path = data_dir / "besluitvorming" / "1.yaml"
    path.write_text(path.read_text().replace("prikkelend", "spannend"))
    with pytest.raises(InstrumentChangedError, match="besluitvorming/2.yaml"):
        instruments_sync(data_dir=data_dir)
    assert (
        "prikkelend"
        in InstrumentVersion.objects.get(key="besluitvorming")
        .definition.questions[0]
        .text
    )


@pytest.mark.django_db
def test_a_new_version_is_a_new_file(tmp_path):
    data_dir = _copy_data(tmp_path)
    version_mark_used(version=InstrumentVersion.objects.get(key="besluitvorming"))
    new = data_dir / "besluitvorming" / "2.yaml"
    new.write_text(
        (data_dir / "besluitvorming" / "1.yaml")
        .read_text()
        .replace("version: 1", "version: 2")
    )
    result = instruments_sync(data_dir=data_dir)
    assert result.created == ["besluitvorming v2"]
    latest = [
        v.version
        for v in InstrumentVersion.objects.latest_per_key()
        if v.key == "besluitvorming"
    ]
    assert latest == [2]
