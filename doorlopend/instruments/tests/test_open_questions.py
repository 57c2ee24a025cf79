"""Open questions and `ask_layer` in an instrument file; the draagvlak instrument."""

import copy

import pytest
import yaml

from doorlopend.instruments.definition import DefinitionError, parse
from doorlopend.instruments.models import InstrumentVersion
from doorlopend.instruments.services import DATA_DIR

DRAAGVLAK = yaml.safe_load((DATA_DIR / "draagvlak" / "1.yaml").read_text())


def test_open_questions_stay_apart_from_the_scored_ones():
    definition = parse(DRAAGVLAK)
    assert [q.key for q in definition.open_questions] == [
        "behoefte-open",
        "steun-zorgen",
        "capaciteit-nodig",
    ]
    assert all(not q.open for q in definition.questions)
    assert len(definition.questions) == 12
    assert definition.ask_layer is False
    # Stored as JSON and read back (how a session reads its version), nothing is lost.
    assert parse(definition.to_json()) == definition


def test_other_instruments_still_ask_the_layer():
    assert parse(
        yaml.safe_load((DATA_DIR / "besluitvorming" / "1.yaml").read_text())
    ).ask_layer


def test_a_theme_of_only_open_questions_and_a_bad_flag_are_refused():
    data = copy.deepcopy(DRAAGVLAK)
    for question in data["themes"][0]["questions"]:
        question["open"] = True
    data["themes"][1]["questions"][0]["open"] = "ja"
    data["ask_layer"] = "nee"
    with pytest.raises(DefinitionError) as error:
        parse(data)
    messages = "\n".join(error.value.errors)
    assert (
        "themes[0].questions: a theme needs at least one question that is scored"
        in (messages)
    )
    assert "themes[1].questions[0].open: must be true or false" in messages
    assert "ask_layer: must be true or false" in messages


@pytest.mark.django_db
def test_the_draagvlak_instrument_is_loaded_and_names_its_source_honestly():
    version = InstrumentVersion.objects.get(key="draagvlak", version=1)
    source = version.definition.source
    assert source.publisher.startswith("Doorlopend")
    assert "Draagvlakonderzoek" in source.publisher
    assert version.kind == "questionnaire"
