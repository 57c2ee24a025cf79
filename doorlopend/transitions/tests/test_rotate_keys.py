"""Key rotation: old tokens still decrypt with the new key list; after rotation the new key alone."""

from io import StringIO

import pytest
from cryptography.fernet import Fernet
from django.core.management import call_command
from django.db import connection
from django_scopes import scopes_disabled

from doorlopend.transitions.models import Pupil
from doorlopend.transitions.privacy import decrypt

from .factories import PupilFactory

pytestmark = pytest.mark.django_db


def raw(pupil) -> tuple[str, str]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT name, birth_date FROM transitions_pupil WHERE id = %s", [pupil.pk]
        )
        return cursor.fetchone()


def test_rotation_re_encrypts_with_the_newest_key(settings):
    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    settings.PUPIL_DATA_KEYS = [old]
    pupils = PupilFactory.create_batch(
        3, name="Sanne de Vries", birth_date="2010-05-17"
    )
    erased = PupilFactory(name="", birth_date="")
    before = raw(pupils[0])
    assert before[0] and "Sanne" not in before[0]

    settings.PUPIL_DATA_KEYS = [new, old]
    assert (
        decrypt(before[0]) == "Sanne de Vries"
    )  # an old token reads with the new list
    out = StringIO()
    call_command("rotate_pupil_keys", "--batch", "2", stdout=out)
    assert out.getvalue().strip().splitlines()[-1] == "rotated=3"

    settings.PUPIL_DATA_KEYS = [new]  # the old key dropped
    after = raw(pupils[0])
    assert after != before
    assert decrypt(after[0]) == "Sanne de Vries"
    assert decrypt(after[1]) == "2010-05-17"
    with scopes_disabled():
        for pupil in Pupil.objects.filter(pk__in=[p.pk for p in pupils]):
            assert (pupil.name, pupil.birth_date) == ("Sanne de Vries", "2010-05-17")
        assert raw(erased) == ("", "")


def test_rotation_fails_clearly_when_a_key_is_missing(settings):
    settings.PUPIL_DATA_KEYS = [Fernet.generate_key().decode()]
    PupilFactory()
    settings.PUPIL_DATA_KEYS = [Fernet.generate_key().decode()]
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="PUPIL_DATA_KEYS"):
        call_command("rotate_pupil_keys", stdout=StringIO())
