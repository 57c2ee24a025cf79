"""Generated documents: asked for in the page, made by a background task, kept as versions.

Each request makes a new `GeneratedDocument`; the old ones stay, so the versions of a
document can be compared by date. The content hash is SHA-256 of the document's content
text, so "the same content as the previous version" does not depend on file timestamps.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from datetime import timedelta
from functools import partial

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from doorlopend.routes.models import Leerroute

from . import tasks
from .kinds import SPECS, spec_for
from .models import GeneratedDocument

logger = logging.getLogger(__name__)

# A document still "being made" after this long lost its worker (a restart, a crash):
# it no longer blocks a new request.
STALE_AFTER = timedelta(minutes=15)
IN_PROGRESS = [GeneratedDocument.Status.PENDING, GeneratedDocument.Status.RUNNING]


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def document_filename(document: GeneratedDocument) -> str:
    """projectplan-techniek-rivierenland-20270301-1412.pdf: says what, which route, when."""
    spec = spec_for(document.kind)
    named = document.route.name if document.route else document.partnership.slug
    slug = slugify(named)[:60] or "leerroute"
    made = timezone.localtime(document.created_at).strftime("%Y%m%d-%H%M")
    return f"{spec.prefix}-{slug}-{made}.{spec.extension}"


def document_in_progress(*, route: Leerroute, kind: str) -> GeneratedDocument | None:
    """The route's document of `kind` that is waiting or being made, unless its worker was
    lost."""
    return (
        GeneratedDocument.objects.filter(
            route=route,
            kind=kind,
            status__in=IN_PROGRESS,
            created_at__gte=timezone.now() - STALE_AFTER,
        )
        .order_by("-created_at", "-pk")
        .first()
    )


@transaction.atomic
def document_request(
    *, route: Leerroute, kind: str, by, language: str = ""
) -> GeneratedDocument:
    """Queue a new version of the route's document `kind`; a second click while one is
    waiting or being made gets that one."""
    spec = SPECS.get(kind)  # a route's kinds only
    if spec is None:
        raise ValidationError(_("There is no such document."), code="kind")
    # Lock the route: two clicks at once must not both find nothing pending.
    Leerroute.objects.select_for_update().filter(pk=route.pk).first()
    pending = document_in_progress(route=route, kind=kind)
    if pending is not None:
        return pending
    if spec.needs_parties and not route.parties.exists():
        raise ValidationError(
            _(
                "This document lists the parties of the route: add them on the route's "
                "page first."
            ),
            code="no_parties",
        )
    document = GeneratedDocument(
        partnership=route.partnership,
        route=route,
        kind=kind,
        created_by=by,
        language=language,
    )
    document.full_clean()
    document.save()
    transaction.on_commit(partial(tasks.document_build.enqueue, document.pk))
    return document


def _update(document: GeneratedDocument, **fields) -> None:
    for name, value in fields.items():
        setattr(document, name, value)
    document.save(update_fields=list(fields))


def document_build(*, document: GeneratedDocument) -> GeneratedDocument:
    """Make the file of `document` and store it with its content text and hash; on
    failure the row says so in words. A task delivered twice finds the document no
    longer pending and does nothing."""
    if document.status != GeneratedDocument.Status.PENDING:
        return document
    _update(document, status=GeneratedDocument.Status.RUNNING, progress=10)
    progress: Callable[[int], None] = partial(_progress, document)
    spec = spec_for(document.kind)
    try:
        # A route's document is built from the route, a partnership's from the partnership.
        subject = document.route if document.route_id else document.partnership
        data, text = spec.build()(subject, progress=progress)
        filename = document_filename(document)
        document.file.save(filename, ContentFile(data), save=False)
    except Exception as error:
        logger.exception("Document %s (%s) failed", document.pk, document.kind)
        _update(
            document,
            status=GeneratedDocument.Status.FAILED,
            error=_(
                "The document could not be made (%(reason)s). Try again; if it fails "
                "again, tell the helpdesk."
            )
            % {"reason": type(error).__name__},
            finished_at=timezone.now(),
        )
        raise
    _update(
        document,
        file=document.file.name,
        filename=filename,
        size=len(data),
        content_text=text,
        content_hash=content_hash(text),
        status=GeneratedDocument.Status.DONE,
        progress=100,
        error="",
        finished_at=timezone.now(),
    )
    return document


def _progress(document: GeneratedDocument, percent: int) -> None:
    _update(document, progress=percent)
