"""The voortgangsrapportage as PDF: planning.report's content in the projectplan's layout.

Registered as the builder of its kind from `PlanningConfig.ready()`; `documents` makes
and keeps the file.
"""

from __future__ import annotations

from collections.abc import Callable

from django.template.loader import render_to_string
from django.utils import timezone

from doorlopend.core.document_content import TEMPLATE
from doorlopend.core.pdf import pdf_render
from doorlopend.partnerships.models import Partnership

from .report import progress_report_content


def build(
    partnership: Partnership, *, progress: Callable[[int], None] | None = None
) -> tuple[bytes, str]:
    """The report as PDF bytes and its content as text."""
    progress = progress or (lambda percent: None)
    content = progress_report_content(partnership, today=timezone.localdate())
    progress(30)
    html = render_to_string(TEMPLATE, {"doc": content, "made_at": timezone.localtime()})
    progress(50)
    pdf = pdf_render(html, title=f"{content.subtitle} · {content.title}")
    progress(90)
    return pdf, content.text()
