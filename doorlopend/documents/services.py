"""Generated documents: asked for in the page, made by a background task, kept as versions.

Each request makes a new `GeneratedDocument`; the old ones stay, so the versions of a
document can be compared by date. The content hash is SHA-256 of the document's content
text, so "the same content as the previous version" does not depend on file timestamps.
"""

from __future__ import annotations

import hashlib

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from doorlopend.core.job_runner import Progress, job_enqueue, job_run
from doorlopend.core.jobs import ACTIVE
from doorlopend.partnerships.models import Membership
from doorlopend.routes.models import Leerroute

from .kinds import SPECS, spec_for
from .models import GeneratedDocument
from .notify import document_ready_tell

# Waiting or being made: blocks a second request (a job whose worker died is stopped by
# the worker's sweep, core.job_sweep, and no longer blocks).
IN_PROGRESS = ACTIVE


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def document_filename(document: GeneratedDocument) -> str:
    """projectplan-techniek-rivierenland-20270301-1412.pdf: says what, which route, when."""
    spec = spec_for(document.kind)
    if document.route_id:
        named = document.route.name
    elif document.programme_id:
        programme = document.programme
        named = f"{programme.name} {programme.school_year} {document.leerweg}"
    else:
        named = document.partnership.slug
    slug = slugify(named)[:60] or "leerroute"
    made = timezone.localtime(document.created_at).strftime("%Y%m%d-%H%M")
    return f"{spec.prefix}-{slug}-{made}.{spec.extension}"


def document_in_progress(*, route: Leerroute, kind: str) -> GeneratedDocument | None:
    """The route's document of `kind` that is waiting or being made."""
    return (
        GeneratedDocument.objects.filter(route=route, kind=kind, status__in=IN_PROGRESS)
        .order_by("-created_at", "-pk")
        .first()
    )


@transaction.atomic
def document_request(
    *, route: Leerroute, kind: str, by: Membership, language: str = ""
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
        created_by=by.user,
        language=language,
    )
    document.full_clean()
    document.save()
    job_enqueue(document)
    return document


def document_build(*, document_id: int) -> GeneratedDocument | None:
    """Make the file of the document through the job life cycle: stored with its content
    text and hash when done; an unexpected error ends it failed, in words. None when it
    was not queued (a task delivered twice)."""
    return job_run(
        GeneratedDocument,
        document_id,
        _build,
        after=document_ready_tell,
        failed_reason=_failed,
    )


def _failed(error: Exception) -> str:
    return _(
        "The document could not be made (%(reason)s). Try again; if it fails "
        "again, tell the helpdesk."
    ) % {"reason": type(error).__name__}


def _build(document: GeneratedDocument, progress: Progress) -> dict:
    spec = spec_for(document.kind)
    progress(10)
    # A route's document is built from the route, a programme's from the programme (and
    # the leerweg whose line it shows), a partnership's from the partnership.
    if document.route_id:
        data, text = spec.build()(document.route, progress=progress)
    elif document.programme_id:
        data, text = spec.build()(
            document.programme, progress=progress, leerweg=document.leerweg
        )
    else:
        data, text = spec.build()(document.partnership, progress=progress)
    filename = document_filename(document)
    document.file.save(filename, ContentFile(data), save=False)
    return {
        "file": document.file.name,
        "filename": filename,
        "size": len(data),
        "content_text": text,
        "content_hash": content_hash(text),
    }
