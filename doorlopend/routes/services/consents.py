"""Writes of the participation councils' decisions on a route (seed 002, step MR)."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from doorlopend.partnerships.models import Membership, Organisation

from ..models import Consent, Leerroute, Party
from ..uploads import consent_document_check
from .files import files_delete_on_commit


@transaction.atomic
def consent_create(
    *,
    route: Leerroute,
    organisation: Organisation,
    body: str,
    date: datetime.date,
    outcome: str,
    notes: str = "",
    document=None,
    by: Membership | None,
) -> Consent:
    """Record a council's decision: of a party to the route, on a day already past.

    `by` is None only for the system (the demo loader).
    """
    errors = {}
    if not Party.objects.filter(route=route, organisation=organisation).exists():
        errors["organisation"] = _("Choose one of the route's parties.")
    if date and date > timezone.localdate():
        errors["date"] = _("The date of a decision cannot be in the future.")
    if document:
        try:
            consent_document_check(document)
        except ValidationError as e:
            errors["document"] = e.messages[0]
    if errors:
        raise ValidationError(errors)
    consent = Consent(
        route=route,
        organisation=organisation,
        body=body,
        date=date,
        outcome=outcome,
        notes=notes,
        recorded_by=by.user if by else None,
    )
    if document:
        consent.document = document
    consent.full_clean(exclude=["route", "organisation", "document", "recorded_by"])
    consent.save()
    return consent


@transaction.atomic
def consent_delete(*, consent: Consent) -> None:
    """Delete a recorded decision and its document."""
    name = consent.document.name if consent.document else ""
    consent.delete()
    files_delete_on_commit([name])
