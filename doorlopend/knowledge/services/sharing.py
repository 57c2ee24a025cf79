"""What other partnerships do with a published practice: say it inspired them, adopt
it into their own programme or plan as a starting point, and read its attachments."""

from __future__ import annotations

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from doorlopend.partnerships.models import Membership
from doorlopend.planning.elements import element_choices
from doorlopend.planning.models import Activity, ActivityAudience, ActivityKind
from doorlopend.planning.services import activities as activity_services
from doorlopend.programme.elements import element_choices_of
from doorlopend.programme.models import (
    Audience,
    Form,
    Period,
    Programme,
    ProgrammeItem,
    Score,
)
from doorlopend.programme.services import items as item_services

from ..attachments import attachment_check
from ..models import Adoption, Inspiration, Practice, PracticeAttachment

DUPLICATE_WINDOW = datetime.timedelta(minutes=2)


@transaction.atomic
def inspiration_toggle(*, practice: Practice, by: Membership) -> bool:
    """ "Dit heeft ons geïnspireerd" from another partnership: one per partnership, and
    a second click takes it back. Returns whether the partnership is now inspired."""
    if not by.has_perm("knowledge.inspire"):
        raise PermissionDenied
    if not practice.is_published:
        raise ValidationError(_("Only a published practice can inspire others."))
    if practice.partnership_id == by.partnership_id:
        raise ValidationError(_("Your own practice cannot inspire your partnership."))
    deleted, _rows = Inspiration.objects.filter(
        practice=practice, partnership=by.partnership_id
    ).delete()
    if deleted:
        return False
    try:
        with transaction.atomic():
            Inspiration.objects.create(
                practice=practice, partnership_id=by.partnership_id, created_by=by.user
            )
    except IntegrityError:  # the same click twice at once: one counts
        pass
    return True


def _recent_adoption(practice: Practice, by: Membership, **target) -> Adoption | None:
    return Adoption.objects.filter(
        practice=practice,
        partnership=by.partnership_id,
        created_by=by.user,
        created_at__gte=timezone.now() - DUPLICATE_WINDOW,
        **target,
    ).first()


def _origin(practice: Practice) -> str:
    return _("Adopted from the good practice “%(title)s” of %(partnership)s.") % {
        "title": practice.title,
        "partnership": practice.partnership.name,
    }


@transaction.atomic
def adopt_into_programme(
    *, practice: Practice, by: Membership, programme: Programme, level: str, year: int
) -> ProgrammeItem:
    """A programme item copied from the practice (title, text, for whom, its elements
    rated clearly), linked to the practice. The copy is the partnership's own."""
    if not practice.is_published and practice.partnership_id != by.partnership_id:
        raise PermissionDenied
    if programme.partnership_id != by.partnership_id:
        raise ValidationError({"programme": _("Choose a programme of your own.")})
    twin = _recent_adoption(practice, by, programme_item__programme=programme)
    if twin is not None:
        return twin.programme_item
    item = item_services.item_save(
        programme=programme,
        by=by,
        title=practice.title,
        description=f"{practice.description}\n\n{_origin(practice)}".strip(),
        level=level,
        year=year,
        leerweg=practice.leerweg if level == practice.level else "",
        form=Form.ANDERS,
        period=Period.YEAR,
        audience=Audience.PUPILS,
    )
    known = {key for key, _title in element_choices_of(programme)}
    scores = {key: (Score.DUIDELIJK, "") for key in practice.elements if key in known}
    if scores:
        item_services.item_rate(item=item, by=by, scores=scores)
    Adoption.objects.create(
        practice=practice,
        partnership_id=by.partnership_id,
        programme_item=item,
        created_by=by.user,
    )
    return item


@transaction.atomic
def adopt_into_plan(
    *,
    practice: Practice,
    by: Membership,
    date: datetime.date,
    start_time: datetime.time,
) -> Activity:
    """An activity of the plan copied from the practice (title, text as materials,
    costs, elements), proposed or confirmed as any new activity of this member is."""
    if not practice.is_published and practice.partnership_id != by.partnership_id:
        raise PermissionDenied
    twin = _recent_adoption(practice, by, activity__isnull=False)
    if twin is not None:
        return twin.activity
    known = {key for key, _title in element_choices()}
    activity = activity_services.activity_propose(
        partnership=by.partnership,
        by=by,
        title=practice.title,
        kind=ActivityKind.ANDERS,
        audience=ActivityAudience.LEERLINGEN,
        place="",
        materials=f"{practice.description}\n\n{_origin(practice)}".strip(),
        costs=practice.costs_amount or 0,
        date=date,
        start_time=start_time,
        elements=[key for key in practice.elements if key in known],
    )
    Adoption.objects.create(
        practice=practice,
        partnership_id=by.partnership_id,
        activity=activity,
        created_by=by.user,
    )
    return activity


@transaction.atomic
def attachment_add(
    *, practice: Practice, by: Membership, upload, name: str = ""
) -> PracticeAttachment:
    """A file for the practice, checked like every upload (core.files)."""
    if practice.partnership_id != by.partnership_id or not by.has_perm(
        "knowledge.write", practice
    ):
        raise PermissionDenied
    attachment_check(upload)
    attachment = PracticeAttachment(
        practice=practice,
        name=(name or upload.name)[:200],
        uploaded_by=by.user,
    )
    attachment.file.save(upload.name, upload, save=False)
    attachment.save()
    return attachment


@transaction.atomic
def attachment_delete(*, attachment: PracticeAttachment, by: Membership) -> None:
    practice = attachment.practice
    if practice.partnership_id != by.partnership_id or not by.has_perm(
        "knowledge.write", practice
    ):
        raise PermissionDenied
    file = attachment.file
    attachment.delete()
    transaction.on_commit(lambda: file.delete(save=False))
