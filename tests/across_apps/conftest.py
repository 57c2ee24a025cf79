"""Fixtures of the tenancy sweeps: partnership A (the foreign one) and B (the visitor's)."""

import pytest

from .tenancy_world import World, populate


@pytest.fixture
def _media(settings, tmp_path) -> None:
    """Files the worlds make and uploads the sweeps send stay in a temporary folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_UPLOAD_ROOT = tmp_path / "private"


@pytest.fixture
def world(partnership, member_of, _media) -> World:
    """Partnership A, fully populated: its ids are the foreign ones."""
    return populate(partnership, member_of, "Geheimhouden")


@pytest.fixture
def own_world(other_partnership, member_of, _media) -> World:
    """Partnership B, populated alike: its members attack A's ids with B's slug."""
    return populate(other_partnership, member_of, "Eigen")
