"""One object-permission layer: every check goes through `Membership.has_perm`.

A role comparison written anywhere else (`role == …`, `… in PUPIL_ROLES`, an owner test
against the membership, a template reading `membership.permissions`) is a second answer
to "may this member do this", and drifts from the table. The scan below lists each one.
"""

import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.template import Context, Template
from django_scopes import scope, scopes_disabled

from doorlopend.partnerships.models import Membership
from doorlopend.partnerships.permissions import PERMISSIONS
from doorlopend.partnerships.permissions.rules import PERMISSION_RULES
from doorlopend.partnerships.roles import Role
from doorlopend.partnerships.selectors import members_who_may

ROOT = Path(__file__).resolve().parents[2]  # the doorlopend package

# Where role knowledge belongs: the table, its rules and predicates, the roles.
ALLOWED = ("partnerships/permissions/", "partnerships/roles.py")

ROLE_COMPARISON = re.compile(
    r"""
      \brole\s*(==|!=)                        # role == …, r.role != …
    | (==|!=)\s*Role\.                        # … == Role.COORDINATOR
    | \bRole\.\w+\s+(not\s+)?in\b             # Role.DECAAN in names
    | \.role\s+(not\s+)?in\b                  # r.role in roles
    | ^\s*(if|elif|return|and|or)\b.*\brole\s+(not\s+)?in\b   # if role in …
    | \bin\s+[A-Z_]*ROLES\b                   # … in PUPIL_ROLES
    | \bmembership\.permissions\b             # the old set of role-only permissions
    | \.role_names\b
    | owner(_id)?\s*(==|!=)                   # owner_id == membership.pk
    | (==|!=)\s*\S*membership\b               # … == request.membership.pk
    """,
    re.VERBOSE,
)


def role_comparisons(root: Path) -> list[str]:
    """Every line under `root` (code and templates, not tests or migrations) that
    compares roles itself instead of asking `has_perm`."""
    offenders = []
    for path in sorted([*root.rglob("*.py"), *root.rglob("*.html")]):
        rel = path.relative_to(root).as_posix()
        parts = set(rel.split("/"))
        if parts & {"tests", "migrations"} or rel.startswith(ALLOWED):
            continue
        for number, line in enumerate(path.read_text().splitlines(), 1):
            if ROLE_COMPARISON.search(line):
                offenders.append(f"{rel}:{number}: {line.strip()}")
    return offenders


def test_no_role_comparison_outside_the_permission_layer():
    offenders = role_comparisons(ROOT)
    assert not offenders, "Ask membership.has_perm(perm, obj) instead:\n" + "\n".join(
        offenders
    )


def test_the_scan_finds_a_role_comparison(tmp_path):
    (tmp_path / "views.py").write_text(
        "if r.role == Role.COORDINATOR:\n    pass\nif role in PUPIL_ROLES:\n    pass\n"
    )
    (tmp_path / "page.html").write_text(
        "{% if task.owner_id == request.membership.pk %}{% endif %}\n"
    )
    assert len(role_comparisons(tmp_path)) == 3


def test_every_permission_of_the_table_is_a_rule():
    assert set(PERMISSION_RULES) == set(PERMISSIONS)


def test_an_unknown_permission_is_an_error_not_a_no():
    with pytest.raises(KeyError, match="partnerships/permissions"):
        Membership().has_perm("planning.fly")


@pytest.mark.django_db
def test_templates_ask_the_same_rules(partnership, member_of):
    with scopes_disabled():
        owner = Membership.objects.get(user=member_of(partnership, "docent"))
        other = Membership.objects.get(user=member_of(partnership, "docent"))
    task = SimpleNamespace(owner_id=owner.pk)  # a task: the rule reads its owner
    template = Template(
        '{% load permissions %}{% may m "planning.tasks" task as can_move %}'
        '{{ m|may:"planning.manage" }} {{ can_move }}'
    )
    with scope(partnership=partnership):
        assert template.render(Context({"m": owner, "task": task})) == "False True"
        assert template.render(Context({"m": other, "task": task})) == "False False"
        assert template.render(Context({"m": None, "task": task})) == "False False"


@pytest.mark.django_db
def test_a_member_select_gives_the_same_answer_as_has_perm(partnership, member_of):
    """`members_who_may` asks the database; it must agree with `has_perm` everywhere."""
    for role in Role:
        member_of(partnership, role)
    with scope(partnership=partnership):
        members = list(Membership.objects.filter(partnership=partnership))
        for perm in PERMISSIONS:
            offered = set(members_who_may(partnership=partnership, perm=perm))
            assert offered == {m for m in members if m.has_perm(perm)}, perm
