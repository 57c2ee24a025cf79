"""A worrying pupil status wears a warning colour, a sign and its words."""

import re

import pytest

from .pupil_setup import world  # noqa: F401

pytestmark = pytest.mark.django_db


def _badges(body: str) -> list[str]:
    return re.findall(
        r'<span class="status-badge tone-(\w+)"><span[^>]*>[^<]*</span> ([^<]*)</span>',
        body,
    )


def test_an_unknown_destination_is_a_warning_on_the_pupil_page(world):  # noqa: F811
    client = world.client(world.decaan_a)
    client.post(
        world.url("pupil_status_add", world.vo_a, world.fatima.pk),
        {
            "transition": world.fatima_transition.pk,
            "status": "onbekend",
            "on": "2026-09-20",
        },
    )
    body = client.get(
        world.url("pupil_detail", world.vo_a, world.fatima.pk),
        HTTP_ACCEPT_LANGUAGE="nl",
    ).content.decode()
    badges = _badges(body)
    assert any(t == "warning" and "bestemming onbekend" in s for t, s in badges), badges
    assert not any(t == "ok" and "onbekend" in s for t, s in badges)


def test_the_pupil_list_shows_the_status_tone(world):  # noqa: F811
    body = (
        world.client(world.decaan_a)
        .get(world.url("pupil_list", world.vo_a), HTTP_ACCEPT_LANGUAGE="nl")
        .content.decode()
    )
    assert _badges(body), "the list shows each current status as a badge"
