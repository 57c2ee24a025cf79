"""Row counts of every table, for tests whose property is "this adds nothing"."""

from django.apps import apps
from django_scopes import scopes_disabled


def row_counts() -> dict[str, int]:
    """{app_label.model: rows} for every concrete model of every installed app."""
    # Tests only: every partnership's rows are counted, so no one scope applies.
    with scopes_disabled():
        return {
            model._meta.label: model._base_manager.count()
            for model in apps.get_models()
            if not model._meta.proxy
        }


def added_rows(before: dict[str, int], after: dict[str, int]) -> dict[str, int]:
    """The tables whose row count changed, with the difference: {} when nothing was added."""
    return {
        label: after[label] - before.get(label, 0)
        for label in after
        if after[label] != before.get(label, 0)
    }
