"""Roadmap data files go through the one loader: errors with file and line, frozen versions."""

import shutil
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from doorlopend.instruments.definition import DefinitionError
from doorlopend.instruments.management.commands import load_instruments
from doorlopend.instruments.models import InstrumentVersion
from doorlopend.instruments.services import (
    DATA_DIR,
    InstrumentChangedError,
    instruments_sync,
    version_mark_used,
)
from doorlopend.instruments.source_lines import path_line, yaml_read

BROKEN = """\
kind: roadmap
key: proef
version: 1
title: Proef
applies_to: school
source:
  publisher: Iemand
  title: Iets
deliverables:
  - key: plan
    title: Plan
    document: begroting
blocks:
  - key: een
    title: Een
    per_school: ja
    items:
      - key: a
        title: A
        deliverables: [plan, rapport]
      - key: b
        explanation: zonder titel
  - key: Twee
    title: Twee
    items: []
"""


def _write(data_dir: Path, key: str, text: str) -> Path:
    path = data_dir / key / "1.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def _copy_data(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    return target


@pytest.mark.django_db
def test_roadmap_schema_errors_name_every_problem_with_file_and_line(tmp_path):
    path = _write(tmp_path, "proef", BROKEN)
    with pytest.raises(DefinitionError) as info:
        instruments_sync(data_dir=tmp_path)
    assert info.value.errors == [  # in the order of the file
        "line 5: applies_to: must be one of partnership, route",
        "line 12: deliverables[0].document: must be one of projectplan, "
        "samenwerkingsovereenkomst, leerroute",
        "line 16: blocks[0].per_school: must be true or false",
        "line 20: blocks[0].items[0].deliverables: 'rapport' is not a deliverable of "
        "this roadmap",
        # A missing field: the line of the entry that lacks it.
        "line 21: blocks[0].items[1].title: is required",
        "line 23: blocks[1].key: 'Twee' must be lowercase letters, digits and hyphens",
        "line 25: blocks[1].items: must be a non-empty list",
    ]
    assert f"{path}, line 21: blocks[0].items[1].title: is required" in str(info.value)
    assert not InstrumentVersion.objects.filter(key="proef").exists()


@pytest.mark.django_db
def test_questionnaire_errors_get_their_line_from_the_same_loader(tmp_path):
    data_dir = _copy_data(tmp_path)
    path = data_dir / "besluitvorming" / "1.yaml"
    lines = path.read_text().splitlines()
    number = next(
        n for n, line in enumerate(lines, 1) if "We voeren een open gesprek" in line
    )
    lines[number - 1] = "        text: ''"
    path.write_text("\n".join(lines) + "\n")
    with pytest.raises(DefinitionError) as info:
        instruments_sync(data_dir=data_dir)
    assert info.value.errors == [
        f"line {number}: themes[0].questions[1].text: is required"
    ]


@pytest.mark.django_db
def test_yaml_syntax_errors_and_a_misplaced_file_name_their_line(tmp_path):
    _write(tmp_path, "proef", "kind: roadmap\nkey: proef\ntitle: [open\n")
    with pytest.raises(DefinitionError) as info:
        instruments_sync(data_dir=tmp_path)
    assert info.value.errors[0].startswith("line 4: not valid YAML")

    data_dir = _copy_data(tmp_path / "copy")
    _write(
        data_dir, "proef", (data_dir / "doorlopende-leerroute" / "1.yaml").read_text()
    )
    with pytest.raises(DefinitionError, match="must match the file's place") as info:
        instruments_sync(data_dir=data_dir)
    line = next(
        n
        for n, text in enumerate(
            (data_dir / "proef" / "1.yaml").read_text().splitlines(), 1
        )
        if text.startswith("key:")
    )
    assert info.value.errors[0].startswith(f"line {line}: key: ")


@pytest.mark.django_db
def test_an_unknown_deliverable_of_a_step_is_refused(tmp_path):
    data_dir = _copy_data(tmp_path)
    path = data_dir / "doorlopende-leerroute" / "1.yaml"
    path.write_text(
        path.read_text().replace(
            "deliverables: [leerroute]", "deliverables: [leeroute]"
        )
    )
    with pytest.raises(DefinitionError) as info:
        instruments_sync(data_dir=data_dir)
    (error,) = info.value.errors
    assert error.endswith(
        "blocks[1].items[3].deliverables: 'leeroute' is not a deliverable of this roadmap"
    )
    line = next(
        n
        for n, text in enumerate(path.read_text().splitlines(), 1)
        if "[leeroute]" in text
    )
    assert error.startswith(f"line {line}: ")


@pytest.mark.django_db
def test_a_decision_must_name_an_existing_questionnaire(tmp_path):
    data_dir = _copy_data(tmp_path)
    path = data_dir / "doorlopende-leerroute" / "1.yaml"
    path.write_text(
        path.read_text().replace("decision: besluitvorming", "decision: besluiten")
    )
    with pytest.raises(DefinitionError) as info:
        instruments_sync(data_dir=data_dir)
    (error,) = info.value.errors
    assert "blocks[0].items[0].decision: 'besluiten' is not a questionnaire" in error
    line = next(
        n
        for n, text in enumerate(path.read_text().splitlines(), 1)
        if "decision:" in text
    )
    assert error.startswith(f"line {line}: ")


@pytest.mark.django_db
def test_an_unknown_kind_is_refused(tmp_path):
    _write(tmp_path, "proef", BROKEN.replace("kind: roadmap", "kind: planning"))
    with pytest.raises(DefinitionError) as info:
        instruments_sync(data_dir=tmp_path)
    assert info.value.errors == [
        "line 1: kind: must be one of questionnaire, roadmap, list, scan, poll"
    ]


@pytest.mark.django_db
def test_a_used_roadmap_version_never_changes(tmp_path):
    data_dir = _copy_data(tmp_path)
    version = InstrumentVersion.objects.get(key="checklist-leerlijn-lob")
    assert version.kind == InstrumentVersion.Kind.ROADMAP
    version_mark_used(version=version)
    path = data_dir / "checklist-leerlijn-lob" / "1.yaml"
    path.write_text(
        path.read_text().replace("Bewaak de budgetten.", "Bewaak het geld.")
    )
    with pytest.raises(InstrumentChangedError, match="checklist-leerlijn-lob/2.yaml"):
        instruments_sync(data_dir=data_dir)
    stored = InstrumentVersion.objects.get(key="checklist-leerlijn-lob").definition
    assert stored.item("budgetten-bewaken").title == "Bewaak de budgetten."


@pytest.mark.django_db
def test_an_unused_roadmap_version_may_still_be_corrected(tmp_path):
    data_dir = _copy_data(tmp_path)
    path = data_dir / "doorlopende-leerroute" / "1.yaml"
    path.write_text(
        path.read_text().replace("title: Communicatie", "title: Communiceer")
    )
    assert instruments_sync(data_dir=data_dir).updated == ["doorlopende-leerroute v1"]
    stored = InstrumentVersion.objects.get(key="doorlopende-leerroute").definition
    assert stored.item("communicatie").title == "Communiceer"


@pytest.mark.django_db
def test_the_load_command_prints_every_error_with_file_and_line(tmp_path, monkeypatch):
    path = _write(tmp_path, "proef", BROKEN)
    monkeypatch.setattr(
        load_instruments,
        "instruments_sync",
        lambda: instruments_sync(data_dir=tmp_path),
    )
    with pytest.raises(CommandError) as info:
        call_command("load_instruments")
    lines = str(info.value).splitlines()
    assert len(lines) == 7
    assert f"{path}, line 5: applies_to: must be one of partnership, route" in lines


def test_path_line_finds_the_deepest_node_that_exists():
    _data, root = yaml_read(BROKEN)
    assert path_line(root, "document") == 1
    assert path_line(root, "version") == 3
    assert path_line(root, "source.title") == 8
    assert path_line(root, "blocks[0].items[1]") == 21
    assert path_line(root, "blocks[0].items[1].title") == 21  # no title: its entry
    assert path_line(root, "blocks[9].items[0].title") == 13  # no block 9: "blocks:"
    assert path_line(root, "introduction") == 1  # nothing on the path: the document
    assert path_line(None, "version") is None
