"""The decaan's date fields open on today's date instead of an empty field."""

import re

import pytest
from django.utils import timezone

from .pupil_setup import world  # noqa: F401

pytestmark = pytest.mark.django_db


def _date_value(body: str, name: str) -> str:
    [tag] = re.findall(rf'<input type="date" name="{name}"[^>]*>', body)
    return re.search(r'value="([^"]*)"', tag).group(1)


def test_the_intervention_form_starts_on_today_in_iso(world):  # noqa: F811
    client = world.client(world.decaan_a)
    url = world.url("signal_detail", world.vo_a, world.signal.pk)
    body = client.get(url, HTTP_ACCEPT_LANGUAGE="nl").content.decode()
    assert _date_value(body, "on") == timezone.localdate().isoformat()


def test_the_manual_status_form_starts_on_today_in_iso(world):  # noqa: F811
    client = world.client(world.decaan_a)
    url = world.url("pupil_detail", world.vo_a, world.fatima.pk)
    body = client.get(url, HTTP_ACCEPT_LANGUAGE="nl").content.decode()
    assert _date_value(body, "on") == timezone.localdate().isoformat()


def test_a_refused_intervention_keeps_the_typed_date(world):  # noqa: F811
    client = world.client(world.decaan_a)
    url = world.url("intervention_add", world.vo_a, world.signal.pk)
    body = client.post(url, {"what": "", "who": "", "on": "2026-11-24"}).content
    assert _date_value(body.decode(), "on") == "2026-11-24"
