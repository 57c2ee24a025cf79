"""Loading instrument data files into the database, and the rule that used versions are frozen."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from django.db import transaction
from django.utils import timezone

from .definition import DefinitionError
from .models import InstrumentVersion
from .parsing import QUESTIONNAIRE, ROADMAP, kind_of, parse_any
from .source_lines import error_locate, errors_locate, yaml_read

DATA_DIR = Path(__file__).resolve().parent / "data"


class InstrumentChangedError(Exception):
    """A data file changed under a version that a session already used."""


@dataclass
class SyncResult:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)


def instrument_file_read(path: Path) -> tuple[dict, str]:
    """The parsed definition (as JSON data) and the SHA-256 of the file's bytes.

    Every schema error names the file and the line of the node it is about.
    """
    raw = path.read_bytes()
    try:
        data, root = yaml_read(raw)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f"line {mark.line + 1}: " if mark is not None else ""
        raise DefinitionError(str(path), [f"{where}not valid YAML: {e}"]) from e
    try:
        definition = parse_any(data, origin=str(path))
    except DefinitionError as e:
        raise DefinitionError(str(path), errors_locate(root, e.errors)) from None
    expected = (path.parent.name, path.stem)
    if (definition.key, str(definition.version)) != expected:
        raise DefinitionError(
            str(path),
            [
                error_locate(
                    root,
                    f"key: key and version ({definition.key!r}, {definition.version}) "
                    f"must match the file's place <key>/<version>.yaml "
                    f"({expected[0]!r}, {expected[1]})",
                )
            ],
        )
    return definition.to_json(), hashlib.sha256(raw).hexdigest()


def _decisions_check(
    files: list[tuple[Path, dict, str]], questionnaire_keys: set[str]
) -> None:
    """A roadmap step's `decision` must name a questionnaire that exists."""
    for path, data, _digest in files:
        if kind_of(data) != ROADMAP:
            continue
        errors = [
            f"blocks[{i}].items[{j}].decision: {item['decision']!r} is not a "
            f"questionnaire (one of {', '.join(sorted(questionnaire_keys))})"
            for i, block in enumerate(data["blocks"])
            for j, item in enumerate(block["items"])
            if item["decision"] and item["decision"] not in questionnaire_keys
        ]
        if errors:
            _data, root = yaml_read(path.read_bytes())
            raise DefinitionError(str(path), errors_locate(root, errors))


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
    files = [
        (path, *instrument_file_read(path))
        for path in sorted(data_dir.glob("*/*.yaml"))
    ]
    _decisions_check(
        files,
        {data["key"] for _p, data, _d in files if kind_of(data) == QUESTIONNAIRE}
        | {key for (key, _v), v in stored.items() if v.kind == QUESTIONNAIRE},
    )
    for path, data, digest in files:
        label = f"{data['key']} v{data['version']}"
        relative = str(path.relative_to(data_dir))
        current = stored.get((data["key"], data["version"]))
        if current is None:
            InstrumentVersion.objects.using(using).create(
                key=data["key"],
                version=data["version"],
                kind=kind_of(data),
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
            current.kind = kind_of(data)
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
