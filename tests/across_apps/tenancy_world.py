"""Two fully populated partnerships for the tenancy sweeps, and what the sweeps share.

`populate()` fills one partnership with one object of every kind its URLs name and a
member for each role that reaches a different set of pages. The sweeps build it twice:
partnership A (`partnership`, whose ids are the foreign ones) and partnership B
(`other_partnership`, whose members attack with their own slug). Because both are
built alike, B's pages offer the same forms as A's, so a form field can be filled with
"the same kind of object, but A's".
"""

from __future__ import annotations

import datetime
import hashlib
from dataclasses import dataclass, field

from django.core.files.base import ContentFile
from django.db import connection
from django.test import Client
from django.urls import resolve
from django_scopes import scopes_disabled

from doorlopend.api.services import token_create
from doorlopend.approvals.models import ApprovalRequest
from doorlopend.core.urlwalk import Route, all_routes
from doorlopend.covenant.tests.factories import CovenantFactory, PartyFactory
from doorlopend.documents.models import GeneratedDocument, Kind
from doorlopend.dossier.models import Handover, HandoverQuestion
from doorlopend.dossier.services import parts
from doorlopend.knowledge.models import PracticeAttachment
from doorlopend.knowledge.tests.factories import PracticeFactory
from doorlopend.partnerships.permissions import roles_with
from doorlopend.partnerships.tests.factories import (
    InvitationFactory,
    OrganisationFactory,
    RegisterEntryFactory,
)
from doorlopend.planning.models import Milestone
from doorlopend.planning.services.calendar import feed_create
from doorlopend.planning.tests.factories import (
    ActivityFactory,
    ActivityPersonFactory,
    BudgetLineFactory,
    ChangeAssignmentFactory,
    CommunicationItemFactory,
    FundingSourceFactory,
    GoalFactory,
    MeasurementFactory,
    TaskFactory,
)
from doorlopend.programme.tests.factories import (
    AssignmentPairFactory,
    ItemRatingFactory,
    ProgrammeFactory,
    ProgrammeItemFactory,
)
from doorlopend.reflection.models import Report
from doorlopend.reflection.tests.factories import (
    ActionPointFactory,
    OpenAnswerFactory,
    ReportFactory,
    SessionFactory,
)
from doorlopend.region.models import DataSet as RegionDataSet
from doorlopend.region.models import Note as RegionNote
from doorlopend.roadmaps.services import setup
from doorlopend.routes.tests.factories import ConsentFactory, LeerrouteFactory
from doorlopend.transitions.models import Signal, Transition, TransitionImport
from doorlopend.transitions.tests.factories import TransitionFactory

# The roles a sweep acts as: the coördinator reaches most pages; the school roles reach
# the pupil and privacy pages the coördinator cannot (all hold their role at `school`).
# The stuurgroep: the only role that decides on approvals (approvals:decide).
SWEEP_ROLES = ("coordinator", "decaan", "mentor", "privacy_officer", "stuurgroep")
# URL kwargs that name no object of a partnership (the same in every partnership).
NOT_IDS = frozenset({"partnership_slug", "theme_key", "instrument_key", "kind", "name"})
NOT_IDS |= {"block_key", "code", "number", "token", "uidb64"}
# DUO's register is national: any partnership may add any of its schools.
NOT_IDS |= {"entry_id"}


@dataclass
class World:
    """One populated partnership: its URL kwarg values and a logged-in client per role."""

    partnership: object
    values: dict[str, object]
    users: dict[str, object]
    extra: dict[str, int] = field(default_factory=dict)
    _clients: dict[str, Client] = field(default_factory=dict)

    def client(self, role: str) -> Client:
        if role not in self._clients:
            client = Client()
            client.force_login(self.users[role])
            self._clients[role] = client
        return self._clients[role]


def populate(partnership, member_of, tag: str) -> World:
    """Fill `partnership` with one object of each kind; names carry `tag`."""
    school = OrganisationFactory(
        partnership=partnership,
        name=f"Vestiging {tag}",
        kind="vo",
        register_entry=RegisterEntryFactory(),
    )
    users = {
        role: member_of(partnership, role, organisation=school) for role in SWEEP_ROLES
    }
    other = member_of(partnership, "docent")
    with scopes_disabled():
        coordinator = users["coordinator"].memberships.get(partnership=partnership)
    with scopes_disabled():
        role = other.memberships.get().roles.get()
    invitation = InvitationFactory(partnership=partnership)
    session = SessionFactory(partnership=partnership, title=f"Sessie {tag}")
    action = ActionPointFactory(session=session, title=f"Actiepunt {tag}")
    report = ReportFactory(session=session, status=Report.Status.DONE)
    report.file.save(f"verslag-{tag}.pdf", ContentFile(b"%PDF-1.4"))
    transition = TransitionFactory(partnership=partnership, sending_organisation=school)
    signal = Signal.objects.create(
        partnership=partnership,
        transition=transition,
        kind="no_registration",
        raised_on=transition.pupil.created_at.date(),
    )
    upload = TransitionImport.objects.create(
        partnership=partnership,
        organisation=school,
        kind="leavers",
        cohort=2026,
        original_filename=f"leerlingen-{tag}.csv",
        content_hash="0" * 64,
    )
    route = LeerrouteFactory(partnership=partnership, name=f"Leerroute {tag}")
    consent = ConsentFactory(route=route)
    note = RegionNote.objects.create(
        partnership=partnership,
        route=route,
        question=3,
        text=f"Notitie {tag}",
        source=f"Bron {tag}",
    )
    dataset = RegionDataSet.objects.create(
        partnership=partnership,
        kind="labour_market",
        source_name=f"Arbeidsmarkt {tag}",
        publisher="UWV",
        reference_date=datetime.date(2025, 6, 1),
        file_name=f"arbeidsmarkt-{tag}.xlsx",
        content_hash="0" * 64,
    )
    consent.document.save(f"besluit-{tag}.pdf", ContentFile(b"%PDF-1.4"))
    with scopes_disabled():
        party = route.parties.first()
        # The checklist has per-school blocks (its matrix page); a school's row of it
        # carries an evidence file.
        roadmap = setup.checklist_for(partnership=partnership)
        state = roadmap.states.filter(organisation=school).first()
        state.evidence_name = f"bewijs-{tag}.pdf"
        state.evidence_file.save(state.evidence_name, ContentFile(b"%PDF-1.4"))
        document = GeneratedDocument.objects.create(
            partnership=partnership,
            route=route,
            kind=Kind.PROJECTPLAN,
            status="done",
            content_text=f"Projectplan {tag}",
        )
        document.file.save(f"projectplan-{tag}.pdf", ContentFile(b"%PDF-1.4"))
        progress_report = GeneratedDocument.objects.create(
            partnership=partnership,
            kind=Kind.PROGRESS_REPORT,
            status="done",
            content_text=f"Voortgang {tag}",
        )
        approval = ApprovalRequest.objects.create(
            partnership=partnership,
            kind="projectplan",
            target_id=route.pk,
            version_id=document.pk,
            title=f"Projectplan {tag}",
            content_text=f"Projectplan {tag}",
            content_hash="0" * 64,
        )
    goal = GoalFactory(partnership=partnership, title=f"Doel {tag}")
    # A fixed morning: the factory's "a week from now" crosses midnight in the evening,
    # and the edit form then refuses its own end time.
    starts = datetime.datetime(2027, 3, 1, 9, tzinfo=datetime.UTC)
    activity = ActivityFactory(
        partnership=partnership,
        title=f"Activiteit {tag}",
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=2),
    )
    source = FundingSourceFactory(partnership=partnership, name=f"Bron {tag}")
    assignment = ChangeAssignmentFactory(partnership=partnership, organisation=school)
    with scopes_disabled():
        milestone = Milestone.objects.create(
            assignment=assignment, title=f"Mijlpaal {tag}", date="2027-01-01"
        )
    programme = ProgrammeFactory(partnership=partnership, name=f"Programma {tag}")
    programme_item = ProgrammeItemFactory(
        programme=programme, title=f"Onderdeel {tag}", activity=activity
    )
    with scopes_disabled():
        programme_item.organisations.add(school)
    ItemRatingFactory(item=programme_item, why=f"Waarom {tag}")
    pair = AssignmentPairFactory(
        programme=programme, title=f"Opdracht {tag}", vo_owner=school
    )
    # A draft practice: a published one is read by every partnership by design.
    practice = PracticeFactory(partnership=partnership, title=f"Praktijk {tag}")
    with scopes_disabled():
        attachment = PracticeAttachment(practice=practice, name=f"bijlage-{tag}.pdf")
        attachment.file.save(f"bijlage-{tag}.pdf", ContentFile(b"%PDF-1.4"))
    values = {
        "partnership_slug": partnership.slug,
        "practice_id": practice.pk,
        "attachment_id": attachment.pk,
        "programme_id": programme.pk,
        "programme_item_id": programme_item.pk,
        "pair_id": pair.pk,
        "goal_id": goal.pk,
        "measurement_id": MeasurementFactory(goal=goal).pk,
        "activity_id": activity.pk,
        "person_id": ActivityPersonFactory(activity=activity).pk,
        "source_id": source.pk,
        "line_id": BudgetLineFactory(source=source).pk,
        "task_id": TaskFactory(
            partnership=partnership, title=f"Taak {tag}", owner=coordinator
        ).pk,
        "item_id": CommunicationItemFactory(
            partnership=partnership, message=f"Bericht {tag}", owner=coordinator
        ).pk,
        "milestone_id": milestone.pk,
        "organisation_id": school.pk,
        "entry_id": school.register_entry_id,
        "role_id": role.pk,
        "invitation_id": invitation.pk,
        "session_id": session.pk,
        "action_id": action.pk,
        "answer_id": OpenAnswerFactory(
            participant__session=session, text=f"Open antwoord {tag}"
        ).pk,
        "report_id": report.pk,
        "theme_key": "relatie",
        "instrument_key": "reflectietool",
        "number": 1,
        "school_id": school.pk,
        "pupil_id": transition.pupil_id,
        "transition_id": transition.pk,
        "question_id": _handover_question(partnership, transition, school, tag),
        "signal_id": signal.pk,
        "import_id": upload.pk,
        "name": "funnel",
        "route_id": route.pk,
        "party_id": party.pk,
        "covenant_party_id": PartyFactory(
            covenant=CovenantFactory(partnership=partnership, title=f"Convenant {tag}"),
            organisation=school,
        ).pk,
        "consent_id": consent.pk,
        "note_id": note.pk,
        "dataset_id": dataset.pk,
        "roadmap_id": roadmap.pk,
        "state_id": state.pk,
        "block_key": "veranderopdracht-mt",
        "document_id": document.pk,
        "kind": "projectplan",
        "approval_id": approval.pk,
        "target_id": route.pk,
        # The API names the partnership by its slug (a key, not a session, gets in).
        "slug": partnership.slug,
    }
    with scopes_disabled():
        feed, _token = feed_create(membership=coordinator)
        values["token_id"] = token_create(
            by=coordinator,
            name=f"Sleutel {tag}",
            scopes=["progress:read"],
            expires_on=datetime.date.today() + datetime.timedelta(days=30),
        )[0].pk
    extra = {
        "progress_report_id": progress_report.pk,
        "feed_id": feed.pk,
    }
    return World(partnership=partnership, values=values, users=users, extra=extra)


def _handover_question(partnership, transition, school, tag: str) -> int:
    """The transition's dossier handed to `school` as its receiving school too (an
    active registration, part A approved), with a question of the school (dossier app)."""
    with scopes_disabled():
        Transition.objects.filter(pk=transition.pk).update(
            receiving_organisation=school, status="aangemeld"
        )
        dossier = parts.dossier_get_or_create(transition=transition)
        parts.part_a_field_save(dossier=dossier, field="choice", text=f"Keuze {tag}")
        parts.approval_record(
            dossier=dossier, part="a", version=1, decision="approved", who="pupil"
        )
        handover = Handover.objects.create(
            partnership=partnership, dossier=dossier, receiving_organisation=school
        )
        return HandoverQuestion.objects.create(
            partnership=partnership, handover=handover, question=f"Vraag {tag}"
        ).pk


def partnership_routes() -> list[Route]:
    """Every URL pattern under /p/, from the resolver."""
    return [r for r in all_routes() if r.in_partnership]


def permission_of(route: Route, values: dict) -> str | None:
    """The permission `partnership_view` checks for this route (None: not guarded)."""
    return getattr(resolve(route.fill(values)).func, "permission", None)


def reaching_roles(perm: str) -> list[str]:
    """The sweep roles that hold `perm`: the coördinator if it does, else the school
    roles that do (a decaan and a mentor reach the pupil pages, a privacy officer the log)."""
    holders = roles_with(perm)
    if "coordinator" in holders:
        return ["coordinator"]
    return [role for role in SWEEP_ROLES if role in holders]


def id_kwargs(route: Route) -> list[str]:
    return [kw for kw in route.kwargs if kw not in NOT_IDS]


# Tables whose rows record visits, not data: a refused write may still log in or read.
_NOT_DATA = ("django_session", "axes_", "audit_")


def fingerprint() -> str:
    """A hash of every data row in the database: equal before and after means nothing
    was written (one query per table; the sweep's database is small)."""
    digest = hashlib.sha256()
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.table_names(cursor)):
            if table.startswith(_NOT_DATA):
                continue
            cursor.execute(f'SELECT * FROM "{table}"')  # noqa: S608 (table names from the schema)
            rows = sorted(repr(row) for row in cursor.fetchall())
            digest.update(table.encode())
            digest.update("\n".join(rows).encode())
    return digest.hexdigest()
