"""Statuses wear colours with meaning: one mapping (core.status), every choice in it.

'bestemming onbekend' must not look like 'gestart', nor 'nog niet bereikt' like 'bereikt';
and no state is told by colour alone.
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest
from django.apps import apps
from django.template import Context, Template
from django.utils import translation

import doorlopend
from doorlopend.core.status import SIGNS, TONES, Tone, tone
from doorlopend.planning.models import Milestone
from doorlopend.transitions.models import Transition

STATUS_FIELDS = {"status", "state", "outcome"}
ROOT = Path(doorlopend.__file__).resolve().parent


def _status_fields():
    for model in apps.get_models():
        if not model.__module__.startswith("doorlopend."):
            continue
        for field in model._meta.get_fields():
            if field.name in STATUS_FIELDS and getattr(field, "choices", None):
                yield f"{model._meta.label}.{field.name}", [c[0] for c in field.choices]


@pytest.mark.parametrize(("kind", "values"), list(_status_fields()))
def test_every_choice_of_every_status_field_has_a_tone(kind, values):
    assert kind in TONES, f"{kind} has no tones in core/status.py"
    missing = [v for v in values if v not in TONES[kind]]
    assert not missing, f"{kind}: no tone for {missing}"


@pytest.mark.parametrize(
    ("kind", "value"),
    [
        ("transitions.Transition.status", "onbekend"),
        ("transitions.Transition.status", "leidt_niet_tot_inschrijving"),
        ("transitions.Transition.status", "ingetrokken"),
        ("transitions.Transition.status", "gestopt"),
        ("transitions.Signal.open", True),
        ("planning.Milestone.progress", "late"),
        ("planning.ProgressUpdate.state", "attention"),
        ("planning.ProgressUpdate.state", "behind"),
        ("planning.Goal.deadline", "passed"),
        ("routes.Consent.outcome", "negative"),
        ("routes.Consent.outcome", "postponed"),
        ("registry.ImportJob.status", "failed"),
        ("overdue", True),
        ("attention", True),
    ],
)
def test_worrying_states_wear_warning_colours(kind, value):
    assert tone(kind, value) in (Tone.WARNING, Tone.DANGER)


def test_unknown_destination_and_not_reached_look_unlike_their_opposites():
    pupil = "transitions.Transition.status"
    assert tone(pupil, "onbekend") != tone(pupil, "gestart")
    milestone = "planning.Milestone.progress"
    assert tone(milestone, "planned") != tone(milestone, "reached")
    assert tone(milestone, "late") != tone(milestone, "reached")


def test_each_tone_has_its_own_sign():
    assert set(SIGNS) == set(Tone)
    assert len(set(SIGNS.values())) == len(Tone)


def test_a_badge_says_the_status_in_words_with_a_sign():
    template = Template("{% load status %}{% status_of t %}|{% status_badge k v l %}")
    with translation.override("nl"):
        html = template.render(
            Context(
                {
                    "t": Transition(status="onbekend"),
                    "k": "planning.Milestone.progress",
                    "v": Milestone(done=False, date=datetime.date(2020, 1, 1)).progress,
                    "l": "niet bereikt, datum verstreken",
                }
            )
        )
    unknown, not_reached = html.split("|")
    assert 'class="status-badge tone-warning"' in unknown
    assert "bestemming onbekend" in unknown and "!" in unknown
    assert 'class="status-badge tone-warning"' in not_reached
    assert "niet bereikt, datum verstreken" in not_reached


def test_templates_do_not_choose_a_status_colour():
    """A badge's colour comes from core.status: no template writes status-… classes."""
    own = re.compile(
        r'class="(status-badge|tag)[^"]*(status-(?!compact)|update-|overdue|warning)'
    )
    offenders = [
        str(path.relative_to(ROOT))
        for path in ROOT.rglob("*.html")
        if own.search(path.read_text())
    ]
    assert not offenders, f"use {{% status_of %}} / {{% status_badge %}} in {offenders}"
