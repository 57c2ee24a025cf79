"""The scan and the poll: questionnaires with tags, and with two points."""

from pathlib import Path

import pytest
import yaml

from doorlopend.instruments.definition import DefinitionError
from doorlopend.instruments.parsing import parse_any
from doorlopend.instruments.services import DATA_DIR, instrument_file_read


def _scan(**changes) -> dict:
    data = {
        "kind": "scan",
        "key": "s",
        "version": 1,
        "title": "S",
        "source": {"publisher": "Doorlopend", "title": "eigen stellingen"},
        "elements": "zeven-elementen",
        "action_lines": [{"key": "deskundige-lob", "title": "Deskundige LOB"}],
        "scale": {"min": 1, "max": 5, "labels": {1: "oneens", 5: "eens"}},
        "themes": [
            {
                "key": "reflectie",
                "title": "Reflectie",
                "element": "reflectie",
                "questions": [
                    {"key": "q1", "text": "Een"},
                    {"key": "q2", "text": "Twee", "action_lines": ["deskundige-lob"]},
                ],
            },
            {
                "key": "team",
                "title": "Team",
                "questions": [
                    {"key": "q3", "text": "Drie", "action_lines": ["deskundige-lob"]}
                ],
            },
        ],
    }
    data["scale"]["dont_know"] = "weet niet"
    data.update(changes)
    return data


def test_a_scan_statement_inherits_its_themes_element_and_keeps_its_lines():
    scan = parse_any(_scan())
    q1, q2, q3 = scan.questions
    assert scan.kind == "scan"
    assert (q1.element, q1.action_lines) == ("reflectie", ())
    assert (q2.element, q2.action_lines) == ("reflectie", ("deskundige-lob",))
    assert (q3.element, q3.action_lines) == ("", ("deskundige-lob",))
    assert [line.title for line in scan.action_lines] == ["Deskundige LOB"]


def test_a_scan_survives_its_stored_json():
    scan = parse_any(_scan())
    assert parse_any(scan.to_json()) == scan


def test_a_scan_statement_without_tags_or_with_an_unknown_line_is_refused():
    data = _scan()
    data["themes"][1]["questions"].append({"key": "q4", "text": "Vier"})
    data["themes"][0]["questions"][0]["action_lines"] = ["onbekend"]
    with pytest.raises(DefinitionError) as info:
        parse_any(data)
    assert (
        "themes[1].questions[1].: a scan statement needs an element or action line"
        in info.value.errors
    )
    assert any("'onbekend' is not declared" in e for e in info.value.errors)


def test_a_poll_has_two_points_and_one_theme():
    data = _scan(kind="poll")
    data.pop("elements")
    with pytest.raises(DefinitionError) as info:
        parse_any(data)
    assert "scale: a poll has two points, 1 (oneens) and 2 (eens)" in info.value.errors
    assert "themes: a poll has one theme" in info.value.errors


def test_the_lob_scan_names_doorlopend_and_tags_every_statement_with_known_keys():
    data, _digest = instrument_file_read(DATA_DIR / "lob-scan" / "1.yaml")
    scan = parse_any(data)
    assert scan.source.publisher.startswith("Doorlopend")
    assert "niet de LOB-scan van het Expertisepunt LOB" in scan.source.title
    assert "Expertisepunt" not in scan.source.publisher
    elements = yaml.safe_load(
        Path(DATA_DIR / scan.elements / "1.yaml").read_text(encoding="utf-8")
    )
    element_keys = {item["key"] for item in elements["items"]}
    used = {q.element for q in scan.questions if q.element}
    assert used == element_keys  # every one of the 7 elements, and nothing else
    assert {line for q in scan.questions for line in q.action_lines} == {
        "deskundige-lob",
        "samenwerking-overgangen",
        "informatie-beroepenveld",
    }


def test_the_opening_poll_holds_the_three_statements_of_the_workshop():
    data, _digest = instrument_file_read(
        DATA_DIR / "peiling-doorlopend-leren" / "1.yaml"
    )
    poll = parse_any(data)
    assert poll.kind == "poll"
    assert [q.text for q in poll.questions] == [
        "LOB is de kern bij doorlopend leren.",
        "Een doorlopende leerlijn LOB vo-mbo is dan onderdeel van het programma.",
        "Op mijn school hebben we al afspraken met het toeleverend- of "
        "vervolgonderwijs over doorlopend leren.",
    ]
    assert poll.scale.labels == {1: "oneens", 2: "eens"}
