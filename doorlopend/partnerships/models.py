"""Partnerships, their organisations, people and roles: the tenant boundary.

Everything that belongs to one partnership carries a `ScopedManager`, so that a query
outside `scope(partnership=…)` fails closed (django-scopes) instead of leaking.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager

from doorlopend.core.tokens import token_hash, token_new
from doorlopend.registry.models import Region, RegisterEntry

from .permissions import rules as permission_rules
from .roles import Role


class SchoolRegion(models.TextChoices):
    """The three regions of the school holidays (rijksoverheid.nl, "regio-indeling")."""

    NOORD = "noord", _("north")
    MIDDEN = "midden", _("central")
    ZUID = "zuid", _("south")


class Partnership(models.Model):
    """A regional partnership (samenwerkingsverband): the tenant."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(
        _("short name in web addresses"), max_length=60, unique=True
    )
    region = models.ForeignKey(
        Region,
        verbose_name=_("region"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="partnerships",
    )
    description = models.TextField(_("description"), blank=True)
    school_region = models.CharField(
        _("school holiday region"),
        max_length=6,
        choices=SchoolRegion.choices,
        default=SchoolRegion.MIDDEN,
        # Also in the database, so rows written without it (older code, migration
        # tests that go back to an earlier state of other apps) get a region too.
        db_default=SchoolRegion.MIDDEN,
        help_text=_(
            "The region whose school holidays the planning shows and warns about."
        ),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("partnership")
        verbose_name_plural = _("partnerships")

    def __str__(self) -> str:
        return self.name


class OrganisationKind(models.TextChoices):
    VO = "vo", _("vo school")
    MBO = "mbo", _("mbo school")
    HBO = "hbo", _("hbo institution")
    GEMEENTE = "gemeente", _("municipality")
    BEDRIJF = "bedrijf", _("employer")
    OVERIG = "overig", _("other")


SCHOOL_KINDS = frozenset(
    {OrganisationKind.VO, OrganisationKind.MBO, OrganisationKind.HBO}
)


class Organisation(models.Model):
    """A member organisation; a school points at its entry in DUO's register."""

    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="organisations"
    )
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("type"), max_length=10, choices=OrganisationKind.choices)
    register_entry = models.ForeignKey(
        RegisterEntry,
        verbose_name=_("DUO register entry"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="organisations",
    )
    place = models.CharField(_("place"), max_length=100, blank=True)
    website = models.URLField(_("website"), blank=True)
    created_at = models.DateTimeField(_("added"), auto_now_add=True)

    objects = ScopedManager(partnership="partnership")

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "register_entry"],
                name="partnerships_organisation_unique_entry",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_school(self) -> bool:
        return self.kind in SCHOOL_KINDS

    @property
    def offers_vmbo(self) -> bool:
        """Whether DUO's register lists vmbo among the school's kinds of education
        ("VMBO", "VMBO/HAVO"; not "HAVO/VWO"): only such a school has vmbo leavers."""
        entry = self.register_entry
        return entry is not None and "VMBO" in entry.education_structure.upper()


class Membership(models.Model):
    """A person's place in one partnership; what they may do follows from its roles."""

    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="memberships"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    created_at = models.DateTimeField(_("member since"), auto_now_add=True)

    objects = ScopedManager(partnership="partnership")

    class Meta:
        ordering = ["user__name", "user__email"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "user"], name="partnerships_membership_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} @ {self.partnership}"

    def has_perm(self, perm: str, obj: Any = None) -> bool:
        """Whether this member holds `perm` (a name of `partnerships.permissions`), about
        `obj` when given: the one call for every permission check, role-only or about an
        object (the rules in `permissions/rules.py`). Reads the roles the guard
        prefetched: no query in a loop over rows."""
        return permission_rules.check(perm, self, obj)


class RoleAssignment(models.Model):
    """One role of a member; roles that act for a school name that school."""

    membership = models.ForeignKey(
        Membership, on_delete=models.CASCADE, related_name="roles"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("school"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="role_assignments",
    )
    created_at = models.DateTimeField(_("since"), auto_now_add=True)

    objects = ScopedManager(partnership="membership__partnership")

    class Meta:
        ordering = ["role"]
        verbose_name = _("role")
        verbose_name_plural = _("roles")
        constraints = [
            models.UniqueConstraint(
                fields=["membership", "role"],
                condition=Q(organisation__isnull=True),
                name="partnerships_role_unique_without_school",
            ),
            models.UniqueConstraint(
                fields=["membership", "role", "organisation"],
                condition=Q(organisation__isnull=False),
                name="partnerships_role_unique_with_school",
            ),
        ]

    def __str__(self) -> str:
        if self.organisation_id:
            return f"{self.get_role_display()} ({self.organisation})"
        return str(self.get_role_display())


class InvitationQuerySet(models.QuerySet):
    def pending(self) -> InvitationQuerySet:
        return self.filter(
            accepted_at__isnull=True,
            revoked_at__isnull=True,
            expires_at__gt=timezone.now(),
        )


class Invitation(models.Model):
    """A single-use, expiring link that gives one e-mail address one role in one partnership.

    Only a hash of the token is stored: a leaked database does not hand out memberships.
    """

    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField(_("e-mail address"))
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("school"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)
    expires_at = models.DateTimeField(_("valid until"))
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    revoked_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)

    objects = ScopedManager(
        partnership="partnership",
        _manager_class=models.Manager.from_queryset(InvitationQuerySet),
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self) -> str:
        return f"{self.email} → {self.partnership}"

    @staticmethod
    def new_token() -> tuple[str, str]:
        """A fresh (token, hash) pair; the token goes into the e-mail, the hash into the row."""
        return token_new()

    @staticmethod
    def hash_token(token: str) -> str:
        return token_hash(token)

    @property
    def is_expired(self) -> bool:
        return self.expires_at <= timezone.now()

    @property
    def is_pending(self) -> bool:
        return (
            self.accepted_at is None and self.revoked_at is None and not self.is_expired
        )
