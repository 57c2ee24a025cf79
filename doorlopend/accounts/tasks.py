"""Sending e-mail, done by the worker (`manage.py run_worker`), never in a request."""

from __future__ import annotations

import base64

from django.core.mail import EmailMultiAlternatives
from django_tasks import task


@task()
def mail_send(
    *,
    to: str,
    subject: str,
    text: str,
    html: str,
    headers: dict | None = None,
    attachments: list | None = None,
) -> str:
    """Send one e-mail with a plain-text and an HTML part; `attachments` are
    [file name, base64 content, MIME type] triples."""
    message = EmailMultiAlternatives(
        subject=subject, body=text, to=[to], headers=headers or {}
    )
    message.attach_alternative(html, "text/html")
    for name, content, mimetype in attachments or []:
        message.attach(name, base64.b64decode(content), mimetype)
    message.send()
    return "sent"
