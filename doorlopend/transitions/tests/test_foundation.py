"""The building blocks every part of the monitor stands on: PGN, pseudonym, encryption,
status rules and the anonymity threshold."""

import pytest
from django.core.checks import run_checks
from django.db import connection
from django_scopes import scopes_disabled

from doorlopend.transitions.choices import Status, allowed_pairs, may_follow
from doorlopend.transitions.models import Pupil
from doorlopend.transitions.pgn import InvalidPGN, pgn_is_valid, pgn_normalise
from doorlopend.transitions.privacy import pseudonym

from .factories import PupilFactory


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("123456782", "123456782"),  # BSN
        ("1234.56.782", "123456782"),
        (" 12345 6782 ", "123456782"),
        ("12345672", "012345672"),  # an 8-digit BSN lost its leading zero
        ("101234567", "101234567"),  # onderwijsnummer: weights 9…1, remainder 5
    ],
)
def test_valid_pupil_numbers_are_normalised(raw, expected):
    assert pgn_normalise(raw) == expected


@pytest.mark.parametrize("raw", ["123456789", "12345678a", "1234567", "", "000000000"])
def test_invalid_pupil_numbers_are_refused(raw):
    with pytest.raises(InvalidPGN):
        pgn_normalise(raw)


def test_a_single_changed_digit_fails_the_check():
    assert pgn_is_valid("123456782")
    assert not pgn_is_valid("123456783")


def test_pseudonym_is_stable_keyed_and_reveals_nothing(settings):
    first = pseudonym("123456782")
    assert first == pseudonym("123456782")
    assert len(first) == 64 and "123456782" not in first
    settings.PUPIL_PSEUDONYM_KEY = "another key"
    assert pseudonym("123456782") != first


@pytest.mark.django_db
def test_name_and_birth_date_are_encrypted_at_rest():
    pupil = PupilFactory(name="Fatima de Vries", birth_date="2010-05-17")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT name, birth_date FROM transitions_pupil WHERE id = %s", [pupil.pk]
        )
        stored_name, stored_birth = cursor.fetchone()
    assert "Fatima" not in stored_name and "2010" not in stored_birth
    with scopes_disabled():
        again = Pupil.objects.get(pk=pupil.pk)
    assert again.name == "Fatima de Vries"
    assert again.birth_date_value.year == 2010


def test_statuses_follow_the_rules():
    assert may_follow(None, Status.GESTART)
    assert may_follow(Status.AANGEMELD, Status.INGETROKKEN)
    assert may_follow(Status.INGETROKKEN, Status.AANGEMELD)  # a new registration
    assert not may_follow(Status.DIPLOMA, Status.AANGEMELD)
    assert not may_follow(Status.AANGEMELD, Status.GESTOPT)
    assert not may_follow(Status.GESTART, Status.INGESCHREVEN)
    assert ("gestart", "gestopt") in allowed_pairs()
    assert ("aangemeld", "gestopt") not in allowed_pairs()


def test_a_threshold_below_three_is_refused(settings):
    settings.TRANSITIONS_MIN_CELL = 2
    assert "transitions.E001" in {m.id for m in run_checks()}
    settings.TRANSITIONS_MIN_CELL = 3
    assert "transitions.E001" not in {m.id for m in run_checks()}


def test_a_deployment_without_site_url_is_refused(settings):
    from doorlopend.transitions.checks import site_url_check

    settings.SITE_URL = ""
    assert [m.id for m in site_url_check(None)] == ["transitions.E002"]
    settings.SITE_URL = "https://doorlopend.example.nl"
    assert site_url_check(None) == []
