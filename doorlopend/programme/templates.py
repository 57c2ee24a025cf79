"""Example programmes to start from, kept as data files in `programme/data/`.

A file names its source (attribution), the programme's name and description, its items
(with `leads_to` naming another item's key) and its eind- and startopdrachten. Every value
is checked against the model's choices when the file is read, so a typo fails a test,
not a werkgroep meeting.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from doorlopend.registry.education import Leerweg

from .grid import YEARS
from .models import Audience, Form, Period

DATA_DIR = Path(__file__).resolve().parent / "data"
DEFAULT = "gare-du-nord"
ITEM_KEYS = {"title", "description", "level", "year", "period", "leerweg", "form"}
ITEM_KEYS |= {"audience", "place"}
PAIR_KEYS = {"title", "leerweg", "eindopdracht", "startopdracht", "criteria"}
PAIR_KEYS |= {"vo_contact", "mbo_contact", "vo_when", "mbo_when"}


class TemplateError(ValueError):
    pass


@dataclass(frozen=True)
class TemplateItem:
    key: str
    fields: dict
    leads_to: str = ""


@dataclass(frozen=True)
class Template:
    key: str
    name: str
    description: str
    attribution: str
    items: tuple[TemplateItem, ...]
    pairs: tuple[dict, ...]


def _item(raw: dict, where: str) -> TemplateItem:
    extra = set(raw) - ITEM_KEYS - {"key", "leads_to"}
    if extra:
        raise TemplateError(f"{where}: unknown keys {sorted(extra)}")
    fields = {k: raw[k] for k in ITEM_KEYS if k in raw}
    fields.setdefault("period", Period.YEAR)
    fields.setdefault("audience", Audience.PUPILS)
    checks = [
        (fields.get("level") in YEARS, "level"),
        (fields.get("year") in YEARS.get(fields.get("level"), ()), "year"),
        (fields["period"] in Period.values, "period"),
        (fields.get("form") in Form.values, "form"),
        (fields["audience"] in Audience.values, "audience"),
        (fields.get("leerweg", "") in ("", *Leerweg.values), "leerweg"),
        (bool(fields.get("title")), "title"),
    ]
    wrong = [name for ok, name in checks if not ok]
    if wrong:
        raise TemplateError(f"{where}: not valid: {', '.join(wrong)}")
    return TemplateItem(key=raw["key"], fields=fields, leads_to=raw.get("leads_to", ""))


@cache
def template_load(key: str = DEFAULT) -> Template:
    path = DATA_DIR / f"{key}.yaml"
    if not path.is_file() or path.parent != DATA_DIR:
        raise TemplateError(f"No example programme {key!r}")
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    items = tuple(
        _item(raw, f"{path.name} items[{i}]") for i, raw in enumerate(data["items"])
    )
    keys = {item.key for item in items}
    if len(keys) != len(items):
        raise TemplateError(f"{path.name}: item keys must be unique")
    dangling = [i.leads_to for i in items if i.leads_to and i.leads_to not in keys]
    if dangling:
        raise TemplateError(f"{path.name}: leads_to names no item: {dangling}")
    pairs = tuple(data.get("pairs") or ())
    for i, pair in enumerate(pairs):
        if set(pair) - PAIR_KEYS or not pair.get("eindopdracht"):
            raise TemplateError(f"{path.name} pairs[{i}]: not valid")
    source = data["source"]
    return Template(
        key=key,
        name=data["name"],
        description=data.get("description", "").strip(),
        attribution=f"{source['title']} ({source['publisher']})",
        items=items,
        pairs=pairs,
    )
