"""Every operation: no key, a dead key, the wrong scope, another partnership or school."""

import datetime

import pytest
from django.utils import timezone
from django_scopes import scopes_disabled

from doorlopend.api.models import ApiToken
from doorlopend.partnerships.models import Membership, RoleAssignment

from .helpers import World, bearer

# (method, path under the partnership, needs a school key, a valid body)
BATCH = {"cohort": 2026, "rows": [{"pgn": "123456782"}]}
OPERATIONS = [
    ("post", "schools/{school}/leavers", True, BATCH),
    ("post", "schools/{school}/statuses", True, {"cohort": 2026, "rows": []}),
    ("get", "schools/{school}/signals", True, None),
    ("get", "figures", False, None),
    ("get", "progress", False, None),
    ("get", "reflection/sessions", False, None),
]


@pytest.fixture
def world(partnership, member_of):
    return World(partnership, member_of)


def _call(client, world, op, token=None, slug=None, school=None, **headers):
    method, tail, _school, body = op
    url = world.url(tail.format(school=(school or world.vo).pk), slug=slug)
    extra = bearer(token, **headers) if token else headers
    if method == "post":
        return client.post(url, body, content_type="application/json", **extra)
    return client.get(url, **extra)


def _own_token(world, op) -> str:
    return world.school_token if op[2] else world.token


def _problem(response, status: int) -> dict:
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["status"] == status and body["title"] and body["type"]
    return body


@pytest.mark.parametrize("op", OPERATIONS, ids=lambda op: op[1])
def test_no_key_or_a_wrong_one_is_401(client, world, op):
    response = _call(client, world, op)
    _problem(response, 401)
    assert response["WWW-Authenticate"].startswith("Bearer")
    _problem(_call(client, world, op, token="not-a-key"), 401)


@pytest.mark.parametrize("op", OPERATIONS, ids=lambda op: op[1])
def test_expired_and_revoked_keys_are_401(client, world, op):
    key = world.school_key if op[2] else world.key
    with scopes_disabled():
        ApiToken.objects.filter(pk=key.pk).update(
            expires_at=timezone.now() - datetime.timedelta(seconds=1)
        )
    _problem(_call(client, world, op, token=_own_token(world, op)), 401)
    with scopes_disabled():
        ApiToken.objects.filter(pk=key.pk).update(
            expires_at=timezone.now() + datetime.timedelta(days=1),
            revoked_at=timezone.now(),
        )
    _problem(_call(client, world, op, token=_own_token(world, op)), 401)


@pytest.mark.parametrize("op", OPERATIONS, ids=lambda op: op[1])
def test_the_other_kind_of_key_is_403(client, world, op):
    other = world.token if op[2] else world.school_token
    _problem(_call(client, world, op, token=other), 403)


@pytest.mark.parametrize("op", OPERATIONS, ids=lambda op: op[1])
def test_another_partnership_is_404(client, world, op, other_partnership):
    response = _call(
        client, world, op, token=_own_token(world, op), slug=other_partnership.slug
    )
    _problem(response, 404)
    assert other_partnership.name not in response.content.decode()


def test_another_school_is_404(client, world):
    for op in (o for o in OPERATIONS if o[2]):
        _problem(
            _call(client, world, op, token=world.school_token, school=world.mbo), 404
        )


def test_a_key_ends_with_its_makers_membership_or_role(client, world):
    op = OPERATIONS[2]  # signals
    assert _call(client, world, op, token=world.school_token).status_code == 200
    with scopes_disabled():
        RoleAssignment.objects.filter(membership__user=world.decaan).delete()
    _problem(_call(client, world, op, token=world.school_token), 403)
    with scopes_disabled():
        Membership.objects.filter(user=world.decaan).delete()
    _problem(_call(client, world, op, token=world.school_token), 401)


def test_problem_titles_in_dutch_or_english(client, world):
    op = OPERATIONS[3]
    dutch = _problem(_call(client, world, op), 401)
    english = _problem(
        _call(client, world, op, HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.8"), 401
    )
    assert english["title"] == "A valid API key is needed"
    assert dutch["title"] == "Een geldige API-sleutel is nodig"


def test_rate_limit_per_key(client, world, settings):
    settings.API_RATE = "2/m"
    op = OPERATIONS[4]
    for _ in range(2):
        assert _call(client, world, op, token=world.token).status_code == 200
    response = _call(client, world, op, token=world.token)
    _problem(response, 429)
    assert response["Retry-After"]
    # Another key has its own count.
    assert (
        _call(client, world, OPERATIONS[2], token=world.school_token).status_code == 200
    )


def test_last_use_is_recorded(client, world):
    assert world.key.last_used_at is None
    _call(client, world, OPERATIONS[4], token=world.token)
    with scopes_disabled():
        assert ApiToken.objects.get(pk=world.key.pk).last_used_at is not None
