"""Sections that later apps add to the partnership's settings page.

Partnerships comes early in the app order, so an app that keeps a setting of its own
(the national picture: whether the partnership's aggregates count) registers a section
here from its `AppConfig.ready()`; the settings page includes each section's template
with the context its callable gives for the partnership.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class SettingsSection:
    name: str
    template: str
    context: Callable[..., dict]


_SECTIONS: dict[str, SettingsSection] = {}


def settings_section_register(section: SettingsSection) -> None:
    """Register a section (by name: registering again replaces it in its place)."""
    _SECTIONS[section.name] = section


def settings_sections_for(partnership) -> list[dict]:
    """Each section's template and context, in the order registered."""
    return [
        {"template": s.template, "context": s.context(partnership)}
        for s in _SECTIONS.values()
    ]
