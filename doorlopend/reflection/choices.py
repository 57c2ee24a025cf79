"""The fixed lists of a reflection session: states, phases, sectors, layers, statuses."""

from django.db import models
from django.utils.translation import gettext_lazy as _

# Answers use 0 for "weet niet": it counts as answered, never in a mean or spread.
DONT_KNOW = 0


class State(models.TextChoices):
    CONCEPT = "concept", _("concept")
    OPEN = "open", _("open")
    CLOSED = "closed", _("closed")


class Phase(models.TextChoices):
    """The hour of seed 003: explain, score, discuss, and the last 15 minutes on actions."""

    UITLEG = "uitleg", _("explanation")
    SCOREN = "scoren", _("scoring")
    BESPREKEN = "bespreken", _("discussion")
    ACTIEPUNTEN = "actiepunten", _("action points")


class Mode(models.TextChoices):
    """Seed 003: the questions as a guide for an open conversation, or everyone scores."""

    SCOREN = "scoren", _("everyone scores the questions")
    GESPREK = "gesprek", _("open conversation: the questions without scores")


# Suggested length of each phase in minutes, for an hour as the handreiking advises.
PHASE_MINUTES = {
    Phase.UITLEG: 10,
    Phase.SCOREN: 15,
    Phase.BESPREKEN: 20,
    Phase.ACTIEPUNTEN: 15,
}


class Sector(models.TextChoices):
    VO = "vo", _("vo")
    MBO = "mbo", _("mbo")
    HBO = "hbo", _("hbo")
    GEMEENTE = "gemeente", _("municipality")
    BEDRIJFSLEVEN = "bedrijfsleven", _("employers")
    OVERIG = "overig", _("other")


class Layer(models.TextChoices):
    BESTUUR = "bestuur", _("board")
    MANAGEMENT = "management", _("management")
    UITVOERING = "uitvoering", _("practice")


class ActionStatus(models.TextChoices):
    OPEN = "open", _("open")
    BEZIG = "bezig", _("in progress")
    GEREED = "gereed", _("done")
    VERVALLEN = "vervallen", _("dropped")


SCAN_KEY = "lob-scan"  # the instrument of a school's own LOB-scan
DRAAGVLAK_KEY = "draagvlak"  # the draagvlak survey sent to the parties of a leerroute
