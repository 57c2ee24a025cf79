"""Any form sent twice (a double click, a resend after a lost answer) makes one thing:
the repeat is sent where the first went (core.submit_once.SubmitOnceMiddleware)."""

from __future__ import annotations

import datetime
from urllib.parse import urlencode

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_scopes import scopes_disabled

from doorlopend.core import submit_once as submit_once_module
from doorlopend.core.submit_once import FIELD, submit_once_key
from doorlopend.planning.models import Task

pytestmark = pytest.mark.django_db


@pytest.fixture
def client_and_url(partnership, member_of):
    client = Client()
    client.force_login(member_of(partnership))
    return client, reverse("planning:task_create", args=[partnership.slug])


def _post(client: Client, url: str, fields: dict):
    """As a browser sends a form without files (the test client's default is multipart)."""
    return client.post(
        url, urlencode(fields), content_type="application/x-www-form-urlencoded"
    )


def _task(title: str, key: str | None, **extra) -> dict:
    fields = {
        "title": title,
        "due_date": (timezone.localdate() + datetime.timedelta(days=7)).isoformat(),
        "status": "open",
        **extra,
    }
    if key:
        fields[FIELD] = key
    return fields


def _titles() -> list[str]:
    with scopes_disabled():
        return sorted(Task.objects.values_list("title", flat=True))


def test_the_same_form_sent_twice_makes_one_task_and_both_land_on_the_same_page(
    client_and_url,
):
    client, url = client_and_url
    key = submit_once_key()
    first = _post(client, url, _task("Gastles bouw", key))
    second = _post(client, url, _task("Gastles bouw", key))
    assert first.status_code == second.status_code == 302
    assert second["Location"] == first["Location"]
    assert _titles() == ["Gastles bouw"]


def test_the_same_form_with_other_values_is_a_new_request(client_and_url):
    client, url = client_and_url
    key = submit_once_key()
    _post(client, url, _task("Gastles bouw", key))
    _post(client, url, _task("Gastles zorg", key))
    assert _titles() == ["Gastles bouw", "Gastles zorg"]


def test_without_a_key_every_request_makes(client_and_url):
    client, url = client_and_url
    _post(client, url, _task("Gastles bouw", None))
    _post(client, url, _task("Gastles bouw", None))
    assert _titles() == ["Gastles bouw", "Gastles bouw"]


def test_a_form_with_errors_is_not_kept_so_the_corrected_form_goes_through(
    client_and_url,
):
    client, url = client_and_url
    key = submit_once_key()
    refused = _post(client, url, _task("", key))
    assert refused.status_code == 200 and refused.context["form"].errors
    again = _post(client, url, _task("", key))
    assert again.status_code == 200 and again.context["form"].errors
    assert _post(client, url, _task("Gastles bouw", key)).status_code == 302
    assert _titles() == ["Gastles bouw"]


def test_another_person_with_the_same_key_is_not_answered_with_the_first_result(
    client_and_url, partnership, member_of
):
    client, url = client_and_url
    other = Client()
    other.force_login(member_of(partnership))
    key = submit_once_key()
    _post(client, url, _task("Gastles bouw", key))
    _post(other, url, _task("Gastles bouw", key))
    assert _titles() == ["Gastles bouw", "Gastles bouw"]


def test_a_repeat_without_a_valid_csrf_token_is_refused_not_answered(
    partnership, member_of
):
    user = member_of(partnership)
    url = reverse("planning:task_create", args=[partnership.slug])
    key = submit_once_key()
    client = Client()
    client.force_login(user)
    _post(client, url, _task("Gastles bouw", key))
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(user)
    assert _post(strict, url, _task("Gastles bouw", key)).status_code == 403


def test_a_view_that_fails_releases_the_form(client_and_url, monkeypatch):
    client, url = client_and_url
    key = submit_once_key()
    from doorlopend.planning.services import tasks

    def broken(**kwargs):
        raise RuntimeError("database went away")

    monkeypatch.setattr(tasks, "task_create", broken)
    client.raise_request_exception = True
    with pytest.raises(RuntimeError):
        _post(client, url, _task("Gastles bouw", key))
    monkeypatch.undo()
    assert _post(client, url, _task("Gastles bouw", key)).status_code == 302
    assert _titles() == ["Gastles bouw"]


def test_what_is_kept_is_the_address_only(client_and_url, monkeypatch):
    client, url = client_and_url
    kept = {}
    real_set = submit_once_module.cache.set

    def recording_set(name, value, *args, **kwargs):
        kept[name] = value
        return real_set(name, value, *args, **kwargs)

    monkeypatch.setattr(submit_once_module.cache, "set", recording_set)
    first = _post(client, url, _task("Vertrouwelijke gastles", submit_once_key()))
    assert list(kept.values()) == [first["Location"]]
    assert not any("Vertrouwelijke" in name for name in kept)
