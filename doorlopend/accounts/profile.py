"""Sections that higher apps add to the profile page (accounts can't import them).

An app registers `(template_name, context)` from its `AppConfig.ready()`; `context(request)`
returns the template's context, or None to leave the section out. The calendar feeds
(planning) come in this way.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.http import HttpRequest


@dataclass(frozen=True)
class ProfileSection:
    template_name: str
    context: Callable[[HttpRequest], dict | None]


SECTIONS: list[ProfileSection] = []


def register(template_name: str, context: Callable[[HttpRequest], dict | None]) -> None:
    if all(section.template_name != template_name for section in SECTIONS):
        SECTIONS.append(ProfileSection(template_name, context))


def sections(request: HttpRequest) -> list[tuple[str, dict]]:
    shown = []
    for section in SECTIONS:
        context = section.context(request)
        if context is not None:
            shown.append((section.template_name, context))
    return shown
