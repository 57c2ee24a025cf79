"""Forms with foreign ids: a member of B fills B's own forms with A's objects.

Every page under /p/ is rendered as each role of B that reaches it and as the same role
of A; each form is read as a browser would send it (`tenancy_forms`). A form whose
fields hold ids is first sent with B's own values, in a savepoint that is rolled back:
it must write (else the body is not valid and the test would prove nothing). Then each
id field in turn carries the id A offers in the same field: the write must be refused
(a form error or 404) and nothing written in either partnership. A search form (GET)
with A's id must show nothing of A. Last, every id field of every form class of the
project must have been swept, or be listed below with the reason.
"""

from collections.abc import Callable

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django_scopes import scopes_disabled

from .tenancy_forms import (
    all_form_classes,
    context_forms,
    id_fields_of,
    page_forms,
    rendered_form_of,
)
from .tenancy_world import (
    fingerprint,
    partnership_routes,
    permission_of,
    reaching_roles,
)

SECRET = "Geheimhouden"  # in the name of every object of A

# Fields that take ids through choices set at run time instead of a ModelChoiceField.
DYNAMIC_ID_FIELDS = {("StatusAddForm", "transition"), ("ImportUploadForm", "school")}
# Id fields this sweep cannot reach, with the reason (a new one fails until listed).
NOT_SWEPT: dict[tuple[str, str], str] = {
    ("SessionForm", "instrument"): "instrument versions are national, the same for all",
}
FIRST = "first of B's own options"
# Values a form needs before it writes, by the view it posts to (the sweep types "Sweep"
# into empty required fields; these need more).
BODY: dict[str, Callable[[dict], dict[str, list[str]]]] = {
    "routes:route_create": lambda own: {
        "vmbo_locations": [str(own["school_id"])],
        "crebo": ["25180"],
    },
    "routes:consent_create": lambda own: {"date": ["2026-01-15"]},
    "planning:person_add": lambda own: {"name": ["Sweep"]},
    # A goal is saved only when SMART: every part filled in.
    "planning:goal_create": lambda own: {
        "specific": ["Sweep"],
        "indicator": ["Sweep"],
        "baseline": ["1"],
        "target": ["2"],
        "owner": [FIRST],
        "theme_key": [own["theme_key"]],
        "deadline": ["2027-03-01"],
    },
    # The inbox's forms share one body: the revision's target, and a goal's SMART parts
    # (an action point becomes a goal too).
    "planning:triage": lambda own: {
        "target": ["10"],
        "specific": ["Sweep"],
        "indicator": ["Sweep"],
        "baseline": ["1"],
        "owner": [FIRST],
        "theme_key": [own["theme_key"]],
        "deadline": ["2027-03-01"],
    },
}
# Files a form needs before it writes, by the view it posts to.
FILES = {
    "transitions:import_upload": lambda: SimpleUploadedFile(
        "leerlingen.csv", b"pgn;naam\n123456782;Sweep\n", content_type="text/csv"
    ),
}


def _complete(form, values: dict[str, list[str]]) -> None:
    for name, given in values.items():
        if FIRST in given and name not in form.options:
            continue  # a value for another form of the same view
        form.body[name] = [
            min(form.options[name], key=int) if v == FIRST else v for v in given
        ]


def _nothing(own: dict) -> dict:
    return {}


def _id_fields() -> set[tuple[str, str]]:
    """(form class, field) of every field of the project that takes an object by id."""
    return {
        (cls.__name__, name) for cls in all_form_classes() for name in id_fields_of(cls)
    } | DYNAMIC_ID_FIELDS


ID_FIELDS = _id_fields()


def _offered_by_a(form, a_forms) -> dict[str, set[str]]:
    """Per id field of `form`, the ids A's page offers in the same form and field."""
    same = [f for f in a_forms if f.key == form.key] or [
        f for f in a_forms if (f.method, f.view) == (form.method, form.view)
    ]
    return {
        name: set().union(*(f.options.get(name, set()) for f in same))
        for name in form.options
    }


def _send(client, form, body: dict) -> tuple[object, bool]:
    """(response, whether anything was written); the write is rolled back either way."""
    data = dict(body)
    for name in form.files:
        if form.view in FILES:
            data[name] = FILES[form.view]()
    headers = {"HX-Request": "true"} if form.htmx else {}
    before = fingerprint()
    with transaction.atomic():
        response = getattr(client, form.method)(form.action, data, headers=headers)
        wrote = fingerprint() != before
        transaction.set_rollback(True)
    return response, wrote


def _errors(response) -> str:
    with scopes_disabled():
        return (
            "; ".join(
                f"{type(f).__name__}: {f.errors.as_text()}"
                for f in context_forms(response)
                if f.is_bound and f.errors
            )
            or f"status {response.status_code}"
        )


def _succeeded(response, wrote: bool) -> bool:
    return wrote or response.status_code in (301, 302, 303)


def _classes_with(instance, name: str) -> set[tuple[str, str]]:
    """(class, field) for the form class rendered and each base declaring the field."""
    if instance is None:
        return set()
    field = name.removeprefix(f"{instance.prefix}-") if instance.prefix else name
    return {
        (cls.__name__, field)
        for cls in type(instance).__mro__
        if field in getattr(cls, "base_fields", {})
    }


def _sweep_form(client, form, a_forms, instance, own: dict) -> tuple[list, set]:
    """(failures, covered fields) of one form of B filled with A's ids."""
    where = f"{form.method.upper()} {form.action} ({form.view})"
    failures, covered = [], set()
    foreign = {}
    for name, theirs in _offered_by_a(form, a_forms).items():
        fields = _classes_with(instance, name) & ID_FIELDS
        if theirs & form.options[name] and fields - set(NOT_SWEPT):
            failures.append(f"{where} {name}: offers the ids A's page offers")
        if theirs - form.options[name]:
            foreign[name] = min(theirs - form.options[name], key=int)
    if not foreign:
        return failures, covered
    if form.method == "post":
        _complete(form, BODY.get(form.view, _nothing)(own))
        control, wrote = _send(client, form, form.body)
        if not _succeeded(control, wrote):
            return [
                *failures,
                f"{where}: B's own body fails: {_errors(control)}",
            ], set()
    for name, value in foreign.items():
        answer, wrote = _send(client, form, {**form.body, name: [value]})
        text = answer.content.decode(errors="replace")
        if answer.status_code not in (200, 404) or wrote or SECRET in text:
            failures.append(
                f"{where} {name}={value} (A's) → {answer.status_code}"
                + (", written" if wrote else "")
                + (", shows A" if SECRET in text else "")
            )
        covered |= _classes_with(instance, name)
    return failures, covered


@pytest.mark.django_db
def test_forms_refuse_another_partnerships_ids(world, own_world):
    failures, covered, seen = [], set(), set()
    # Files (.pdf, .svg, .xlsx, …) carry no forms: not rendering them saves seconds.
    pages = [r for r in partnership_routes() if "." not in r.route.rsplit("/", 1)[-1]]
    for route in pages:
        perm = permission_of(route, own_world.values)
        for role in reaching_roles(perm) if perm else []:
            client, own_url = own_world.client(role), route.fill(own_world.values)
            response = client.get(own_url)
            todo = [f for f in page_forms(response, own_url) if f.options]
            todo = [f for f in todo if (role, f.key) not in seen]
            if not todo:
                continue
            a_url = route.fill(world.values)
            a_forms = page_forms(world.client(role).get(a_url), a_url)
            with scopes_disabled():
                rendered = context_forms(response)
            for form in todo:
                seen.add((role, form.key))
                found, swept = _sweep_form(
                    client,
                    form,
                    a_forms,
                    rendered_form_of(form, rendered),
                    own_world.values,
                )
                failures += [f"{line} as {role}" for line in found]
                covered |= swept
    assert not failures, "\n".join(failures)
    missed = ID_FIELDS - covered - set(NOT_SWEPT)
    assert not missed, f"Id fields no page let the sweep fill: {sorted(missed)}"
