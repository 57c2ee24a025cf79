"""The inspection export (right of access): all a school holds about one pupil, as JSON
and as a readable PDF. The data come from `selectors.inspection.pupil_inspection`, which
logs the export.

The JSON structure (`FORMAT`), every date ISO 8601, every status and kind with its code
and its label:

    {
      "format": "doorlopend.transitions.inspection/1",
      "generated_at": "...", "school": {"id", "name"},
      "pupil": {"id", "name", "birth_date", "first_seen", "erase_announced_at",
                "erased_at"},
      "not_stored": "...",                      # what is deliberately not kept
      "transitions": [{
          "id", "year", "sending_school", "receiving_school", "leerweg", "profile",
          "route": {"kind", "label", "name"}, "crebo", "qualification", "sector",
          "bol_bbl", "current_status": {"code", "label", "since"},
          "events": [{"status", "label", "on", "source", "recorded_at",
                      "recorded_by"}],
          "signals": [{"id", "kind", "label", "raised_on", "closed_at", "closed_by",
                       "close_reason",
                       "interventions": [{"what", "who", "on", "outcome",
                                          "created_at", "created_by"}]}]}],
      "access_log": [{"at", "who", "action", "purpose", "description"}]
    }

Once the pupil's data has been erased, the export holds only that fact:
{"format", "generated_at", "school", "pupil": {"id", "erased_at"}, "erased": true,
"note"}.
"""

from __future__ import annotations

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from doorlopend.core.pdf import pdf_render

from .extensions import inspection_sections
from .models import Transition
from .selectors.inspection import Inspection

FORMAT = "doorlopend.transitions.inspection/1"
PDF_TEMPLATE = "transitions/pupils/inspection_pdf.html"


def inspection_filename(inspection: Inspection, extension: str) -> str:
    today = timezone.localdate().isoformat()
    return f"inzage-leerling-{inspection.detail.pupil.pk}-{today}.{extension}"


def _who(user) -> str:
    return user.email if user is not None else ""


def _transition(t: Transition) -> dict:
    return {
        "id": t.pk,
        "year": t.cohort,
        "sending_school": str(t.sending_organisation or ""),
        "receiving_school": str(t.receiving_organisation or ""),
        "leerweg": t.get_leerweg_display(),
        "profile": t.get_profile_display(),
        "route": {
            "kind": t.route_kind,
            "label": str(t.get_route_kind_display()),
            "name": t.route_name,
        },
        "crebo": t.crebo,
        "qualification": t.qualification,
        "sector": t.sector,
        "bol_bbl": t.mbo_leerweg,
        "current_status": {
            "code": t.status,
            "label": str(t.get_status_display()),
            "since": t.status_on,
        },
        "events": [
            {
                "status": e.status,
                "label": str(e.get_status_display()),
                "on": e.on,
                "source": e.source,
                "recorded_at": e.recorded_at,
                "recorded_by": _who(e.recorded_by),
            }
            for e in t.events.all()
        ],
        "signals": [
            {
                "id": s.pk,
                "kind": s.kind,
                "label": str(s.get_kind_display()),
                "raised_on": s.raised_on,
                "closed_at": s.closed_at,
                "closed_by": _who(s.closed_by),
                "close_reason": s.close_reason,
                "interventions": [
                    {
                        "what": i.what,
                        "who": i.who,
                        "on": i.on,
                        "outcome": i.outcome,
                        "created_at": i.created_at,
                        "created_by": _who(i.created_by),
                    }
                    for i in s.interventions.all()
                ],
            }
            for s in t.signals.all()
        ],
    }


def inspection_data(inspection: Inspection) -> dict:
    """The documented structure above, with Python dates (see `inspection_json`)."""
    pupil = inspection.detail.pupil
    head = {
        "format": FORMAT,
        "generated_at": timezone.now(),
        "school": {"id": inspection.school.pk, "name": inspection.school.name},
    }
    if pupil.erased_at:
        return {
            **head,
            "pupil": {"id": pupil.pk, "erased_at": pupil.erased_at},
            "erased": True,
            "note": _(
                "The personal data of this pupil has been erased. Only anonymous "
                "statuses remain, counted in the figures."
            ),
        }
    data = {
        **head,
        "pupil": {
            "id": pupil.pk,
            "name": pupil.name,
            "birth_date": pupil.birth_date_value,
            "first_seen": pupil.created_at,
            "erase_announced_at": pupil.erase_announced_at,
            "erased_at": None,
        },
        "not_stored": _(
            "The pupil number (BSN or onderwijsnummer) is not stored: only a keyed "
            "pseudonym of it, which cannot be turned back into the number."
        ),
        "transitions": [_transition(t) for t in inspection.detail.transitions],
        "access_log": [
            {
                "at": e.at,
                "who": e.actor_label,
                "action": str(e.get_action_display()),
                "purpose": e.purpose,
                "description": e.object_label,
            }
            for e in inspection.log
        ],
    }
    # What later apps hold about the pupil (the doorstroomdossier).
    for key, section in inspection_sections().items():
        data[key] = section(inspection.detail.transitions)
    return data


def inspection_json(inspection: Inspection) -> bytes:
    data = inspection_data(inspection)
    return json.dumps(
        data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2
    ).encode()


def inspection_pdf(inspection: Inspection) -> bytes:
    """The same data, readable: one HTML template rendered by WeasyPrint."""
    context = {"data": inspection_data(inspection), "today": timezone.localdate()}
    html = render_to_string(PDF_TEMPLATE, context)
    return pdf_render(html, title=_("Inspection of personal data"))
