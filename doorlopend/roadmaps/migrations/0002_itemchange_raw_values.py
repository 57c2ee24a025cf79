"""Item history: from the words of the moment to raw values shown in the reader's language.

Rows written before held {field: [before shown, after shown, label]} in the language of
whoever made the change. This turns them into {field: [before, after]} as far as the
words can be read back: a status label (Dutch or English) becomes its code, a date
("1 maart 2027", "1 March 2027") its ISO form, an owner's name the member of the
partnership of that name, if there is exactly one (the name is kept either way). Words
it cannot read back stay as they are and are shown as they are.
"""

import datetime

from django.db import migrations

STATUSES = {
    "not started": "not_started",
    "niet gestart": "not_started",
    "in progress": "in_progress",
    "bezig": "in_progress",
    "done": "done",
    "gereed": "done",
    "not applicable": "not_applicable",
    "niet van toepassing": "not_applicable",
}
STATUS_WORDS = {
    "not_started": "not started",
    "in_progress": "in progress",
    "done": "done",
    "not_applicable": "not applicable",
}
MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("januari", "january"),
            ("februari", "february"),
            ("maart", "march"),
            ("april",),
            ("mei", "may"),
            ("juni", "june"),
            ("juli", "july"),
            ("augustus", "august"),
            ("september",),
            ("oktober", "october"),
            ("november",),
            ("december",),
        ],
        start=1,
    )
    for name in names
}


def _status(value):
    if not isinstance(value, str):
        return value
    return STATUSES.get(value.strip().lower(), value)


def _date(value):
    if not isinstance(value, str):
        return value
    if not value.strip():
        return None
    parts = value.strip().lower().split()
    if len(parts) == 3 and parts[1] in MONTHS:
        try:
            day = datetime.date(int(parts[2]), MONTHS[parts[1]], int(parts[0]))
        except ValueError:
            return value
        return day.isoformat()
    try:
        return datetime.date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        return value


def _owner(value, members):
    if not isinstance(value, str):
        return value
    name = value.strip()
    if not name:
        return None
    matches = members.get(name, [])
    return {"id": matches[0] if len(matches) == 1 else None, "name": name}


def _members(apps, partnership_id, cache):
    if partnership_id not in cache:
        Membership = apps.get_model("partnerships", "Membership")
        names = {}
        for m in Membership._base_manager.filter(
            partnership_id=partnership_id
        ).select_related("user"):
            names.setdefault(m.user.name or m.user.email, []).append(m.pk)
        cache[partnership_id] = names
    return cache[partnership_id]


def forwards(apps, schema_editor):
    ItemChange = apps.get_model("roadmaps", "ItemChange")
    cache = {}
    changes = ItemChange._base_manager.select_related("state__roadmap")
    for change in changes.iterator():
        if not isinstance(change.changes, dict):
            continue
        converted = {}
        for name, values in change.changes.items():
            if not isinstance(values, list) or len(values) < 3:
                converted[name] = values  # already raw
                continue
            before, after = values[:2]
            if name == "status":
                before, after = _status(before), _status(after)
            elif name == "due_date":
                before, after = _date(before), _date(after)
            elif name == "owner":
                members = _members(apps, change.state.roadmap.partnership_id, cache)
                before, after = _owner(before, members), _owner(after, members)
            converted[name] = [before, after]
        if converted != change.changes:
            change.changes = converted
            change.save(update_fields=["changes"])


def _words(name, value):
    if value is None:
        return ""
    if name == "status":
        return STATUS_WORDS.get(value, value)
    if name == "owner" and isinstance(value, dict):
        return value.get("name") or ""
    return value


def backwards(apps, schema_editor):
    """Back to shown words (English, ISO dates); the label falls back to the field."""
    ItemChange = apps.get_model("roadmaps", "ItemChange")
    for change in ItemChange._base_manager.iterator():
        if not isinstance(change.changes, dict):
            continue
        change.changes = {
            name: [_words(name, v) for v in values] + [""]
            if isinstance(values, list) and len(values) == 2
            else values
            for name, values in change.changes.items()
        }
        change.save(update_fields=["changes"])


class Migration(migrations.Migration):
    dependencies = [
        ("partnerships", "0002_privacy_officer_role"),
        ("roadmaps", "0001_initial"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
