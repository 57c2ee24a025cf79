"""A create form sent twice with the same key makes one thing (core.submit_once)."""

from __future__ import annotations

import base64
import pickle  # noqa: S403

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import RequestFactory

from doorlopend.core.submit_once import FIELD, submit_once, submit_once_key

pytestmark = pytest.mark.django_db


def _request(key: str | None, path: str = "/maken/"):
    request = RequestFactory().post(path, {FIELD: key} if key else {})
    request.user = AnonymousUser()
    return request


def _maker():
    made = []

    def make():
        made.append(f"secret-{len(made)}")
        return len(made), made[-1]

    return made, make


def test_the_same_key_makes_once_and_answers_with_the_first_result():
    made, make = _maker()
    key = submit_once_key()
    first = submit_once(_request(key), make)
    second = submit_once(_request(key), make)
    assert first == second == (1, "secret-0") and len(made) == 1
    # A new page (a new key) or another address makes a new one.
    assert submit_once(_request(submit_once_key()), make) == (2, "secret-1")
    assert submit_once(_request(key, "/elders/"), make) == (3, "secret-2")


def test_the_cache_holds_no_readable_secret():
    _made, make = _maker()
    submit_once(_request(submit_once_key()), make)
    # The database cache (the default): every value, unpickled as the cache reads it.
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT value FROM {cache._table}")
        kept = [pickle.loads(base64.b64decode(v)) for (v,) in cursor.fetchall()]  # noqa: S301
    assert any(isinstance(v, bytes) for v in kept)  # the sealed result is there
    assert not any(b"secret-0" in (v if isinstance(v, bytes) else b"") for v in kept)


def test_without_a_key_every_request_makes():
    made, make = _maker()
    submit_once(_request(None), make)
    submit_once(_request(None), make)
    assert len(made) == 2


def test_a_failed_make_keeps_nothing_so_the_form_can_be_sent_again():
    key = submit_once_key()

    def refuse():
        raise ValidationError("no")

    with pytest.raises(ValidationError):
        submit_once(_request(key), refuse)
    made, make = _maker()
    assert submit_once(_request(key), make) == (1, "secret-0")
