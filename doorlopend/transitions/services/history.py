"""The status history of transitions, and the fields derived from it.

A status is never overwritten: each is a `StatusEvent` (transition, status, date). The
transition's current status and milestone dates are derived from its events by
`transitions_recompute`, the one definition the imports, manual changes and figures share:

- status, status_on: the latest event (by date; on one date, the last recorded);
- registered_on: the first `aangemeld`; placed_on: the first `definitieve plaatsing` or
  `ingeschreven`; enrolled_on: the first `ingeschreven`; started_on: the first `gestart`;
  stopped_on: the last `gestopt`; diploma_on: the first `diploma`;
- final_on: status_on when the current status is final (choices.FINAL), else empty.
"""

from __future__ import annotations

import datetime
from functools import partial

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Case, F, OuterRef, QuerySet, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from doorlopend.audit.models import Action
from doorlopend.audit.services import record
from doorlopend.partnerships.models import Membership, Organisation

from .. import tasks
from ..access import writable_school_ids
from ..choices import FINAL, Status, may_follow
from ..models import StatusEvent, Transition
from ..selectors._audit import stored

_FIRST = {
    "registered_on": [Status.AANGEMELD],
    "placed_on": [Status.GEPLAATST, Status.INGESCHREVEN],
    "enrolled_on": [Status.INGESCHREVEN],
    "started_on": [Status.GESTART],
    "diploma_on": [Status.DIPLOMA],
}


def transitions_recompute(transitions: QuerySet[Transition]) -> int:
    """Derive status and milestones of `transitions` from their events, in two UPDATEs."""
    events = StatusEvent.objects.filter(transition=OuterRef("pk"))
    latest = events.order_by("-on", "-pk")
    fields = {
        # A transition without events (not yet imported statuses) has no status: "".
        "status": Coalesce(Subquery(latest.values("status")[:1]), Value("")),
        "status_on": Subquery(latest.values("on")[:1]),
        "stopped_on": Subquery(
            events.filter(status=Status.GESTOPT).order_by("-on").values("on")[:1]
        ),
    }
    for name, statuses in _FIRST.items():
        fields[name] = Subquery(
            events.filter(status__in=statuses).order_by("on").values("on")[:1]
        )
    count = transitions.update(**fields)
    transitions.update(
        final_on=Case(When(status__in=sorted(FINAL), then=F("status_on")), default=None)
    )
    return count


# The derived fields, in the order `derived_sql` selects them after the transition id.
DERIVED = (
    "status",
    "status_on",
    *_FIRST,
    "stopped_on",
    "final_on",
)


def derived_sql(*, events_sql: str) -> str:
    """A SELECT of (transition_id, *DERIVED) per transition with events, the definition of
    the module docstring in SQL. `events_sql` is a SELECT of events with the columns
    transition_id, status, "on" and id (an event recorded later has a higher id); it is
    read twice, so its parameters are needed twice."""

    def quoted(statuses) -> str:
        return ", ".join(f"'{Status(s).value}'" for s in sorted(statuses))

    firsts = ",\n".join(
        f'MIN(CASE WHEN e.status IN ({quoted(statuses)}) THEN e."on" END) AS {name}'
        for name, statuses in _FIRST.items()
    )
    return f"""
        SELECT a.transition_id, l.status, l."on" AS status_on,
            {", ".join(f"a.{name}" for name in _FIRST)}, a.stopped_on,
            CASE WHEN l.status IN ({quoted(FINAL)}) THEN l."on" END AS final_on
        FROM (
            SELECT e.transition_id, {firsts},
                MAX(CASE WHEN e.status = 'gestopt' THEN e."on" END) AS stopped_on
            FROM ({events_sql}) e
            GROUP BY e.transition_id
        ) a JOIN (
            SELECT transition_id, status, "on" FROM (
                SELECT e.transition_id, e.status, e."on", ROW_NUMBER() OVER (
                    PARTITION BY e.transition_id ORDER BY e."on" DESC, e.id DESC
                ) AS rn
                FROM ({events_sql}) e
            ) ranked WHERE rn = 1
        ) l ON l.transition_id = a.transition_id
    """


def transitions_recompute_sql(*, ids_sql: str, params: tuple = ()) -> int:
    """`transitions_recompute` in one set-based UPDATE, for bulk imports.

    `ids_sql` is a SELECT of transition ids (e.g. from an import's temporary table); the
    result is the same as `transitions_recompute` for those transitions that have events.
    """
    from django.db import connection

    events = (
        f'SELECT transition_id, status, "on", id FROM {StatusEvent._meta.db_table}'
        f" WHERE transition_id IN ({ids_sql})"
    )
    sets = ", ".join(f"{name} = d.{name}" for name in DERIVED)
    sql = f"""
        UPDATE {Transition._meta.db_table} SET {sets}
        FROM ({derived_sql(events_sql=events)}) d
        WHERE {Transition._meta.db_table}.id = d.transition_id
    """
    with connection.cursor() as cursor:
        cursor.execute(sql, params + params)
        return cursor.rowcount


def status_record(
    *,
    transition: Transition,
    status: str,
    on: datetime.date,
    by: Membership,
    source: str,
    organisation: Organisation,
    request=None,
) -> StatusEvent:
    """Add one status by hand (a decaan correcting or completing the history).

    `by` acts for `organisation`, which must be the transition's sending or receiving
    school and one where `by` is decaan: a mentor reads but does not write, and nobody
    writes another school's transition (issue 12). Refused with a ValidationError then,
    or when the date lies in the future or the status cannot follow the current one.
    Recording the same status on the same date again changes nothing.
    """
    schools = {transition.sending_organisation_id, transition.receiving_organisation_id}
    if organisation.pk not in schools:
        raise ValidationError(
            {
                "transition": _("This transition is not one of %(school)s.")
                % {"school": organisation.name}
            }
        )
    if organisation.pk not in writable_school_ids(
        user=by.user, partnership=transition.partnership
    ):
        raise ValidationError(
            _(
                "Only the decaan of the pupil's school can record a status: you are not decaan of %(school)s."
            )
            % {"school": organisation.name}
        )
    if on > timezone.localdate():
        raise ValidationError({"on": _("The date lies in the future.")})
    if not may_follow(transition.status or None, status):
        raise ValidationError(
            {
                "status": _("“%(new)s” cannot follow the current status “%(current)s”.")
                % {
                    "new": Status(status).label,
                    "current": Status(transition.status).label,
                }
            }
        )
    with transaction.atomic():
        event, _created = StatusEvent.objects.get_or_create(
            transition=transition,
            status=status,
            on=on,
            defaults={
                "partnership_id": transition.partnership_id,
                "source": source[:300],
                "recorded_by": by.user,
            },
        )
        transitions_recompute(Transition.objects.filter(pk=transition.pk))
        record(
            actor=by.user,
            action=Action.UPDATE,
            objects=transition.pupil,
            # Kept in the site's language, whoever recorded it.
            purpose=stored(gettext_lazy("status recorded by hand")),
            partnership=transition.partnership,
            organisation=organisation,
            request=request,
            label=Status(status).label,
        )
        # Signals follow in the background (a national partnership takes seconds).
        transaction.on_commit(
            partial(tasks.signals_refresh.enqueue, transition.partnership_id)
        )
    transition.refresh_from_db()
    return event


# The statuses after which "doorstroomdossier ontvangen" is the next step: once the
# registration went further (an offer, a placement, an enrolment), reading the dossier later
# must not put the monitor's status back.
BEFORE_DOSSIER = frozenset({Status.AANGEMELD, Status.INTAKE})


def dossier_received_record(
    *, transition: Transition, on: datetime.date, by: Membership
) -> StatusEvent | None:
    """The receiving school read the pupil's doorstroomdossier for the first time (issue 16):
    the monitor shows "doorstroomdossier ontvangen" from that date, when the registration
    had not gone further yet. None when it had; recording it again changes nothing."""
    if transition.status and transition.status not in BEFORE_DOSSIER:
        return None
    with transaction.atomic():
        event, created = StatusEvent.objects.get_or_create(
            transition=transition,
            status=Status.DOSSIER_ONTVANGEN,
            on=on,
            defaults={
                "partnership_id": transition.partnership_id,
                # Kept in the site's language, whoever read it.
                "source": stored(gettext_lazy("doorstroomdossier read in Doorlopend")),
                "recorded_by": by.user,
            },
        )
        if created:
            transitions_recompute(Transition.objects.filter(pk=transition.pk))
            transaction.on_commit(
                partial(tasks.signals_refresh.enqueue, transition.partnership_id)
            )
    return event
