"""The vocabulary of Dutch education that DUO's files and school systems use.

Shared by every module that records what a pupil follows: the doorstroommonitor, the
leerroutes. Codes are the ones school systems export; labels are what people read.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Leerweg(models.TextChoices):
    """The four vmbo learning paths."""

    BB = "bb", _("basisberoepsgerichte leerweg (BB)")
    KB = "kb", _("kaderberoepsgerichte leerweg (KB)")
    GL = "gl", _("gemengde leerweg (GL)")
    TL = "tl", _("theoretische leerweg (TL)")


class VmboProfile(models.TextChoices):
    """The ten vmbo profiles (beroepsgerichte profielen) since 2016."""

    BWI = "bwi", _("Bouwen, wonen en interieur")
    PIE = "pie", _("Produceren, installeren en energie")
    MOBT = "mobt", _("Mobiliteit en transport")
    MVI = "mvi", _("Media, vormgeving en ICT")
    MAT = "mat", _("Maritiem en techniek")
    ZW = "zw", _("Zorg en welzijn")
    EO = "eo", _("Economie en ondernemen")
    HBR = "hbr", _("Horeca, bakkerij en recreatie")
    DP = "dp", _("Dienstverlening en producten")
    GROEN = "groen", _("Groen")


class MboLeerweg(models.TextChoices):
    BOL = "bol", _("BOL (school-based)")
    BBL = "bbl", _("BBL (work-based)")


class MboNiveau(models.TextChoices):
    """The four levels of an mbo qualification (niveau 1 entree to niveau 4)."""

    N1 = "1", _("level 1 (entree)")
    N2 = "2", _("level 2")
    N3 = "3", _("level 3")
    N4 = "4", _("level 4")
