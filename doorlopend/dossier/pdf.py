"""The dossier as a PDF: for the pupil (their right of inspection), for the decaan, and
for the receiving school's intake interview (the parts handed over only).

One pupil's dossier is a page or two: WeasyPrint makes it in about 0.15 s (measured on
the dev server; the first PDF of a process takes some 3 s more to load the fonts), so it
is made in the request, not in a background job.
"""

from __future__ import annotations

from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from doorlopend.core.pdf import pdf_render

from .choices import PART_FIELDS, Part
from .models import Dossier
from .selectors import consent_state, part_states


def dossier_sections(
    dossier: Dossier, parts: frozenset[str] | None = None
) -> list[dict]:
    """Each part (of `parts`, if given) with its fields' labels and texts and its
    approval state."""
    states = part_states(dossier)
    return [
        {
            "part": part,
            "title": Part(part).label,
            "state": states[part],
            "fields": [
                (dossier._meta.get_field(f).verbose_name, getattr(dossier, f))
                for f in PART_FIELDS[part]
            ],
        }
        for part in Part.values
        if (part != Part.C or dossier.support_needed)
        and (parts is None or part in parts)
    ]


def dossier_pdf(dossier: Dossier, parts: frozenset[str] | None = None) -> bytes:
    context = {
        "dossier": dossier,
        "sections": dossier_sections(dossier, parts),
        "consent": consent_state(dossier),
        "school": dossier.transition.sending_organisation,
        "pupil": dossier.transition.pupil,
        "today": timezone.localdate(),
    }
    html = render_to_string("dossier/dossier_pdf.html", context)
    return pdf_render(html, title=_("Doorstroomdossier"))


def dossier_pdf_response(
    dossier: Dossier, *, for_pupil: bool, parts: frozenset[str] | None = None
) -> HttpResponse:
    """The PDF as a download; `parts` limits it to what the receiving school may read
    (`selectors.visible_parts`)."""
    response = HttpResponse(dossier_pdf(dossier, parts), content_type="application/pdf")
    name = f"doorstroomdossier-{timezone.localdate().isoformat()}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "no-store"
    return response
