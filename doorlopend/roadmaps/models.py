"""Roadmaps being worked: a partnership's checklist and each leerroute's step plan.

The items come from a roadmap version of the instruments app (a data file, frozen once
used); what lives here is the work on them: one `ItemState` per item, or per item and
school for the blocks that apply to every school, and an `ItemChange` for every change.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager

from doorlopend.instruments.models import InstrumentVersion
from doorlopend.partnerships.models import Membership, Organisation, Partnership
from doorlopend.routes.models import Leerroute


class Status(models.TextChoices):
    NOT_STARTED = "not_started", _("not started")
    IN_PROGRESS = "in_progress", _("in progress")
    DONE = "done", _("done")
    NOT_APPLICABLE = "not_applicable", _("not applicable")


OPEN_STATUSES = (Status.NOT_STARTED, Status.IN_PROGRESS)


class Roadmap(models.Model):
    """The checklist of a partnership (`route` empty) or the step plan of one route."""

    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="roadmaps"
    )
    version = models.ForeignKey(
        InstrumentVersion,
        verbose_name=_("roadmap version"),
        on_delete=models.PROTECT,
        related_name="roadmaps",
    )
    route = models.OneToOneField(
        Leerroute,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="step_plan",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ScopedManager(partnership="partnership")

    class Meta:
        ordering = ["partnership", "route", "pk"]
        constraints = [
            # One checklist per partnership and roadmap; a route has one step plan.
            models.UniqueConstraint(
                fields=["partnership", "version"],
                condition=Q(route__isnull=True),
                name="roadmaps_one_checklist_per_version",
            ),
        ]

    def __str__(self) -> str:
        return self.route.name if self.route_id else self.version.title

    @property
    def definition(self):
        return self.version.definition


def evidence_path(instance: ItemState, filename: str) -> str:
    from .evidence import evidence_upload_to  # the rules for uploads live there

    return evidence_upload_to(instance, filename)


class ItemState(models.Model):
    roadmap = models.ForeignKey(
        Roadmap, on_delete=models.CASCADE, related_name="states"
    )
    item_key = models.SlugField(_("item"), max_length=80)
    # Set only for the items of a block that applies once per school.
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("school"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="roadmap_states",
    )
    status = models.CharField(
        _("status"), max_length=15, choices=Status.choices, default=Status.NOT_STARTED
    )
    not_applicable_reason = models.TextField(_("why not applicable"), blank=True)
    owner = models.ForeignKey(
        Membership,
        verbose_name=_("owner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="roadmap_items",
    )
    due_date = models.DateField(_("due date"), null=True, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    evidence_file = models.FileField(
        _("evidence file"), upload_to=evidence_path, blank=True, max_length=300
    )
    evidence_name = models.CharField(_("file name"), max_length=255, blank=True)
    evidence_size = models.PositiveIntegerField(_("file size"), default=0)
    evidence_link = models.URLField(_("evidence link"), blank=True, max_length=500)
    # The decision statements scored at this step (seed 004), a reflection session.
    decision_session = models.ForeignKey(
        "reflection.Session",
        verbose_name=_("decision statements session"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="roadmap_states",
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ScopedManager(partnership="roadmap__partnership")

    class Meta:
        ordering = ["roadmap", "item_key", "organisation"]
        constraints = [
            models.UniqueConstraint(
                fields=["roadmap", "item_key"],
                condition=Q(organisation__isnull=True),
                name="roadmaps_state_unique_item",
            ),
            models.UniqueConstraint(
                fields=["roadmap", "item_key", "organisation"],
                condition=Q(organisation__isnull=False),
                name="roadmaps_state_unique_item_school",
            ),
        ]
        indexes = [models.Index(fields=["owner", "status"])]

    # What the data says about this row, where an answerer of `derived` answers its item
    # (set by `derived.derive`); None: the manual status is all there is.
    answer = None

    def __str__(self) -> str:
        return f"{self.roadmap}: {self.item_key}"

    @property
    def shown_status(self) -> str:
        """The data's status where it answers the item, else the manual one."""
        return self.answer.status if self.answer is not None else self.status

    @property
    def shown_status_label(self) -> str:
        return Status(self.shown_status).label

    @property
    def disagrees(self) -> bool:
        """A manual status someone set (anything but "not started") that the data
        contradicts: shown beside the data's, never hidden."""
        return (
            self.answer is not None
            and self.status != Status.NOT_STARTED
            and self.status != self.answer.status
        )

    @property
    def item(self):
        return self.roadmap.definition.item(self.item_key)

    @property
    def title(self) -> str:
        item = self.item
        return item.title if item else self.item_key

    @property
    def is_open(self) -> bool:
        """Still to do: neither done nor not applicable."""
        return self.shown_status in OPEN_STATUSES

    @property
    def is_overdue(self) -> bool:
        return (
            self.is_open
            and self.due_date is not None
            and self.due_date < timezone.localdate()
        )

    @property
    def has_evidence(self) -> bool:
        return bool(self.evidence_file) or bool(self.evidence_link)


class ItemChange(models.Model):
    """Who changed what of an item, and when: the item's history, appended to only."""

    state = models.ForeignKey(
        ItemState, on_delete=models.CASCADE, related_name="changes"
    )
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    changed_at = models.DateTimeField(auto_now_add=True, db_index=True)
    # {"field": [before, after]} as raw values (a status code, the owner's membership id
    # and name, an ISO date, a text); `history.py` writes them and shows them in the
    # reader's language.
    changes = models.JSONField(default=dict)

    objects = ScopedManager(partnership="state__roadmap__partnership")

    class Meta:
        ordering = ["-changed_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.state} @ {self.changed_at:%Y-%m-%d %H:%M}"

    @property
    def rows(self) -> list[tuple[str, str, str]]:
        """(label, before, after) per changed field, in the active language.

        The owner shows by the name kept in the change; `selectors.history` shows the
        present name of a member still there.
        """
        from .history import rows

        return rows(self.changes)
