"""Writes of the partnership's own settings."""

from __future__ import annotations

from ..models import Membership, Partnership

SETTINGS_FIELDS = ("name", "description", "school_region")


def partnership_update(
    *, partnership: Partnership, by: Membership, **values: str
) -> Partnership:
    """Save the settings the coordinator changed (name, description, holiday region)."""
    unknown = set(values) - set(SETTINGS_FIELDS)
    if unknown:
        raise TypeError(f"Not a partnership setting: {sorted(unknown)}")
    for field, value in values.items():
        setattr(partnership, field, value)
    partnership.full_clean(exclude=["slug", "region"])
    partnership.save(update_fields=[*values])
    return partnership
