"""The keys page: make (the token shown once), list, revoke after asking."""

import datetime

import pytest
from django.utils import timezone
from django_scopes import scopes_disabled

from doorlopend.api.models import ApiToken
from doorlopend.core.submit_once import FIELD
from doorlopend.core.testing.forms import submit_once_key
from doorlopend.core.tokens import token_hash
from doorlopend.transitions.tests.import_helpers import schools

from .helpers import PARTNERSHIP_SCOPES, key_for


def _url(partnership, tail=""):
    return f"/p/{partnership.slug}/api-sleutels/{tail}"


def _until(days=30) -> str:
    return (timezone.localdate() + datetime.timedelta(days=days)).isoformat()


def _keys():
    with scopes_disabled():
        return list(ApiToken.objects.all())


def test_coordinator_makes_a_key_shown_once(client_for, partnership):
    client = client_for("coordinator")
    response = client.post(
        _url(partnership),
        {"name": "Dashboard", "scopes": ["figures:read"], "expires_on": _until()},
    )
    assert response.status_code == 200
    [key] = _keys()
    token = response.context["new_token"]
    assert key.token_hash == token_hash(token) and token not in key.token_hash
    assert token in response.content.decode()
    assert response["Cache-Control"] == "no-store"
    again = client.get(_url(partnership)).content.decode()
    assert token not in again and "Dashboard" in again


def test_bad_input_is_shown_and_nothing_made(client_for, partnership):
    client = client_for("coordinator")
    response = client.post(
        _url(partnership),
        {"name": "Te lang", "scopes": ["figures:read"], "expires_on": _until(400)},
    )
    assert "Een sleutel werkt hoogstens een jaar." in response.content.decode()
    response = client.post(_url(partnership), {"name": "Niets", "expires_on": _until()})
    assert "Kies minstens één ding dat de sleutel mag." in response.content.decode()
    assert _keys() == []


def test_a_coordinator_makes_no_pupil_keys(client_for, partnership):
    client = client_for("coordinator")
    response = client.post(
        _url(partnership),
        {"name": "LVS", "scopes": ["pupils:write"], "expires_on": _until()},
    )
    assert response.status_code == 200 and _keys() == []


def test_decaan_makes_a_key_for_their_school(partnership, member_of, client):
    vo, _mbo = schools(partnership)
    decaan = member_of(partnership, "decaan", organisation=vo)
    client.force_login(decaan)
    data = {"name": "LVS", "scopes": ["pupils:write", "signals:read"]}
    client.post(_url(partnership), {**data, "expires_on": _until()})
    assert _keys() == []  # a pupil key names its school
    client.post(
        _url(partnership), {**data, "organisation": vo.pk, "expires_on": _until()}
    )
    [key] = _keys()
    assert key.organisation == vo and key.scopes == ["pupils:write", "signals:read"]
    response = client.post(
        _url(partnership),
        {"name": "Cijfers", "scopes": ["figures:read"], "expires_on": _until()},
    )
    assert response.status_code == 200 and len(_keys()) == 1


def test_revoke_asks_first(client, partnership, member_of):
    coordinator = member_of(partnership, "coordinator")
    key, _token = key_for(partnership, coordinator, PARTNERSHIP_SCOPES)
    client.force_login(coordinator)
    page = client.get(_url(partnership, f"{key.pk}/intrekken/"))
    assert page.status_code == 200 and "Magister" in page.content.decode()
    assert _keys()[0].revoked_at is None
    response = client.post(_url(partnership, f"{key.pk}/intrekken/"))
    assert response.status_code == 302
    assert _keys()[0].revoked_at is not None


def test_a_decaan_sees_no_partnership_keys(partnership, member_of, client):
    coordinator = member_of(partnership, "coordinator")
    key, _token = key_for(partnership, coordinator, PARTNERSHIP_SCOPES, name="Geheim")
    client.force_login(member_of(partnership, "decaan"))
    assert "Geheim" not in client.get(_url(partnership)).content.decode()
    assert client.post(_url(partnership, f"{key.pk}/intrekken/")).status_code == 404
    assert _keys()[0].revoked_at is None


def test_another_partnership_is_404(
    client_for, partnership, other_partnership, member_of
):
    key, _token = key_for(partnership, member_of(partnership), PARTNERSHIP_SCOPES)
    outsider = client_for("coordinator", partnership=other_partnership)
    assert outsider.get(_url(partnership)).status_code == 404
    own = _url(other_partnership, f"{key.pk}/intrekken/")
    assert outsider.post(own).status_code == 404
    assert _keys()[0].revoked_at is None


@pytest.mark.parametrize("role", ["docent", "stuurgroep", "mentor"])
def test_other_roles_are_403(client_for, partnership, role):
    assert client_for(role).get(_url(partnership)).status_code == 403


def test_key_list_queries(
    client, partnership, member_of, django_assert_max_num_queries
):
    coordinator = member_of(partnership, "coordinator")
    for n in range(12):
        key_for(partnership, coordinator, PARTNERSHIP_SCOPES, name=f"Sleutel {n}")
    client.force_login(coordinator)
    with django_assert_max_num_queries(12):
        assert client.get(_url(partnership)).status_code == 200


def test_pressing_make_the_key_twice_makes_one_key(client_for, partnership):
    client = client_for("coordinator")
    form = {
        "name": "Dashboard",
        "scopes": ["figures:read"],
        "expires_on": _until(),
        FIELD: submit_once_key(client.get(_url(partnership)).content.decode()),
    }
    first = client.post(_url(partnership), form)
    second = client.post(_url(partnership), form)
    assert first.context["new_token"] == second.context["new_token"]
    [key] = _keys()
    assert key.token_hash == token_hash(second.context["new_token"])
    assert second.context["new_token"] in second.content.decode()
