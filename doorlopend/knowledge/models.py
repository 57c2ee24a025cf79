"""Good practices: what one partnership does well, written up for every other one.

A practice belongs to the partnership that wrote it. While it is a draft only that
partnership sees it (the scoped manager, like every other model); once the coördinator
publishes it, members of every partnership read it (`Practice.shared`, which holds
published practices only, so a cross-tenant read can never reach a draft). A person's
name and e-mail appear only when that person ticked the box themselves; the public page
(opt-in per practice) and the feed show no person at all.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager

from doorlopend.programme.grid import YEAR_CHOICES, Level
from doorlopend.registry.education import Leerweg, MboNiveau


class PracticeStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    PUBLISHED = "published", _("published")


class SharedPracticeManager(models.Manager):
    """Published practices of every partnership: the one cross-tenant read. It never
    returns a draft, so forgetting a filter cannot leak one."""

    def get_queryset(self):
        return super().get_queryset().filter(status=PracticeStatus.PUBLISHED)


class SharedAttachmentManager(models.Manager):
    def get_queryset(self):
        return super().get_queryset().filter(practice__status=PracticeStatus.PUBLISHED)


def attachment_path(instance: PracticeAttachment, filename: str) -> str:
    from .attachments import attachment_upload_to  # the rules for uploads live there

    return attachment_upload_to(instance, filename)


def _by_user(**kwargs) -> models.ForeignKey:
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        **kwargs,
    )


class Practice(models.Model):
    partnership = models.ForeignKey(
        "partnerships.Partnership", on_delete=models.CASCADE, related_name="practices"
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("what happens"), blank=True)
    # For whom: the same vocabulary as the programme and the monitor.
    level = models.CharField(
        _("school type"), max_length=4, choices=Level.choices, blank=True
    )
    leerweg = models.CharField(
        _("vmbo leerweg"), max_length=2, choices=Leerweg.choices, blank=True
    )
    year = models.PositiveSmallIntegerField(
        _("year"), choices=YEAR_CHOICES, null=True, blank=True
    )
    mbo_niveau = models.CharField(
        _("mbo level"), max_length=1, choices=MboNiveau.choices, blank=True
    )
    # Keys of the 7 elementen it serves, in the version of the list it was written with
    # (programme.elements reads the titles from it, as for a programme).
    elements = models.JSONField(
        _("elements of effective LOB"), default=list, blank=True
    )
    elements_version = models.ForeignKey(
        "instruments.InstrumentVersion", on_delete=models.PROTECT, related_name="+"
    )
    results = models.TextField(_("what it achieved"), blank=True)
    figure_value = models.DecimalField(
        _("figure"), max_digits=9, decimal_places=1, null=True, blank=True
    )
    figure_label = models.CharField(
        _("what the figure counts"), max_length=200, blank=True
    )
    costs_amount = models.DecimalField(
        _("costs (€)"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    costs_note = models.CharField(_("what it costs"), max_length=300, blank=True)
    contact_role = models.CharField(_("contact (role)"), max_length=200, blank=True)
    # A named contact only with that person's own consent, given by themselves.
    contact_person = _by_user(verbose_name=_("contact person"))
    contact_consented_at = models.DateTimeField(null=True, blank=True)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=PracticeStatus.choices,
        default=PracticeStatus.DRAFT,
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    published_by = _by_user()
    is_public = models.BooleanField(_("on a public page"), default=False)
    public_since = models.DateTimeField(null=True, blank=True)
    # Where it was published from (one step from the programme, the plan or a session).
    source_item = models.ForeignKey(
        "programme.ProgrammeItem",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    source_activity = models.ForeignKey(
        "planning.Activity",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    source_action = models.ForeignKey(
        "reflection.ActionPoint",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_by = _by_user()
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ScopedManager(partnership="partnership")
    shared = SharedPracticeManager()

    class Meta:
        ordering = ["-published_at", "-created_at"]
        verbose_name = _("good practice")
        verbose_name_plural = _("good practices")
        indexes = [
            models.Index(fields=["status", "-published_at"]),
            models.Index(fields=["is_public", "-public_since"]),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def for_whom(self) -> str:
        """'vmbo KB 3', 'mbo level 2', or empty."""
        parts = []
        if self.level:
            parts.append(self.get_level_display())
        if self.leerweg:
            parts.append(self.leerweg.upper())
        if self.year:
            parts.append(str(self.year))
        if self.mbo_niveau:
            parts.append(str(self.get_mbo_niveau_display()))
        return " ".join(parts)

    @property
    def is_draft(self) -> bool:
        return self.status == PracticeStatus.DRAFT

    @property
    def is_published(self) -> bool:
        return self.status == PracticeStatus.PUBLISHED


class PracticeAttachment(models.Model):
    practice = models.ForeignKey(
        Practice, on_delete=models.CASCADE, related_name="attachments"
    )
    file = models.FileField(_("file"), upload_to=attachment_path)
    name = models.CharField(_("name"), max_length=200)
    uploaded_by = _by_user()
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ScopedManager(partnership="practice__partnership")
    # The files of published practices, for readers of other partnerships.
    shared = SharedAttachmentManager()

    class Meta:
        ordering = ["pk"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self) -> str:
        return self.name


class Inspiration(models.Model):
    """ "Dit heeft ons geïnspireerd": one per partnership and practice, undoable."""

    practice = models.ForeignKey(
        Practice, on_delete=models.CASCADE, related_name="inspirations"
    )
    partnership = models.ForeignKey(
        "partnerships.Partnership", on_delete=models.CASCADE, related_name="+"
    )
    created_by = _by_user()
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ScopedManager(partnership="partnership")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["practice", "partnership"],
                name="knowledge_one_inspiration_per_partnership",
            )
        ]

    def __str__(self) -> str:
        return f"{self.partnership_id} → {self.practice_id}"


class Adoption(models.Model):
    """A copy of a practice in a partnership's programme or plan, linked to its source.
    The copy is the partnership's own; the link dies with it."""

    practice = models.ForeignKey(
        Practice, on_delete=models.CASCADE, related_name="adoptions"
    )
    partnership = models.ForeignKey(
        "partnerships.Partnership", on_delete=models.CASCADE, related_name="+"
    )
    programme_item = models.ForeignKey(
        "programme.ProgrammeItem",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    activity = models.ForeignKey(
        "planning.Activity",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    created_by = _by_user()
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ScopedManager(partnership="partnership")

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.practice_id} → {self.partnership_id}"
