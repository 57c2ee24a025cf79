"""Every page of the demo, per role: found from the URL patterns, not from a list.

`discover()` fills each route's kwargs with objects of the demo partnership (as
`bench/pages.py` does), requests it in-process as each demo user in turn and keeps the
pages that answer 200 with a whole HTML page. A page is visited once, as the first role
that reaches it, and again as another role only when that role is shown markup the
earlier ones were not (e.g. a decaan of an mbo school sees other columns of the pupil
list): hiding a button never makes a page wider, showing one can.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.db.models import Count
from django.test import Client
from django_scopes import scopes_disabled

from doorlopend.accounts.models import User
from doorlopend.core.urlwalk import all_routes
from doorlopend.documents.models import GeneratedDocument, Kind
from doorlopend.partnerships.models import (
    Invitation,
    Organisation,
    Partnership,
    RoleAssignment,
)
from doorlopend.planning.models import (
    Activity,
    BudgetLine,
    ChangeAssignment,
    CommunicationItem,
    Goal,
    Task,
)
from doorlopend.reflection.models import ActionPoint, Report, Session
from doorlopend.roadmaps.models import Roadmap
from doorlopend.routes.models import Consent, Leerroute
from doorlopend.transitions import access
from doorlopend.transitions.models import Signal, TransitionImport

SLUG = "rivierenland"
# Realistic long Dutch names: they must wrap between words, never inside one.
LONG_PARTNERSHIP = "Samenwerkingsverband Voortgezet Onderwijs Rivierenland en Betuwe"
LONG_SCHOOL = (
    "Openbare Scholengemeenschap voor Praktijkonderwijs en Vmbo De Betuwse Waard"
)
# A visitor who joined the open reflection session on their phone (no account).
PARTICIPANT = "participant"
# The users a page is tried as, in this order; None is a visitor who is not logged in.
USERS = (
    "coordinator@example.org",
    "decaan@example.org",
    "decaan-mbo@example.org",
    "mentor@example.org",
    "privacy-officer@example.org",
    "portefeuillehouder@example.org",
    "stuurgroep@example.org",
    "werkgroeplid@example.org",
    "ambassadeur@example.org",
    "docent@example.org",
    "landelijk-adviseur@example.org",
    "beheer@example.org",
    None,
    PARTICIPANT,
)
# Not pages: they act on GET (log out, switch language) or answer in another format.
SKIPPED = {"accounts:logout", "set_language", "core:health"}
_TAG = re.compile(r"<([a-z][a-z0-9]*)\b([^>]*)>", re.IGNORECASE)
_CLASS = re.compile(r'\bclass="([^"]*)"')


@dataclass(frozen=True)
class Page:
    name: str  # the route's name, e.g. "planning:budget"
    url: str
    user: str | None  # the e-mail address of the user who visits it

    @property
    def label(self) -> str:
        who = (self.user or "visitor").split("@")[0]
        return f"{self.name.replace(':', '-')}--{who}"


def lengthen_names() -> None:
    """Give the demo partnership and one of its schools long, real-looking names."""
    with scopes_disabled():
        Partnership.objects.filter(slug=SLUG).update(name=LONG_PARTNERSHIP)
        school = (
            Organisation.objects.filter(partnership__slug=SLUG, kind="vo")
            .order_by("name")
            .last()
        )
        school.name = LONG_SCHOOL
        school.save(update_fields=["name"])


def values_for(partnership: Partnership) -> dict:
    """A real object of the demo for each URL kwarg that names no school."""
    with scopes_disabled():
        organisation = (
            Organisation.objects.filter(partnership=partnership)
            .order_by("-name")
            .first()
        )
        role = (
            RoleAssignment.objects.filter(membership__partnership=partnership)
            .exclude(role="coordinator")
            .first()
        )
        invitation = Invitation.objects.create(
            partnership=partnership,
            email="uitgenodigd@example.org",
            role="docent",
            token_hash=Invitation.new_token()[1],
            expires_at="2099-01-01T00:00Z",
        )
        session = (
            Session.objects.filter(partnership=partnership)
            .annotate(n=Count("participants"))
            .order_by("-n")
            .first()
        )
        report, _ = Report.objects.get_or_create(session=session)
        route = Leerroute.objects.filter(partnership=partnership).order_by("pk").first()
        checklist = Roadmap.objects.filter(partnership=partnership, route=None).first()
        document = GeneratedDocument.objects.create(
            partnership=partnership,
            route=route,
            kind=Kind.PROJECTPLAN,
            status="done",
            content_text="Projectplan",
        )
        document.file.save("projectplan.pdf", ContentFile(b"%PDF-1.4"))
        assignment = ChangeAssignment.objects.filter(partnership=partnership).first()
        goal = Goal.objects.filter(partnership=partnership).first()
        activity = (
            Activity.objects.filter(partnership=partnership, people__isnull=False)
            .distinct()
            .first()
        )
        line = BudgetLine.objects.filter(source__partnership=partnership).first()
        decaan_school = RoleAssignment.objects.get(
            membership__partnership=partnership,
            membership__user__email=USERS[1],
        ).organisation
        upload = TransitionImport.objects.create(
            partnership=partnership,
            organisation=decaan_school,
            kind="leavers",
            cohort=2026,
            original_filename="leerlingen-vertrek-2026-definitief.csv",
            content_hash="0" * 64,
        )
        return {
            "partnership_slug": partnership.slug,
            "organisation_id": assignment.organisation_id,
            "entry_id": organisation.register_entry_id,
            "role_id": role.pk,
            "invitation_id": invitation.pk,
            "session_id": session.pk,
            "report_id": report.pk,
            "action_id": ActionPoint.objects.filter(partnership=partnership).first().pk,
            "theme_key": "relatie",
            "instrument_key": session.instrument.key,
            "name": "funnel",
            "route_id": route.pk,
            "party_id": route.parties.first().pk,
            "consent_id": Consent.objects.filter(route=route).first().pk,
            "roadmap_id": checklist.pk,
            "state_id": checklist.states.filter(organisation__isnull=False).first().pk,
            "block_key": "veranderopdracht-mt",
            "document_id": document.pk,
            "kind": "projectplan",
            "goal_id": goal.pk,
            "measurement_id": goal.measurements.first().pk,
            "activity_id": activity.pk,
            "person_id": activity.people.first().pk,
            "source_id": line.source_id,
            "line_id": line.pk,
            "task_id": Task.objects.filter(partnership=partnership).first().pk,
            "item_id": CommunicationItem.objects.filter(partnership=partnership)
            .first()
            .pk,
            "milestone_id": assignment.milestones.first().pk,
            "import_id": upload.pk,
            "code": Session.objects.get(
                partnership=partnership, state="open"
            ).join_code,
            "number": 1,
        }


def school_values(user: User, partnership: Partnership) -> dict:
    """The school a school role acts for, with a pupil and a signal it may see."""
    with scopes_disabled():
        role = RoleAssignment.objects.filter(
            membership__user=user,
            membership__partnership=partnership,
            organisation__isnull=False,
        ).first()
        if role is None:
            return {}
        school = role.organisation
        values = {"school_id": school.pk}
        transition = access.visible_transitions(school).first()
        if transition is not None:
            values["pupil_id"] = transition.pupil_id
        signal = Signal.objects.filter(
            transition__in=access.visible_transitions(school)
        ).first()
        if signal is not None:
            values["signal_id"] = signal.pk
    return values


def _markup(html: str) -> set[str]:
    """The kinds of element in a page's <main>: tag and classes, no text or ids."""
    main = html.split("<main", 1)[-1]
    return {
        tag.lower() + "." + ".".join(sorted(m.group(1).split()))
        if (m := _CLASS.search(attrs))
        else tag.lower()
        for tag, attrs in _TAG.findall(main)
    }


def _is_page(response) -> bool:
    return (
        response.status_code == 200
        and response["Content-Type"].startswith("text/html")
        and b"<html" in response.content[:400]
    )


def discover() -> tuple[list[Page], dict[str | None, Client]]:
    """The pages to visit, in URL order, each with the user who visits it; and a logged-in
    client per user, whose cookies a browser can take over."""
    with scopes_disabled():
        partnership = Partnership.objects.get(slug=SLUG)
    common = values_for(partnership)
    clients: dict[str | None, tuple[Client, dict]] = {}
    for email in USERS:
        client = Client()
        values = dict(common)
        if email == PARTICIPANT:
            join = f"/doe-mee/{values['code']}/"
            client.post(join, {"sector": "mbo", "layer": "uitvoering"})
        elif email is not None:
            user = User.objects.get(email=email)
            client.force_login(user)
            values |= school_values(user, partnership)
        clients[email] = (client, values)
    pages = []
    for route in all_routes():
        if route.name in SKIPPED:
            continue
        seen: set[str] = set()
        for email, (client, values) in clients.items():
            if any(kwarg not in values for kwarg in route.kwargs):
                continue
            if email in (None, PARTICIPANT) and route.in_partnership:
                continue  # asks to log in
            url = route.fill(values)
            response = client.get(url)
            if not _is_page(response):
                continue
            markup = _markup(response.content.decode())
            if not markup - seen:
                continue
            seen |= markup
            pages.append(Page(route.name, url, email))
    return pages, {email: client for email, (client, _values) in clients.items()}
