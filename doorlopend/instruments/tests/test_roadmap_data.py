"""The shipped roadmaps: seed 000's checklist and seed 002's step plan, word for word."""

import json
import re
from pathlib import Path

import pytest
from django_scopes import scopes_disabled

from doorlopend.instruments.models import InstrumentVersion
from doorlopend.reflection.forms.sessions import SessionForm

SEEDS = Path("/work/shared/seeds")
# The scanning errors of seed 000 and how the checklist reads them.
SCAN_FIXES = {"LEERL|¥N": "LEERLIJN", "stem op elkaar df": "stem op elkaar af"}


def _checklist():
    return InstrumentVersion.objects.get(key="checklist-leerlijn-lob").definition


def _step_plan():
    return InstrumentVersion.objects.get(key="doorlopende-leerroute").definition


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


@pytest.mark.django_db
def test_the_checklist_has_four_blocks_and_only_the_mt_block_is_per_school():
    checklist = _checklist()
    assert [(b.key, b.title, b.per_school) for b in checklist.blocks] == [
        ("spreek-dezelfde-taal", "Spreek regionaal dezelfde taal", False),
        ("heldere-afspraken", "Maak regionaal heldere afspraken", False),
        (
            "veranderopdracht-mt",
            "Beleg de veranderopdracht in het MT van elke school",
            True,
        ),
        (
            "kartrekker",
            "Benoem een praktische kartrekker voor de uitvoering",
            False,
        ),
    ]
    assert checklist.applies_to == "partnership"
    assert checklist.title == "Checklist doorlopende leerlijn LOB vo-mbo-hbo (versie 2)"
    assert "Expertisepunt LOB" in checklist.source.publisher


@pytest.mark.django_db
def test_the_plan_of_approach_and_the_kartrekker_activities_carry_their_points():
    checklist = _checklist()
    plan = checklist.item("regionaal-plan-van-aanpak")
    assert plan.points == (
        "Beschikbaar budget.",
        "Taken en verantwoordelijkheden van betrokkenen.",
        "Inzet van mensen voor activiteiten gericht op LOB (bijeenkomsten, excursies, "
        "gastlessen).",
        "Benodigde materialen en middelen.",
        "Planning.",
        "Communicatie.",
    )
    activities = checklist.item("concrete-activiteiten")
    assert checklist.block_of("concrete-activiteiten").key == "kartrekker"
    assert len(activities.points) == 6
    assert activities.points[2] == "bespreek elkaars curriculum en stem op elkaar af"
    assert "Paspoort voor Succes (PvS)" in activities.points[5]


@pytest.mark.skipif(
    not SEEDS.exists(), reason="the seed documents are not on this machine"
)
@pytest.mark.django_db
def test_every_checklist_item_is_worded_as_in_seed_000_in_order():
    seed = next(SEEDS.glob("000_*.txt")).read_text()
    for wrong, right in SCAN_FIXES.items():
        seed = seed.replace(wrong, right)
    seed = seed.replace("5W'’s", "5 W’s")
    body = seed[seed.index("SPREEK REGIONAAL") :]
    # The scan turned the bullets into a stray "O"; they are no words of the checklist.
    seed_words = [w for w in _words(body) if w != "o"]
    data_words = []
    for block in _checklist().blocks:
        data_words += _words(block.title)
        for item in block.items:
            data_words += _words(item.title)
            for point in item.points:
                data_words += _words(point)
    assert data_words == seed_words
    flat = " ".join(body.split())
    assert "Formuleer de veranderopdracht op basis van de 5 W’s en een tijdpad." in flat


@pytest.mark.django_db
def test_the_step_plan_has_eleven_steps_in_order_and_three_deliverables():
    plan = _step_plan()
    assert plan.applies_to == "route"
    assert [i.key for i in plan.items] == [
        "benoemen-trekkers",
        "draagvlakonderzoek",
        "analyse",
        "inhoudelijke-afstemming",
        "plan-van-aanpak",
        "medezeggenschap",
        "ontwerpprincipes",
        "ontwerp",
        "samenwerkingsovereenkomst",
        "communicatie",
        "melden-duo",
    ]
    assert [(d.key, d.title, d.document) for d in plan.deliverables] == [
        ("projectplan", "Projectplan", "projectplan"),
        (
            "samenwerkingsovereenkomst",
            "Samenwerkingsovereenkomst",
            "samenwerkingsovereenkomst",
        ),
        ("leerroute", "De doorlopende leerroute", "leerroute"),
    ]
    produced = {i.key: i.deliverables for i in plan.items if i.deliverables}
    assert produced == {
        "plan-van-aanpak": ("projectplan",),
        "ontwerp": ("leerroute",),
        "samenwerkingsovereenkomst": ("samenwerkingsovereenkomst",),
    }
    trekkers = plan.item("benoemen-trekkers")
    assert trekkers.decision == "besluitvorming"
    assert "stuurgroep" in trekkers.explanation
    assert "projectleider" in trekkers.explanation
    assert "bedrijfsleven" in plan.item("draagvlakonderzoek").explanation
    assert plan.item("ontwerp").points == (
        "Onderwijskundig ontwerp",
        "De overstapoptie",
        "Examinering",
    )
    assert plan.item("ontwerpprincipes").title == "Formuleer ontwerpprincipes"
    assert any("decanennetwerk" in tip for tip in plan.item("communicatie").tips)


@pytest.mark.django_db
def test_the_analysis_step_asks_its_five_questions():
    analyse = _step_plan().item("analyse")
    assert analyse.points == (
        "Welke sectoren in de regio kennen een goed arbeidsmarktperspectief?",
        "Welke werkvelden zijn dat?",
        "Breng opleidingsbehoefte van de werkvelden in kaart.",
        "Maak een doelgroepanalyse.",
        "Bepaal de opleidingsvariant (BOL/BBL).",
    )
    assert analyse.tips == (
        "Bekijk en gebruik de regioscanner Onderwijs in de regio in cijfers.",
    )


@pytest.mark.skipif(
    not SEEDS.exists(), reason="the seed documents are not on this machine"
)
@pytest.mark.django_db
def test_every_step_explanation_is_worded_as_in_seed_002():
    seed = next(SEEDS.glob("002_*.txt")).read_text()
    # Scanning and spelling errors of the seed, as the step plan corrects them.
    for wrong, right in {
        "Samenwerkovereenkomst": "Samenwerkingsovereenkomst",
        "& formulier": "en het formulier",
        "Communiqueer": "Communiceer",
        "leerling potentieel": "leerlingpotentieel",
        "is iemand zijn die": "is iemand die",
    }.items():
        seed = seed.replace(wrong, right)
    seed_text = " " + " ".join(_words(seed)) + " "
    explained = [i for i in _step_plan().items if i.explanation]
    # Every step but "Formuleer ontwerpprincipes" and "Ontwerp" (tips and points only).
    assert len(explained) == 9
    for item in explained:
        assert f" {' '.join(_words(item.explanation))} " in seed_text, item.key


@pytest.mark.django_db
def test_no_scanning_errors_remain_in_the_roadmaps():
    # The data, not the files' comments (which name the errors they corrected).
    for version in InstrumentVersion.objects.roadmaps():
        text = json.dumps(version.definition_json, ensure_ascii=False)
        for wrong in (
            "|¥",
            " df,",
            " df ",
            "ontwerpisen",
            "Samenwerkovereenkomst",
            "Communiqueer",
            "5W'",
        ):
            assert wrong not in text, (version.key, wrong)


@pytest.mark.django_db
def test_the_reflection_session_form_offers_no_roadmaps(partnership):
    with scopes_disabled():  # the form also offers the partnership's leerroutes
        offered = SessionForm(partnership=partnership).fields["instrument"].queryset
    assert set(offered.values_list("kind", flat=True)) == {"questionnaire"}
    assert {"reflectietool", "besluitvorming"} <= set(
        offered.values_list("key", flat=True)
    )
    assert InstrumentVersion.objects.roadmaps().count() == 2
    assert not offered.filter(
        pk__in=InstrumentVersion.objects.roadmaps().values("pk")
    ).exists()
