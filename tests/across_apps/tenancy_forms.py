"""Forms as a browser sees them, for the sweeps that fill id fields with foreign ids.

A page is rendered for partnership B and for A alike; each `<form>` is read with lxml
into the body a browser would send. A field whose values are ids (a select, radio or
hidden input holding digits) gets, from A's page, the values A offers in the same form
and field that B's page does not: the same kind of object, but A's. Which form class a
`<form>` renders is read from the template context, so a test can tell which form
fields it has covered.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterator
from dataclasses import dataclass, field

import lxml.html
from django import forms
from django.urls import Resolver404, resolve

import doorlopend

# Values typed into an empty required field, by input type.
TYPED = {
    "email": "sweep@example.org",
    "url": "https://example.org/",
    "date": "2027-03-01",
    "time": "10:00",
    "datetime-local": "2027-03-01T10:00",
    "number": "1",
    "tel": "0612345678",
}


@dataclass
class HtmlForm:
    """One `<form>` of a page: where it goes, what it sends, which fields hold ids."""

    method: str
    action: str  # a path
    view: str  # the resolved view name of the action
    body: dict[str, list[str]]
    options: dict[str, set[str]]  # id-like field name → the ids offered
    files: list[str] = field(default_factory=list)
    htmx: bool = False

    @property
    def key(self) -> tuple[str, str, frozenset[str]]:
        return (self.method, self.view, frozenset(self.body))


def page_forms(response, page_url: str) -> list[HtmlForm]:
    """The forms of an HTML response (none for a file, an SVG or a redirect)."""
    if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
        return []
    content = response.content.decode(errors="replace")
    if "<form" not in content:
        return []
    read = (_read(element, page_url) for element in lxml.html.fromstring(content).forms)
    return [form for form in read if form is not None]


def _read(element, page_url: str) -> HtmlForm | None:
    hx_post = element.get("hx-post")
    hx_get = element.get("hx-get")
    method = "post" if hx_post else (element.get("method") or "get").lower()
    action = hx_post or hx_get or element.get("action") or page_url
    action = action.split("#")[0] or page_url
    path = action.split("?")[0] if action.startswith("/") else page_url
    try:
        view = resolve(path).view_name
    except Resolver404:
        return None
    body: dict[str, list[str]] = {}
    options: dict[str, set[str]] = {}
    files = []
    for name, value in element.form_values():
        body.setdefault(name, []).append(value)
    for control in element.inputs:
        if control.tag == "input" and control.get("type") == "file":
            files.append(control.get("name"))
        _fill_required(control, body)
    for name in {c.name for c in element.inputs if getattr(c, "name", None)}:
        offered = _offered(element.inputs[name])
        if offered and all(v.isdigit() for v in offered):
            options[name] = offered
    submit = next(
        (b for b in element.xpath(".//button[@name]|.//input[@type='submit'][@name]")),
        None,
    )
    if submit is not None and submit.get("name") not in body:
        body[submit.get("name")] = [submit.get("value", "")]
    return HtmlForm(
        method, path, view, body, options, files, htmx=bool(hx_post or hx_get)
    )


def _offered(control) -> set[str]:
    """The values a field can send: a select's or radio group's options, a hidden value."""
    if isinstance(
        control,
        lxml.html.SelectElement | lxml.html.RadioGroup | lxml.html.CheckboxGroup,
    ):
        return {v for v in control.value_options if v}
    if isinstance(control, lxml.html.InputElement) and control.type in (
        "hidden",
        "checkbox",
    ):
        value = control.get("value", "")
        return {value} if value else set()
    return set()


def _fill_required(control, body: dict[str, list[str]]) -> None:
    """Type something into an empty required field, as a user making a valid form would."""
    name = getattr(control, "name", None)
    if not name or control.get("required") is None:
        return
    if any(value.strip() for value in body.get(name, [])):
        return
    if isinstance(control, lxml.html.SelectElement):
        choices = [v for v in control.value_options if v]
        if choices:
            body[name] = [choices[0]]
    elif control.tag == "textarea":
        body[name] = ["Sweep"]
    elif control.type == "radio":
        body[name] = [control.get("value", "on")]
    elif control.type not in ("file", "checkbox", "hidden", "submit"):
        body[name] = [TYPED.get(control.type, "Sweep")]


def context_forms(response) -> list[forms.BaseForm]:
    """The form instances a page rendered (from the test client's template contexts)."""
    found: dict[int, forms.BaseForm] = {}
    for context in response.context or []:
        for value in _values(context):
            if isinstance(value, forms.BaseForm):
                found[id(value)] = value
    return list(found.values())


def _values(context) -> Iterator:
    for layer in getattr(context, "dicts", [context]):
        for value in layer.values() if isinstance(layer, dict) else []:
            yield value
            if isinstance(value, list | tuple):
                yield from value
            elif isinstance(value, dict):
                yield from value.values()


def rendered_form_of(
    html_form: HtmlForm, candidates: list[forms.BaseForm]
) -> forms.BaseForm | None:
    """The rendered form instance whose fields best match the `<form>`'s names, or None."""
    names = set(html_form.body) | set(html_form.options) | set(html_form.files)

    def overlap(form):
        return len(names & {form.add_prefix(n) for n in form.fields})

    best = max(candidates, key=overlap, default=None)
    return best if best is not None and overlap(best) else None


def id_fields_of(form_class: type[forms.BaseForm]) -> set[str]:
    """The fields of a form class that take an object of the database by id."""
    return {
        name
        for name, f in form_class.base_fields.items()
        if isinstance(f, forms.ModelChoiceField)
    }


def all_form_classes() -> list[type[forms.BaseForm]]:
    """Every form class of the project, from its forms modules."""
    for module in pkgutil.walk_packages(doorlopend.__path__, "doorlopend."):
        leaf = module.name.rsplit(".", 1)[-1]
        if leaf.startswith("forms") and ".tests" not in module.name:
            importlib.import_module(module.name)
    seen, todo = [], [forms.BaseForm]
    while todo:
        for sub in todo.pop().__subclasses__():
            todo.append(sub)
            if sub.__module__.startswith("doorlopend.") and sub not in seen:
                seen.append(sub)
    return seen
