"""The report for participants who left an e-mail address for it.

An address is optional, kept apart from the answers (`ReportAddress`), used once: when
the session's report is made, each address gets the PDF and is then deleted.
"""

from __future__ import annotations

import base64
import datetime
from functools import partial

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django_scopes import scopes_disabled

from doorlopend.accounts import tasks as mail_tasks

from .. import report as report_pdf_module
from ..models import Report, ReportAddress, Session


def report_address_add(*, session: Session, email: str, language: str = "") -> None:
    """Keep `email` to send the report to (once, however often it is left)."""
    ReportAddress.objects.get_or_create(
        session=session,
        email=email.strip().lower(),
        defaults={"language": language},
    )


def report_addresses_send(report: Report) -> int:
    """Mail the finished report to every address left for its session, then delete them."""
    session = report.session
    addresses = list(ReportAddress.objects.filter(session=session).order_by("pk"))
    if not addresses or not report.file:
        return 0
    with report.file.open("rb") as stored:
        pdf = base64.b64encode(stored.read()).decode("ascii")
    filename = report_pdf_module.report_filename(session, "pdf")
    for address in addresses:
        with translation.override(address.language or settings.LANGUAGE_CODE):
            context = {"session": session, "language": translation.get_language()}
            subject = " ".join(
                render_to_string(
                    "reflection/email/participant_report_subject.txt", context
                ).split()
            )
            message = {
                "to": address.email,
                "subject": subject,
                "text": render_to_string(
                    "reflection/email/participant_report.txt", context
                ),
                "html": render_to_string(
                    "reflection/email/participant_report.html", context
                ),
                "attachments": [[filename, pdf, "application/pdf"]],
            }
        transaction.on_commit(partial(mail_tasks.mail_send.enqueue, **message))
    ReportAddress.objects.filter(pk__in=[a.pk for a in addresses]).delete()
    return len(addresses)


def report_addresses_expire(*, today: datetime.date | None = None) -> int:
    """Delete addresses of sessions held REFLECTION_REPORT_ADDRESS_DAYS ago or longer (no
    report was made for them); how many. The daily work (`core.periodic`) runs it."""
    today = today or timezone.localdate()
    cutoff = today - datetime.timedelta(
        days=int(settings.REFLECTION_REPORT_ADDRESS_DAYS)
    )
    # Daily work for every partnership at once, outside any request.
    with scopes_disabled():
        deleted, _kinds = ReportAddress.objects.filter(
            session__date__lte=cutoff
        ).delete()
    return deleted
