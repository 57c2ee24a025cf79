"""The fixed lists of the dossier: which dossier a partnership uses, the parts, who acts."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class DossierKind(models.TextChoices):
    # The dossier kept in Doorlopend (parts A, B, C below).
    DOORLOPEND = "doorlopend", _("Doorlopend's own doorstroomdossier")
    DDD = "ddd", _("Digitaal Doorstroomdossier (DDD)")
    PVS = "pvs", _("Paspoort voor Succes")
    OTHER = "other", _("another dossier")


class Part(models.TextChoices):
    A = "a", _("part A: by the pupil")
    B = "b", _("part B: by the mentor or decaan")
    C = "c", _("part C: support")


class Decision(models.TextChoices):
    APPROVED = "approved", _("approved")
    # Only for part B: the pupil disagrees with the school's advice (with a comment).
    DISAGREED = "disagreed", _("disagreed")


class Actor(models.TextChoices):
    """Who acted through a personal link."""

    PUPIL = "pupil", _("pupil")
    PARENT = "parent", _("parent")


# Part A's fields in the order the pupil fills them; B's and C's the school writes.
PART_A_FIELDS = (
    "school_career",
    "placements",
    "choice",
    "eindopdracht",
    "learning",
    "support_wishes",
)
PART_B_FIELDS = ("advice", "attendance_results")
PART_C_FIELDS = ("care",)
PART_FIELDS = {Part.A: PART_A_FIELDS, Part.B: PART_B_FIELDS, Part.C: PART_C_FIELDS}
