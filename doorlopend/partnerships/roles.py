"""The roles a person can hold in a partnership (DESIGN.md, "Users and roles")."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    COORDINATOR = "coordinator", _("coördinator")
    STUURGROEP = "stuurgroep", _("stuurgroep")
    PORTEFEUILLEHOUDER = "portefeuillehouder", _("portefeuillehouder")
    WERKGROEPLID = "werkgroeplid", _("werkgroeplid")
    AMBASSADEUR = "ambassadeur", _("ambassadeur")
    DOCENT = "docent", _("docent")
    DECAAN = "decaan", _("decaan")
    MENTOR = "mentor", _("mentor")
    PRIVACY_OFFICER = "privacy_officer", _("privacy officer")
    # The intake staff of an mbo school: reads the doorstroomdossiers handed to it.
    INTAKE = "intake", _("intake")
    LANDELIJK_ADVISEUR = "landelijk_adviseur", _("landelijk adviseur")


# Roles that act for one school: the school is part of the role.
ROLES_WITH_SCHOOL = frozenset(
    {
        Role.PORTEFEUILLEHOUDER,
        Role.DECAAN,
        Role.MENTOR,
        Role.PRIVACY_OFFICER,
        Role.INTAKE,
    }
)


def acts_for_school(role: str) -> bool:
    """Whether `role` is held for one school (a portefeuillehouder, decaan, mentor,
    privacy officer or intake names the school in their role assignment)."""
    return role in ROLES_WITH_SCHOOL


def runs_partnership(role: str) -> bool:
    """Whether `role` is the coördinator's, of whom a partnership keeps at least one."""
    return role == Role.COORDINATOR


# Roles that may see the personal data of pupils, and only of their own school's pupils
# (sent by it or applying to it).
PUPIL_ROLES = frozenset({Role.DECAAN, Role.MENTOR})

ROLE_HELP = {
    Role.COORDINATOR: _(
        "Runs the partnership in Doorlopend (kartrekker or project leader)."
    ),
    Role.STUURGROEP: _(
        "Board member: reads everything, approves plans and agreements."
    ),
    Role.PORTEFEUILLEHOUDER: _(
        "MT member who owns the change assignment of one school."
    ),
    Role.WERKGROEPLID: _("Works on activities and roadmap items."),
    Role.AMBASSADEUR: _("Carries the work into an education team."),
    Role.DOCENT: _("Teacher taking part in activities."),
    Role.DECAAN: _(
        "Career counsellor; may see the personal data of their own school's pupils."
    ),
    Role.MENTOR: _("Mentor; may see the personal data of their own school's pupils."),
    Role.PRIVACY_OFFICER: _(
        "Privacy officer of one school: reads and exports who saw which pupil data of that school, never the data itself."
    ),
    Role.INTAKE: _(
        "Intake staff of one mbo school: reads the doorstroomdossiers of the pupils registered there, never other pupil data."
    ),
    Role.LANDELIJK_ADVISEUR: _(
        "National adviser: sees anonymised figures, never pupil data."
    ),
}
