"""The covenant as the stuurgroep approves it (approvals registry, kind "covenant").

What the stuurgroep fixes is the covenant's agreed content (`selectors.covenant_text`):
any later edit of the parties, aims, themes, funding, governance or dates gives another
hash, so it shows as changed and needs approval again. Marking a signature does not.
"""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from doorlopend.approvals.registry import ApprovableKind, Snapshot, approvable_register
from doorlopend.partnerships.models import Partnership

from .selectors import covenant_of, covenant_text

KIND = "covenant"


def covenant_snapshot(partnership: Partnership, target_id: int) -> Snapshot | None:
    """The partnership's covenant now; None before there is one (only 0 names it)."""
    if target_id != 0:
        return None
    covenant = covenant_of(partnership=partnership)
    if covenant is None:
        return None
    return Snapshot(
        title=covenant.title,
        content_text=covenant_text(covenant),
        url=reverse("covenant:detail", kwargs={"partnership_slug": partnership.slug}),
    )


def register() -> None:
    approvable_register(
        ApprovableKind(KIND, _("regionaal convenant"), covenant_snapshot)
    )
