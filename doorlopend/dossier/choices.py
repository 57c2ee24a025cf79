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

# Part A as the pupil reads it on a phone: plain Dutch (B1) questions with a hint.
PUPIL_QUESTIONS = {
    "school_career": (
        _("Which schools did you go to, and how did it go?"),
        _("For example: your primary school, your vmbo school, a year you repeated."),
    ),
    "placements": (
        _("Which work placements and LOB activities did you do?"),
        _("For example: a stage, a taster day at an mbo school, an open day."),
    ),
    "choice": (
        _("How did you choose your mbo study?"),
        _("What did you do to choose? Who helped you?"),
    ),
    "eindopdracht": (
        _("What did you do for your eindopdracht LOB?"),
        _("Tell what you made or showed, and what you learned from it."),
    ),
    "learning": (
        _("What helps you learn?"),
        _("For example: working with your hands, a quiet place, clear steps."),
    ),
    "support_wishes": (
        _("What help do you need at your new school?"),
        _("Write what you want your new school to know. You may leave this empty."),
    ),
}
