"""Loading instrument data files into the database, and the rule that used versions are frozen."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from django.db import transaction
from django.utils import timezone

from .definition import DefinitionError, parse
from .models import InstrumentVersion

DATA_DIR = Path(__file__).resolve().parent / "data"


class InstrumentChangedError(Exception):
    """A data file changed under a version that a session already used."""


@dataclass
class SyncResult:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)


def instrument_file_read(path: Path) -> tuple[dict, str]:
    """The parsed definition (as JSON data) and the SHA-256 of the file's bytes."""
    raw = path.read_bytes()
    try:
        data = yaml.safe_load(raw)
    except yaml.YAMLError as e:
        raise DefinitionError(str(path), [f"not valid YAML: {e}"]) from e
    definition = parse(data, origin=str(path))
    expected = (path.parent.name, path.stem)
    if (definition.key, str(definition.version)) != expected:
        raise DefinitionError(
            str(path),
            [
                f"key and version ({definition.key!r}, {definition.version}) must match the "
                f"file's place <key>/<version>.yaml ({expected[0]!r}, {expected[1]})"
            ],
        )
    return definition.to_json(), hashlib.sha256(raw).hexdigest()


@transaction.atomic
def instruments_sync(
    *, data_dir: Path = DATA_DIR, using: str = "default"
) -> SyncResult:
    """Store every data file as an `InstrumentVersion`; refuse to change a used version.

    A new file is created; an unused version whose file changed is updated (so authors can
    fix a typo before anyone ran it); a used version whose file changed raises
    `InstrumentChangedError` — the author must save the change as a new version.
    """
    result = SyncResult()
    stored = {
        (v.key, v.version): v for v in InstrumentVersion.objects.using(using).all()
    }
    for path in sorted(data_dir.glob("*/*.yaml")):
        data, digest = instrument_file_read(path)
        label = f"{data['key']} v{data['version']}"
        relative = str(path.relative_to(data_dir))
        current = stored.get((data["key"], data["version"]))
        if current is None:
            InstrumentVersion.objects.using(using).create(
                key=data["key"],
                version=data["version"],
                title=data["title"],
                definition_json=data,
                content_hash=digest,
                source_path=relative,
            )
            result.created.append(label)
        elif current.content_hash == digest:
            result.unchanged.append(label)
        elif current.first_used_at is not None:
            raise InstrumentChangedError(
                f"{relative} changed, but {label} was used in a session on "
                f"{current.first_used_at:%Y-%m-%d}. A used version never changes: save the "
                f"change as {data['key']}/{data['version'] + 1}.yaml."
            )
        else:
            current.title = data["title"]
            current.definition_json = data
            current.content_hash = digest
            current.source_path = relative
            current.save(using=using)
            result.updated.append(label)
    return result


def version_mark_used(*, version: InstrumentVersion) -> None:
    """From now on the data file of `version` may not change."""
    if version.first_used_at is None:
        InstrumentVersion.objects.filter(pk=version.pk, first_used_at=None).update(
            first_used_at=timezone.now()
        )
        version.first_used_at = timezone.now()
