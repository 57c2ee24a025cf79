"""A real object of a demo partnership for each URL kwarg: one place for every tool that
walks all pages (the page-fit browser test, `bench/pages.py`).

`values_for(partnership)` finds each object in the partnership's data (`load_demo` or
`load_demo --large`) and makes the few that a demo does not hold (an invitation, a report,
a document, a waiting import). A kwarg whose object the data lacks is left out, so the
caller can say which pages it could not reach: a new page with a new kwarg must be taught
here, not skipped in silence.
"""

from __future__ import annotations

from collections.abc import Callable

from django.core.files.base import ContentFile
from django.db.models import Count
from django_scopes import scopes_disabled

from doorlopend.api.models import ApiToken
from doorlopend.approvals.models import ApprovalRequest
from doorlopend.covenant.models import CovenantParty
from doorlopend.documents.models import GeneratedDocument, Kind
from doorlopend.dossier.models import Dossier, Handover
from doorlopend.dossier.services.links import link_create
from doorlopend.knowledge.models import Practice, PracticeAttachment
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
from doorlopend.programme.models import AssignmentPair, ProgrammeItem
from doorlopend.reflection.models import ActionPoint, OpenAnswer, Report, Session
from doorlopend.region.models import DataSet, Note
from doorlopend.registry.models import ImportJob
from doorlopend.roadmaps.models import Roadmap
from doorlopend.routes.models import Consent, Leerroute
from doorlopend.transitions import access
from doorlopend.transitions.models import Signal, Transition, TransitionImport

# Values that name no object: a key of an instrument, a chart, a kind of document.
CONSTANTS = {
    "theme_key": "relatie",
    "block_key": "veranderopdracht-mt",
    "kind": "projectplan",
    "name": "funnel",
    "number": 1,
}


# Routes no walk fills, each with the reason: a one-time token from a mail or a link, or
# not a page at all. Their pages are tried by their own tests.
NOT_FILLED = {
    "accounts:password_reset_confirm": "a token from the reset mail (accounts tests)",
    "accounts:unsubscribe": "a signed token from a mail (browser test of the profile)",
    "invitations:accept": "the token of an invitation mail (browser partnership flow)",
    "planning_feed:feed": "a calendar feed's token; answers iCalendar, not a page",
    "partnerships:register_add": "a POST that adds a register entry, not a page",
    # The JSON API: a key in the Authorization header, no session; answers JSON, not
    # pages (doorlopend/api tests, and schemathesis in .ci/run).
    "api:leavers_send": "an API operation",
    "api:statuses_send": "an API operation",
    "api:signals_list": "an API operation",
    "api:figures_get": "an API operation",
    "api:progress_get": "an API operation",
    "api:reflection_sessions": "an API operation",
    "api:reflection_results": "an API operation",
}


def _placeholder_document(route: Leerroute) -> GeneratedDocument:
    """A made projectplan without rendering one (its pages show status and a download)."""
    document = GeneratedDocument.objects.create(
        partnership=route.partnership,
        route=route,
        kind=Kind.PROJECTPLAN,
        status="done",
        content_text="Projectplan",
    )
    document.file.save("projectplan.pdf", ContentFile(b"%PDF-1.4"))
    return document


def _pk(obj) -> int | None:
    return obj.pk if obj is not None else None


def values_for(
    partnership: Partnership,
    *,
    make_document: Callable[[Leerroute], GeneratedDocument] = _placeholder_document,
) -> dict:
    """Each URL kwarg's value in `partnership`; kwargs whose object is missing are left
    out. `make_document` makes a route document when the data holds none."""
    with scopes_disabled():
        values: dict = {"partnership_slug": partnership.slug, **CONSTANTS}
        of = {"partnership": partnership}
        organisation = Organisation.objects.filter(**of).order_by("-name").first()
        values["entry_id"] = organisation.register_entry_id if organisation else None
        role = (
            RoleAssignment.objects.filter(membership__partnership=partnership)
            .exclude(role="coordinator")
            .first()
        )
        values["role_id"] = _pk(role)
        invitation, _ = Invitation.objects.get_or_create(
            partnership=partnership,
            email="uitgenodigd@example.org",
            role="docent",
            defaults={
                "token_hash": Invitation.new_token()[1],
                "expires_at": "2099-01-01T00:00Z",
            },
        )
        values["invitation_id"] = invitation.pk
        values["token_id"] = _pk(ApiToken.objects.filter(**of).first())

        # Reflection: the session with the most participants, and the open one to join.
        session = (
            Session.objects.filter(**of)
            .annotate(n=Count("participants"))
            .order_by("-n", "pk")
            .first()
        )
        if session is not None:
            values["session_id"] = session.pk
            values["instrument_key"] = session.instrument.key
            values["report_id"] = Report.objects.get_or_create(session=session)[0].pk
        values["action_id"] = _pk(ActionPoint.objects.filter(**of).first())
        values["answer_id"] = _pk(
            OpenAnswer.objects.filter(participant__session__partnership=partnership)
            .order_by("pk")
            .first()
        )
        open_session = Session.objects.filter(**of, state="open").first()
        values["code"] = open_session.join_code if open_session else None

        # Routes, their parties, consents, step plans and documents.
        route = Leerroute.objects.filter(**of).order_by("pk").first()
        if route is not None:
            values["route_id"] = route.pk
            values["party_id"] = _pk(route.parties.first())
            values["consent_id"] = _pk(Consent.objects.filter(route=route).first())
            values["note_id"] = _pk(Note.objects.filter(route=route).first())
            document = GeneratedDocument.objects.filter(route=route).first()
            values["document_id"] = (document or make_document(route)).pk
            values["target_id"] = route.pk
        # Region data: the newest data set (its deletion's confirmation page).
        values["dataset_id"] = _pk(DataSet.objects.filter(**of).first())
        # Stuurgroep approval: the waiting request when there is one.
        approval = ApprovalRequest.objects.filter(**of).order_by("status", "pk").first()
        values["approval_id"] = _pk(approval)
        checklist = Roadmap.objects.filter(**of, route=None).first()
        if checklist is not None:
            values["roadmap_id"] = checklist.pk
            values["state_id"] = _pk(
                checklist.states.filter(organisation__isnull=False).first()
            )

        # The plan van aanpak.
        assignment = (
            ChangeAssignment.objects.filter(**of, milestones__isnull=False)
            .order_by("pk")
            .first()
        )
        if assignment is not None:
            values["organisation_id"] = assignment.organisation_id
            values["milestone_id"] = assignment.milestones.first().pk
        elif organisation is not None:
            values["organisation_id"] = organisation.pk
        goal = Goal.objects.filter(**of, measurements__isnull=False).first()
        if goal is not None:
            values["goal_id"] = goal.pk
            values["measurement_id"] = goal.measurements.first().pk
        activity = Activity.objects.filter(**of, people__isnull=False).first()
        if activity is not None:
            values["activity_id"] = activity.pk
            values["person_id"] = activity.people.first().pk
        line = BudgetLine.objects.filter(source__partnership=partnership).first()
        if line is not None:
            values["source_id"] = line.source_id
            values["line_id"] = line.pk
        values["task_id"] = _pk(Task.objects.filter(**of).first())
        values["item_id"] = _pk(CommunicationItem.objects.filter(**of).first())

        # The regional covenant's first party.
        values["covenant_party_id"] = _pk(
            CovenantParty.objects.filter(covenant__partnership=partnership).first()
        )

        # The LOB programme.
        item = ProgrammeItem.objects.filter(programme__partnership=partnership).first()
        if item is not None:
            values["programme_id"] = item.programme_id
            values["programme_item_id"] = item.pk
            pair = AssignmentPair.objects.filter(programme=item.programme).first()
            values["pair_id"] = _pk(pair)

        # Good practices: the public one (its public page too), with a file.
        practice = Practice.objects.filter(**of).order_by("-is_public", "pk").first()
        if practice is not None:
            values["practice_id"] = practice.pk
            attachment = PracticeAttachment.objects.filter(practice=practice).first()
            if attachment is None:
                attachment = PracticeAttachment(practice=practice, name="werkwijze.pdf")
                attachment.file.save("werkwijze.pdf", ContentFile(b"%PDF-1.4"))
            values["attachment_id"] = attachment.pk

        # A waiting import of the first decaan's school.
        decaan = (
            RoleAssignment.objects.filter(
                membership__partnership=partnership, role="decaan"
            )
            .order_by("pk")
            .first()
        )
        if decaan is not None:
            upload, _ = TransitionImport.objects.get_or_create(
                partnership=partnership,
                organisation=decaan.organisation,
                kind="leavers",
                cohort=2026,
                original_filename="leerlingen-vertrek-2026-definitief.csv",
                defaults={"content_hash": "0" * 64},
            )
            values["import_id"] = upload.pk
        # A pupil's personal link to a demo doorstroomdossier (the one with part C): a
        # new link each time, as the decaan makes one (its token is shown only once).
        dossier = Dossier.objects.filter(**of).order_by("-support_needed", "pk").first()
        if dossier is not None:
            values["token"] = link_create(dossier=dossier, by=None)[1]
        # A register file as the staff uploaded it (national, of no partnership).
        job, _ = ImportJob.objects.get_or_create(
            original_filename="vo-scholen-brin.csv",
            defaults={"data": b"", "content_hash": "0" * 64},
        )
        values["job_id"] = job.pk
    return {key: value for key, value in values.items() if value is not None}


def school_values(user, partnership: Partnership) -> dict:
    """The school a school role acts for, with a pupil and a signal it may see."""
    with scopes_disabled():
        role = (
            RoleAssignment.objects.filter(
                membership__user=user,
                membership__partnership=partnership,
                organisation__isnull=False,
            )
            .select_related("organisation")
            .first()
        )
        if role is None:
            return {}
        school = role.organisation
        values = {"school_id": school.pk}
        transition = access.visible_transitions(school).first()
        if transition is not None:
            values["pupil_id"] = transition.pupil_id
        # A leaver the school sent, with a doorstroomdossier where the demo holds one.
        sent = Transition.objects.filter(sending_organisation=school).order_by("pk")
        leaver = sent.filter(dossier__isnull=False).first() or sent.first()
        if leaver is not None:
            values["transition_id"] = leaver.pk
        signal = Signal.objects.filter(
            transition__in=access.visible_transitions(school)
        ).first()
        if signal is not None:
            values["signal_id"] = signal.pk
        # A receiving school's pages of the dossier: a pupil whose dossier it was handed.
        handover = (
            Handover.objects.filter(receiving_organisation=school)
            .select_related("dossier")
            .first()
        )
        if handover is not None:
            values["transition_id"] = handover.dossier.transition_id
            question = handover.questions.first()
            if question is not None:
                values["question_id"] = question.pk
    return values


def unreachable(routes, values_per_user: list[dict], skipped=()) -> list[str]:
    """The routes no user's values can fill, with the kwargs missing ("name: a, b"),
    apart from those in `skipped` and NOT_FILLED."""
    skipped = {*skipped, *NOT_FILLED}
    known = set().union(*values_per_user) if values_per_user else set()
    return [
        f"{route.name}: {', '.join(sorted(set(route.kwargs) - known))}"
        for route in routes
        if route.name not in skipped and not set(route.kwargs) <= known
    ]
