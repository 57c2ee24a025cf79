"""The demo's one school plan: the vmbo school of the demo portefeuillehouder keeps its
own vision on LOB, in two versions so its history shows a change, and the weakest element
of its newest LOB-scan became an action point of its plan.

Idempotent: a school that has a vision version keeps it; the scan makes one action point
per element.
"""

from __future__ import annotations

from doorlopend.core.demo import DemoContext
from doorlopend.partnerships.models import RoleAssignment
from doorlopend.partnerships.roles import Role
from doorlopend.partnerships.selectors import membership_of
from doorlopend.reflection.choices import State
from doorlopend.reflection.models import Session
from doorlopend.reflection.selectors.scans import scan_summary
from doorlopend.reflection.services.scans import scan_action_point

from ..models import VisionVersion
from ..services import vision as vision_services

VISION = (
    "LOB is bij ons geen los vak maar de rode draad van de mentorles: elke leerling "
    "ontdekt wat hij wil en kan, en praat daarover met zijn mentor en ouders.\n"
    "Met het mbo in de regio zorgen we dat een leerling in leerjaar 3 en 4 het "
    "vervolgonderwijs zelf heeft ervaren voordat hij kiest."
)
AMBITION_FIRST = "In 2028 voert elke leerling in leerjaar 3 twee loopbaangesprekken."
AMBITION = (
    AMBITION_FIRST + "\nIn 2028 heeft elke leerling in leerjaar 4 een meeloopdag op "
    "het mbo gehad en een eindopdracht gemaakt die hij meeneemt naar zijn intake."
)


def load_demo(context: DemoContext) -> None:
    partnership = context.partnership
    user = context.people.get(Role.PORTEFEUILLEHOUDER)
    if partnership is None or user is None:
        return
    by = membership_of(partnership=partnership, user=user)
    lead = (
        RoleAssignment.objects.filter(
            membership=by, role=Role.PORTEFEUILLEHOUDER, organisation__isnull=False
        )
        .select_related("organisation")
        .first()
    )
    if by is None or lead is None:
        return
    school = lead.organisation
    _scan_point(school, by)
    if VisionVersion.objects.filter(partnership=partnership, school=school).exists():
        return
    for ambition in (AMBITION_FIRST, AMBITION):
        vision_services.vision_save(
            partnership=partnership,
            school=school,
            definition="",
            vision=VISION,
            ambition=ambition,
            by=by,
        )
    context.count("school_vision_versions", 2)


def _scan_point(school, by) -> None:
    scan = (
        Session.objects.filter(
            partnership=school.partnership_id, organisation=school, state=State.CLOSED
        )
        .order_by("-date", "-pk")
        .first()
    )
    if scan is None:
        return
    weak = scan_summary(scan).weak
    if weak:
        scan_action_point(session=scan, element_key=weak[0].key, by=by)
