"""The national school register, imported from DUO's open data files.

These rows are public data shared by every partnership, so they are not scoped: a
partnership's own organisations point at them (`partnerships.Organisation.register_entry`).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from doorlopend.core.jobs import Job


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


class ImportJob(Job):
    """One uploaded register file, imported in the background by `tasks.import_job_run`.

    Register data is national, of no partnership: the job runs outside any scope. The file
    itself is emptied once the import has ended, whatever the outcome.
    """

    partnership_path = None

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
    created_count = models.PositiveIntegerField(_("created"), default=0)
    updated_count = models.PositiveIntegerField(_("updated"), default=0)
    unchanged_count = models.PositiveIntegerField(_("unchanged"), default=0)
    # error_count spares the list page from loading the errors.
    error_count = models.PositiveIntegerField(_("number of errors"), default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("register import")
        verbose_name_plural = _("register imports")

    def __str__(self) -> str:
        return f"{self.original_filename} ({self.get_status_display()})"

    def job_task(self):
        from . import tasks  # tasks import the services, which import this module

        return tasks.import_job_run

    def job_input_available(self) -> bool:
        return type(self)._base_manager.filter(pk=self.pk).exclude(data=b"").exists()

    def job_input_delete(self) -> None:
        type(self)._base_manager.filter(pk=self.pk).update(data=b"")
