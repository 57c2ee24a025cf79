"""The national school register, imported from DUO's open data files.

These rows are public data shared by every partnership, so they are not scoped: a
partnership's own organisations point at them (`partnerships.Organisation.register_entry`).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Sector(models.TextChoices):
    VO = "vo", _("Secondary education (vo)")
    MBO = "mbo", _("Vocational education (mbo)")
    HBO = "hbo", _("Higher professional education (hbo)")


class Region(models.Model):
    """An RMC region (Regionale Meld- en Coördinatiefunctie) as DUO names it."""

    code = models.CharField(_("code"), max_length=10, unique=True)
    name = models.CharField(_("name"), max_length=200)

    class Meta:
        ordering = ["name"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")

    def __str__(self) -> str:
        return self.name


class RegisterEntry(models.Model):
    """One school location (vo) or one institution (mbo, hbo) in DUO's register.

    Keyed by BRIN and vestigingsnummer; institutions without locations have an empty
    vestiging.
    """

    sector = models.CharField(_("sector"), max_length=3, choices=Sector.choices)
    brin = models.CharField(_("BRIN"), max_length=4, db_index=True)
    vestiging = models.CharField(_("location number"), max_length=6, blank=True)
    name = models.CharField(_("name"), max_length=200)
    competent_authority = models.CharField(
        _("competent authority number"), max_length=10, blank=True
    )
    street = models.CharField(_("street"), max_length=200, blank=True)
    house_number = models.CharField(_("house number"), max_length=20, blank=True)
    postcode = models.CharField(_("postcode"), max_length=10, blank=True)
    place = models.CharField(_("place"), max_length=100, blank=True)
    province = models.CharField(_("province"), max_length=50, blank=True)
    municipality_code = models.CharField(
        _("municipality number"), max_length=10, blank=True
    )
    municipality = models.CharField(_("municipality"), max_length=100, blank=True)
    denomination = models.CharField(_("denomination"), max_length=100, blank=True)
    phone = models.CharField(_("telephone"), max_length=30, blank=True)
    website = models.CharField(_("website"), max_length=200, blank=True)
    education_structure = models.CharField(
        _("education structure"), max_length=100, blank=True
    )
    region = models.ForeignKey(
        Region,
        verbose_name=_("RMC region"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="entries",
    )
    # The remaining columns (correspondence address, the other region pairs) kept as read.
    details = models.JSONField(_("other register data"), default=dict, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["name", "vestiging"]
        verbose_name = _("register entry")
        verbose_name_plural = _("register entries")
        constraints = [
            models.UniqueConstraint(
                fields=["brin", "vestiging"], name="registry_entry_unique_key"
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"

    @property
    def code(self) -> str:
        """The code people know the school by: the vestigingsnummer, else the BRIN."""
        return self.vestiging or self.brin


class ImportJob(models.Model):
    """One uploaded register file, imported in the background by `tasks.import_job_run`."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    # Blank until the import ran: "automatic" means the file's columns decide (a vo list).
    sector = models.CharField(
        _("sector"), max_length=3, choices=Sector.choices, blank=True
    )
    original_filename = models.CharField(_("file name"), max_length=255)
    # The upload itself (≤ MAX_IMPORT_UPLOAD_BYTES): the worker may run on another machine
    # than the web process, so a file in MEDIA_ROOT would not do.
    data = models.BinaryField(_("file contents"))
    content_hash = models.CharField(
        _("SHA-256 of the file"), max_length=64, db_index=True
    )
    size = models.PositiveIntegerField(_("size in bytes"), default=0)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    created_count = models.PositiveIntegerField(_("created"), default=0)
    updated_count = models.PositiveIntegerField(_("updated"), default=0)
    unchanged_count = models.PositiveIntegerField(_("unchanged"), default=0)
    # [{"line": int, "reason": str}, …] for a rejected file; error_count spares the list
    # page from loading them.
    errors = models.JSONField(_("errors"), default=list, blank=True)
    error_count = models.PositiveIntegerField(_("number of errors"), default=0)
    # The uploader's language, so that the worker writes the reasons in it.
    language = models.CharField(_("language"), max_length=10, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("uploaded"), auto_now_add=True, db_index=True)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("register import")
        verbose_name_plural = _("register imports")

    def __str__(self) -> str:
        return f"{self.original_filename} ({self.get_status_display()})"

    @property
    def is_finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)
