"""The projectplan of a leerroute (seed 002's first deliverable), as a PDF.

Everything comes from the app: the partnership and who steers it, the route as recorded,
the parties and their contributions, its aims, the region analysis (with its sources and
dates), the draagvlak survey's result per kind of party (k-rule), the design, the step
plan with each step's state, owner and due date, the plan's budget, the deliverables, the
councils' consent and the communication. It is built as a
`core.document_content.DocumentContent` first, so the PDF and the text the hash is over are one thing.
"""

from __future__ import annotations

from collections.abc import Callable

from django.template.loader import render_to_string
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from doorlopend.core.document_content import (
    EMPTY,
    TEMPLATE,
    DocumentContent,
    Facts,
    Section,
    Table,
    Text,
)
from doorlopend.core.pdf import pdf_render
from doorlopend.partnerships.models import RoleAssignment
from doorlopend.partnerships.naming import partnership_phrase
from doorlopend.partnerships.roles import Role
from doorlopend.region.document import analysis_section
from doorlopend.roadmaps.models import Roadmap, Status
from doorlopend.roadmaps.selectors import BlockRow, roadmap_blocks
from doorlopend.roadmaps.services.setup import step_plan_for
from doorlopend.routes.models import Leerroute

from .projectplan_parts import budget_section, draagvlak_section, parties_section


def _date(value) -> str:
    return formats.date_format(value, "j F Y") if value else EMPTY


def _school(org) -> list[str]:
    entry = org.register_entry
    return [
        org.name,
        entry.brin if entry else EMPTY,
        (entry.vestiging if entry else "") or EMPTY,
        org.place or (entry.place if entry else "") or EMPTY,
    ]


def _people(route: Leerroute) -> Facts:
    """The stuurgroep and the projectleider: members holding those roles, by name."""
    roles = (
        RoleAssignment.objects.filter(
            membership__partnership=route.partnership,
            role__in=[Role.STUURGROEP, Role.COORDINATOR],
        )
        .select_related("membership__user", "organisation")
        .order_by("membership__user__name", "membership__user__email", "pk")
    )
    names: dict[str, list[str]] = {Role.STUURGROEP: [], Role.COORDINATOR: []}
    for r in roles:
        name = str(r.membership.user)
        if r.organisation_id:
            name = f"{name} ({r.organisation.name})"
        if name not in names[r.role]:
            names[r.role].append(name)
    return Facts(
        [
            (_("Stuurgroep"), ", ".join(names[Role.STUURGROEP])),
            (_("Projectleider"), ", ".join(names[Role.COORDINATOR])),
        ]
    )


def _route_facts(route: Leerroute) -> Facts:
    return Facts(
        [
            (_("vmbo leerweg"), route.get_leerweg_display()),
            (_("vmbo profile"), route.get_profile_display()),
            (
                _("mbo qualification"),
                f"{route.qualification} (crebo {route.crebo})",
            ),
            (_("BOL or BBL"), route.get_mbo_leerweg_display()),
            (_("First school year"), route.school_year),
            (_("Start date"), _date(route.start_date)),
            (
                _("Duration"),
                _("%(years)s years") % {"years": route.duration_years},
            ),
        ]
    )


def _state_cells(row) -> tuple[str, str, str, str]:
    """Status, owner, due date and notes of one step (per school where it has several)."""
    states = row.states
    if not states:
        return EMPTY, EMPTY, EMPTY, ""

    def one(state, prefix=""):
        notes = state.notes
        if state.status == Status.NOT_APPLICABLE and state.not_applicable_reason:
            notes = "\n".join(
                filter(None, [_("Why: %s") % state.not_applicable_reason, notes])
            )
        return (
            prefix + str(state.get_status_display()),
            str(state.owner.user) if state.owner_id else EMPTY,
            _date(state.due_date),
            notes,
        )

    if len(states) == 1:
        return one(states[0])
    cells = [one(s, f"{s.organisation.name}: ") for s in states]
    return tuple("\n".join(c[i] for c in cells) for i in range(4))


def _step_tables(blocks: list[BlockRow]) -> list[Table]:
    headers = [_("Step"), _("Status"), _("Owner"), _("Due date"), _("Notes")]
    return [
        Table(
            headers=headers,
            rows=[[row.item.title, *_state_cells(row)] for row in block.items],
            caption=block.block.title,
            css="steps",
        )
        for block in blocks
    ]


def deliverable_status(states: list) -> str:
    """A deliverable is done when every applicable step producing it is done."""
    applicable = [s.status for s in states if s.status != Status.NOT_APPLICABLE]
    if not applicable:
        return Status.NOT_APPLICABLE if states else Status.NOT_STARTED
    if all(s == Status.DONE for s in applicable):
        return Status.DONE
    if any(s in (Status.DONE, Status.IN_PROGRESS) for s in applicable):
        return Status.IN_PROGRESS
    return Status.NOT_STARTED


def _deliverables(definition, blocks: list[BlockRow]) -> Table:
    rows = []
    for deliverable in definition.deliverables:
        producing = [
            row
            for block in blocks
            for row in block.items
            if deliverable.key in row.item.deliverables
        ]
        status = deliverable_status([s for row in producing for s in row.states])
        steps = ", ".join(row.item.title for row in producing)
        rows.append([deliverable.title, str(Status(status).label), steps or EMPTY])
    return Table([_("Deliverable"), _("Status"), _("Made in step")], rows)


def projectplan_content(route: Leerroute) -> DocumentContent:
    """The projectplan's content, read from the app (a fixed number of queries)."""
    partnership = route.partnership
    vmbo = list(route.vmbo_locations.select_related("register_entry"))
    mbo = route.mbo_location
    try:
        roadmap = route.step_plan
    except Roadmap.DoesNotExist:  # a route made before step plans: give it one now
        roadmap = step_plan_for(route=route)
    blocks = roadmap_blocks(roadmap)
    consents = route.consents.select_related("organisation").order_by(
        "organisation__name", "date", "pk"
    )
    school_headers = [_("School"), _("BRIN"), _("Location number"), _("Place")]
    no_text = _("Not filled in yet.")
    sections = [
        Section(
            _("Partnership"),
            [
                # The heading says "Partnership": the name is its name.
                Facts([(_("Name"), partnership.name)]),
                Text(partnership.description),
                _people(route),
            ],
        ),
        Section(
            _("The route"),
            [
                Table(school_headers, [_school(o) for o in vmbo], _("vmbo")),
                Table(school_headers, [_school(mbo)], _("mbo")),
                _route_facts(route),
            ],
        ),
        parties_section(route),
        Section(_("Aims"), [Text(route.aims, no_text)]),
        analysis_section(route),
        draagvlak_section(route),
        Section(
            _("Design"),
            [
                Text(route.design, no_text),
                Text(route.overstapoptie, no_text, _("Overstapoptie")),
                Text(route.examination, no_text, _("Examination agreements")),
            ],
        ),
        Section(_("Step plan and planning"), _step_tables(blocks)),
        budget_section(route),
        Section(_("Deliverables"), [_deliverables(roadmap.definition, blocks)]),
        Section(
            _("Consent of the participation councils"),
            [
                Table(
                    [_("Organisation"), _("Council"), _("Date"), _("Outcome")],
                    [
                        [
                            c.organisation.name,
                            str(c.get_body_display()),
                            _date(c.date),
                            str(c.get_outcome_display()),
                        ]
                        for c in consents
                    ],
                    empty=_("No consent recorded yet."),
                )
            ],
        ),
        Section(_("Communication"), [Text(route.communication, no_text)]),
    ]
    return DocumentContent(
        title=route.name,
        subtitle=_("Projectplan doorlopende leerroute vmbo-mbo"),
        facts=Facts(
            [
                (_("Drawn up by"), partnership_phrase(partnership.name)),
                (
                    _("From"),
                    ", ".join(o.name for o in vmbo) or EMPTY,
                ),
                (_("To"), mbo.name),
            ]
        ),
        sections=sections,
    )


def build(
    route: Leerroute, *, progress: Callable[[int], None] | None = None
) -> tuple[bytes, str]:
    """The projectplan as PDF bytes and its content as text."""
    progress = progress or (lambda percent: None)
    content = projectplan_content(route)
    progress(30)
    html = render_to_string(
        TEMPLATE, {"doc": content, "route": route, "made_at": timezone.localtime()}
    )
    progress(50)
    pdf = pdf_render(html, title=f"{content.subtitle} · {content.title}")
    progress(90)
    return pdf, content.text()
