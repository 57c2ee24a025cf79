"""One actor: every service takes the acting membership as `by`, typed and keyword-only.

A scan of the source (no database): a service that grew an `actor=`, a `viewer=` or an
untyped `by` again fails here, so a caller never has to guess whether to pass
`request.user` or `request.membership`.

The rule: `by: Membership` where the service decides on the member's rights or the
action only exists for a member; `by: Membership | None` where the service only records
who made a row (a nullable maker), because the demo loader and the retention sweep make
rows without one; the docstring says so. A service that needs the user (a created_by
foreign key, the audit log) takes `by.user`. Selectors that log a read of pupil data take
`viewer: Membership` with a `purpose`: who saw, not who did.
"""

from __future__ import annotations

import ast
from pathlib import Path

import doorlopend

ROOT = Path(doorlopend.__file__).parent

# Names that meant "who does this" before there was one; `by` replaced them all.
FORBIDDEN = {"actor", "viewer", "requester", "invited_by"}

# `user` is allowed where the user is the subject of the action, not who acts: a role is
# granted to that user, an invitation is accepted by someone who is not a member yet.
USER_IS_SUBJECT = {
    "partnerships/services/roles.py:role_grant",
    "partnerships/services/invitations.py:invitation_accept",
    "partnerships/services/invitations.py:_accept",
    "transitions/services/digest.py:_message",  # the e-mail's addressee
}

# The audit log's own writer: `actor` is the log's column, a User (or None for the
# system), because the log outlives memberships and also records work of import jobs.
ACTOR_IS_LOG_COLUMN = {"audit/services.py:record", "audit/services.py:_actor_label"}

ALLOWED_BY = {"Membership", "Membership | None"}

# The register is national: staff import it, and staff are members of no partnership.
BY_IS_STAFF = {"registry/services/jobs.py:import_job_create": "User | None"}

# The pupil-file import belongs to the import write path (issue 13.3, another branch); its
# `by` is the uploading user and moves to a membership there.
LEFT_FOR_THE_IMPORT_PATH: set[str] = set()


def _service_modules() -> list[Path]:
    found = set(ROOT.glob("*/services.py")) | set(ROOT.glob("*/services/**/*.py"))
    return sorted(p for p in found if "tests" not in p.parts)


def _functions(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            yield node


def _problems() -> list[str]:
    problems = []
    for path in _service_modules():
        rel = path.relative_to(ROOT).as_posix()
        for fn in _functions(path):
            where = f"{rel}:{fn.name}"
            args = fn.args
            positional = {a.arg for a in args.posonlyargs + args.args}
            for arg in args.posonlyargs + args.args + args.kwonlyargs:
                name = arg.arg
                if name in FORBIDDEN and where not in ACTOR_IS_LOG_COLUMN:
                    problems.append(f"{where} takes {name!r}; take `by: Membership`")
                elif name == "user" and where not in USER_IS_SUBJECT:
                    problems.append(f"{where} takes 'user'; take `by: Membership`")
                elif name == "by":
                    annotation = ast.unparse(arg.annotation) if arg.annotation else ""
                    if where in LEFT_FOR_THE_IMPORT_PATH:
                        continue
                    allowed = (
                        {BY_IS_STAFF[where]} if where in BY_IS_STAFF else ALLOWED_BY
                    )
                    if annotation not in allowed:
                        problems.append(f"{where}: `by` is {annotation or 'untyped'}")
                    if name in positional and not fn.name.startswith("_"):
                        problems.append(f"{where}: `by` is not keyword-only")
    return problems


def _viewer_problems() -> list[str]:
    problems = []
    for path in sorted((ROOT / "transitions" / "selectors").glob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        for fn in _functions(path):
            for arg in fn.args.posonlyargs + fn.args.args + fn.args.kwonlyargs:
                if arg.arg == "viewer":
                    annotation = ast.unparse(arg.annotation) if arg.annotation else ""
                    if annotation != "Membership":
                        problems.append(f"{rel}:{fn.name}: `viewer` is {annotation!r}")
    return problems


def test_services_take_the_acting_membership_as_by():
    assert _problems() == []


def test_pupil_selectors_take_the_viewing_membership():
    assert _viewer_problems() == []


def test_the_scan_sees_the_services():
    # A scan that finds nothing would pass for the wrong reason.
    names = {p.relative_to(ROOT).as_posix() for p in _service_modules()}
    assert "planning/services/goals.py" in names
    assert "audit/services.py" in names
