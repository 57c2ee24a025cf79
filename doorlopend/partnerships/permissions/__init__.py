"""Which role may do what: the one table of permission names.

A permission is "<area>.<action>". Each names the roles that hold it; a person holding
several roles in a partnership holds the union. Modules add their rows here. Where a
permission also depends on the object (the owner, the school of a row), `rules.py` in
this package narrows it with django-rules predicates; every check, role-only or about an
object, goes through `Membership.has_perm(perm, obj=None)`.
"""

from ..roles import PUPIL_ROLES, Role

ALL_ROLES = frozenset(Role)
STAFF_ROLES = ALL_ROLES - {Role.LANDELIJK_ADVISEUR}

PERMISSIONS: dict[str, frozenset[Role]] = {
    # The partnership's overview page.
    "partnership.view": ALL_ROLES,
    # Its settings: name, description, the region of its school holidays.
    "partnership.manage": frozenset({Role.COORDINATOR}),
    # Organisations (schools, municipality, employers) of the partnership.
    "organisations.view": ALL_ROLES,
    "organisations.manage": frozenset({Role.COORDINATOR}),
    # People, their roles, and invitations.
    "members.view": STAFF_ROLES,
    "members.manage": frozenset({Role.COORDINATOR}),
    # Reflection sessions: every member reads results (always anonymous, k ≥ 3);
    # the coördinator and werkgroepleden run sessions, notes and action points.
    "reflection.view": STAFF_ROLES,
    "reflection.manage": frozenset({Role.COORDINATOR, Role.WERKGROEPLID}),
    # Running a session on the facilitator page: the partnership's sessions for those
    # who manage them, a school's own LOB-scan for that school's decaan and
    # portefeuillehouder only (rules.py). A school's scan is read by them and the
    # coördinator (reflection.view's object rule); the stuurgroep and every school's
    # people read the partnership's overview, with the other schools as "school A, B".
    "reflection.facilitate": frozenset(
        {
            Role.COORDINATOR,
            Role.WERKGROEPLID,
            Role.DECAAN,
            Role.PORTEFEUILLEHOUDER,
        }
    ),
    "reflection.run_school_scan": frozenset({Role.DECAAN, Role.PORTEFEUILLEHOUDER}),
    "reflection.view_school_scan": frozenset(
        {Role.COORDINATOR, Role.DECAAN, Role.PORTEFEUILLEHOUDER}
    ),
    "reflection.scan_overview": frozenset(
        {
            Role.COORDINATOR,
            Role.STUURGROEP,
            Role.DECAAN,
            Role.PORTEFEUILLEHOUDER,
        }
    ),
    # Doorstroommonitor. Figures are aggregates (cells under TRANSITIONS_MIN_CELL hidden)
    # for everyone; pupils' personal data only for the decaan or mentor of the pupil's
    # sending or receiving school (transitions.access narrows it to those schools).
    "transitions.figures": ALL_ROLES,
    "transitions.pupils": PUPIL_ROLES,
    "transitions.import": frozenset({Role.DECAAN}),
    # Erasure on request: the decaan of the pupil's school (a mentor reads, never erases).
    "transitions.erase": frozenset({Role.DECAAN}),
    "transitions.settings": frozenset({Role.COORDINATOR}),
    # Roadmaps (the checklist, each route's step plan): everyone on staff reads; those
    # who do the work change items (a portefeuillehouder only their own school's rows of
    # a per-school block: roadmaps.services checks that).
    "roadmaps.view": STAFF_ROLES,
    "roadmaps.work": frozenset(
        {
            Role.COORDINATOR,
            Role.PORTEFEUILLEHOUDER,
            Role.WERKGROEPLID,
            Role.AMBASSADEUR,
            Role.DOCENT,
        }
    ),
    # Leerroutes, their parties and consents, the DUO melding.
    "routes.view": STAFF_ROLES,
    "routes.manage": frozenset({Role.COORDINATOR}),
    # Region analysis: open data with its provenance and notes, per leerroute.
    "region.view": STAFF_ROLES,
    "region.manage": frozenset({Role.COORDINATOR, Role.WERKGROEPLID}),
    # Deleting an imported data set changes every analysis that reads it: the coördinator.
    "region.delete": frozenset({Role.COORDINATOR}),
    # Documents generated from the data (projectplan, agreements, DUO melding).
    "documents.view": STAFF_ROLES,
    "documents.generate": frozenset({Role.COORDINATOR}),
    # The plan van aanpak: everyone on staff reads it (the stuurgroep in five minutes);
    # the coördinator keeps it. Members update their own tasks; a portefeuillehouder keeps
    # their own school's change assignment (planning.services checks the school).
    "planning.view": STAFF_ROLES,
    "planning.manage": frozenset({Role.COORDINATOR}),
    "planning.tasks": STAFF_ROLES,
    # Anyone on staff adds a task for themselves (the owner is always the one adding it).
    "planning.add_own_task": STAFF_ROLES,
    # A werkgroeplid proposes an activity; the coördinator (planning.manage) confirms it.
    "planning.propose_activity": frozenset({Role.COORDINATOR, Role.WERKGROEPLID}),
    # Those listed on an activity evaluate it once held (rules.py: the people of that
    # activity), and the coördinator any activity.
    "planning.evaluate_activity": STAFF_ROLES,
    "planning.assignment": frozenset({Role.COORDINATOR, Role.PORTEFEUILLEHOUDER}),
    # A school's own LOB plan (its vision with versions, its goals, activities, budget
    # lines and the action points of its own LOB-scan): the school's portefeuillehouder
    # and decaan keep it, the coördinator any school's (rules.py: about the school);
    # staff, the stuurgroep among them, reads.
    "planning.school_plan": frozenset(
        {Role.COORDINATOR, Role.PORTEFEUILLEHOUDER, Role.DECAAN}
    ),
    # Adding and changing a goal, activity or budget line (rules.py: about the row): the
    # coördinator any row (planning.manage); a school's portefeuillehouder or decaan the
    # rows of their own school's plan (planning.school_plan for that school).
    "planning.keep_item": frozenset(
        {Role.COORDINATOR, Role.PORTEFEUILLEHOUDER, Role.DECAAN}
    ),
    # Stuurgroep approval (approvals app): staff read what was submitted and decided;
    # the coördinator submits the plan van aanpak, a route's documents or the covenant;
    # the stuurgroep approves or rejects (approvals.services holds the rule).
    "approvals.view": STAFF_ROLES,
    "approvals.submit": frozenset({Role.COORDINATOR}),
    "approvals.decide": frozenset({Role.STUURGROEP}),
    # The overview card: what waits for your decision, or what waits for the stuurgroep.
    "approvals.card": frozenset({Role.COORDINATOR, Role.STUURGROEP}),
    # The regional covenant (covenant app): the coördinator keeps it and marks the
    # signatures, everyone on staff reads it (the stuurgroep approves it in approvals).
    "covenant.view": STAFF_ROLES,
    "covenant.manage": frozenset({Role.COORDINATOR}),
    # The weekly digest e-mail of the partnership's progress (counts, never pupils).
    "partnership.digest": frozenset({Role.COORDINATOR, Role.STUURGROEP}),
    # The LOB programme (years × the 7 elementen), its ratings and the eind- and
    # startopdracht: the coördinator and werkgroepleden keep it, everyone on staff reads.
    "programme.view": STAFF_ROLES,
    "programme.manage": frozenset({Role.COORDINATOR, Role.WERKGROEPLID}),
    # The doorstroomdossier (dossier app). The partnership's agreement on which dossier
    # the schools use: the coördinator keeps it, everyone on staff reads it. A pupil's
    # dossier: the decaan and mentor of the sending school read it and write parts B and
    # C; its decaan makes and revokes the pupil's personal link (rules.py: about the
    # school; the dossier views also check that the school sent the pupil).
    "dossier.agreement": frozenset({Role.COORDINATOR}),
    "dossier.view_agreement": STAFF_ROLES,
    "dossier.view": PUPIL_ROLES,
    "dossier.write": PUPIL_ROLES,
    "dossier.links": frozenset({Role.DECAAN}),
    # The handover: the decaan and the intake of the RECEIVING mbo school read the
    # approved parts of the dossiers of pupils registered with them, mark them discussed
    # in the intake interview and ask the vo mentor a question (rules.py: about the
    # school; dossier.selectors.handover also checks the registration is with it). The
    # intake role reads nothing else of pupils: it holds no transitions.pupils.
    "dossier.receive": frozenset({Role.DECAAN, Role.INTAKE}),
    # Good practices (knowledge): every member reads the published practices of every
    # partnership; staff write up their own partnership's (a published one only the
    # coördinator changes: rules.py), mark another's as inspiring, and the coördinator
    # publishes and opts a practice into the public page. Adopting one into the
    # programme or the plan also needs programme.manage or planning.propose_activity.
    "knowledge.view": ALL_ROLES,
    "knowledge.write": STAFF_ROLES,
    "knowledge.publish": frozenset({Role.COORDINATOR}),
    "knowledge.inspire": STAFF_ROLES,
    "knowledge.adopt": frozenset({Role.COORDINATOR, Role.WERKGROEPLID}),
    # The national picture (national app): the partnership's own position against the
    # spread of the others (aggregates only, never another partnership's name). The
    # landelijk adviseur's national pages go through a grant, not this table.
    "national.position": frozenset({Role.COORDINATOR, Role.STUURGROEP}),
    # The school's access log (who read which pupil data), and the retention report.
    "transitions.privacy": frozenset({Role.PRIVACY_OFFICER}),
    # API keys for school systems (api app): the coördinator makes keys with the
    # partnership's scopes (figures, progress, reflection results), a decaan keys for
    # their own school (pupils in, signals out). Each sees and revokes the keys they may
    # make; a key acts as its maker, whose permission is checked at every request.
    "api.keys": frozenset({Role.COORDINATOR, Role.DECAAN}),
    "api.partnership_keys": frozenset({Role.COORDINATOR}),
    "api.school_keys": frozenset({Role.DECAAN}),
    # What each role's overview page starts with (core.dashboard: a card's `first_for`).
    # These grant nothing else: each card still needs its own permission to show.
    "home.next_steps": frozenset({Role.COORDINATOR}),
    "home.progress": frozenset({Role.STUURGROEP}),
    "home.assignment": frozenset({Role.PORTEFEUILLEHOUDER}),
    "home.my_work": frozenset({Role.WERKGROEPLID, Role.AMBASSADEUR, Role.DOCENT}),
    "home.signals": frozenset({Role.DECAAN, Role.MENTOR}),
    "home.figures": frozenset({Role.LANDELIJK_ADVISEUR}),
}


def roles_with(perm: str) -> frozenset[Role]:
    """The roles that hold `perm`; an unknown permission is a programming error."""
    try:
        return PERMISSIONS[perm]
    except KeyError:
        raise KeyError(
            f"Unknown permission {perm!r}: declare it in partnerships/permissions"
        ) from None


def has_perm(roles: set[str] | frozenset[str], perm: str) -> bool:
    return bool(roles_with(perm) & set(roles))


def permissions_of(roles: set[str] | frozenset[str]) -> frozenset[str]:
    held = set(roles)
    return frozenset(perm for perm, allowed in PERMISSIONS.items() if allowed & held)
