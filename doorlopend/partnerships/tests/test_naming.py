"""A partnership named "Samenwerkingsverband Rivierenland" is not "het samenwerkingsverband
Samenwerkingsverband Rivierenland": the word for its kind is left out when the name has it."""

import pytest
from django.core import mail
from django.utils import translation
from django_scopes import scope

from doorlopend.partnerships import services
from doorlopend.partnerships.naming import partnership_phrase

from .factories import MembershipFactory, PartnershipFactory


@pytest.mark.parametrize(
    ("name", "phrase"),
    [
        ("Samenwerkingsverband Rivierenland", "Samenwerkingsverband Rivierenland"),
        ("samenwerkingsverband VO Zuid", "samenwerkingsverband VO Zuid"),
        ("SAMENWERKINGSVERBAND-Noord", "SAMENWERKINGSVERBAND-Noord"),
        (
            "Regionaal Verband Zeeuwse Delta",
            "het samenwerkingsverband Regionaal Verband Zeeuwse Delta",
        ),
        # Only the whole word: a name that merely begins like it keeps its kind.
        (
            "Samenwerkingsverbanden Oost",
            "het samenwerkingsverband Samenwerkingsverbanden Oost",
        ),
    ],
)
def test_the_phrase_names_the_kind_once(name, phrase):
    with translation.override("nl"):
        assert partnership_phrase(name) == phrase


def test_in_english_the_english_word_is_the_kind():
    with translation.override("en"):
        assert partnership_phrase("Partnership North") == "Partnership North"
        assert partnership_phrase("Rivierenland") == "the partnership Rivierenland"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "sentence"),
    [
        (
            "Samenwerkingsverband Rivierenland",
            "in Doorlopend te werken voor Samenwerkingsverband Rivierenland, als",
        ),
        (
            "Regionaal Verband Zeeuwse Delta",
            "voor het samenwerkingsverband Regionaal Verband Zeeuwse Delta, als",
        ),
    ],
)
def test_the_invitation_mail_names_the_partnership_once(
    name, sentence, django_capture_on_commit_callbacks
):
    partnership = PartnershipFactory(name=name)
    with (
        scope(partnership=partnership),
        translation.override("nl"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        services.invitation_create(
            partnership=partnership,
            email="nieuw@example.org",
            role="docent",
            organisation=None,
            by=MembershipFactory(partnership=partnership),
            base_url="https://doorlopend.example",
        )
    [message] = mail.outbox
    body = " ".join(message.body.split())
    assert sentence in body
    assert "samenwerkingsverband samenwerkingsverband" not in body.lower()
