"""The handover's card on the partnership's overview page (core.dashboard): for the
decaan and intake of an mbo school, their schools' pages of dossiers handed over, with
how many wait to be read (counts only: no names, nothing to log)."""

from __future__ import annotations

from django.template import Context

from doorlopend.transitions.access import schools_where

from .selectors.handover import unread_count

TEMPLATE = "dossier/handover/_dashboard_card.html"


def card_context(context: Context) -> dict | None:
    request = context["request"]
    schools = [
        s
        for s in schools_where(request.membership, "dossier.receive")
        if s.kind == "mbo"
    ]
    if not schools:
        return None
    rows = [(school, unread_count(school=school)) for school in schools]
    return {"request": request, "rows": rows}
