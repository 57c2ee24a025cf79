"""Where later apps plug into the monitor's privacy duties (the app order forbids the
monitor to import them): what erasure also clears, what the inspection export also
holds, and which encrypted fields key rotation also re-encrypts. The dossier app
registers all three from its `AppConfig.ready()`."""

from __future__ import annotations

from collections.abc import Callable

from django.db.models import QuerySet

# Called inside the erasure's transaction with the pupils being erased (a queryset).
ErasureHook = Callable[[QuerySet], None]
# Called with the inspected pupil's transitions; returns JSON-ready data (Python dates).
InspectionSection = Callable[[list], object]

_ERASURE_HOOKS: dict[str, ErasureHook] = {}
_INSPECTION_SECTIONS: dict[str, InspectionSection] = {}


def erasure_hook_register(name: str, hook: ErasureHook) -> None:
    _ERASURE_HOOKS[name] = hook


def erasure_hooks() -> list[ErasureHook]:
    return list(_ERASURE_HOOKS.values())


def inspection_section_register(key: str, section: InspectionSection) -> None:
    """Add `key` to the inspection export (JSON and PDF) of a pupil not erased."""
    _INSPECTION_SECTIONS[key] = section


def inspection_sections() -> dict[str, InspectionSection]:
    return dict(_INSPECTION_SECTIONS)


_ENCRYPTED: dict[str, tuple[type, tuple[str, ...]]] = {}


def encrypted_fields_register(model: type, fields: tuple[str, ...]) -> None:
    """`fields` of `model` are `privacy.EncryptedTextField`s: `rotate_pupil_keys`
    re-encrypts them with the newest key as it does the pupils' names."""
    _ENCRYPTED[model._meta.label_lower] = (model, tuple(fields))


def encrypted_fields() -> list[tuple[type, tuple[str, ...]]]:
    return list(_ENCRYPTED.values())
