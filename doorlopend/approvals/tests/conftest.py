"""A test kind of approvable thing whose content the test sets: the approval rules need
no plan or document to be exercised (those kinds are tested in their own apps)."""

import pytest

from doorlopend.approvals import registry


@pytest.fixture
def thing():
    """`thing["text"]` is the current content of kind "test" (target 0 or 7)."""
    content = {"text": "Versie 1"}

    def current(partnership, target_id):
        if target_id not in (0, 7):
            return None
        return registry.Snapshot(
            title=f"Testplan {partnership.name}", content_text=content["text"], url="/"
        )

    registry.approvable_register(
        registry.ApprovableKind(
            "test", "test", current, owns=lambda p, t: t in (0, 7, 99)
        )
    )
    yield content
    registry._KINDS.pop("test", None)
