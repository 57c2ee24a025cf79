"""Ids in the query string: a member of B puts A's ids after `?` on B's own pages.

The keys the views read from `request.GET` (and from `request.POST` outside a form
class) are found in their source; each is either known to carry no id or has a case
below that sends A's id in it. The page must then
show nothing of A (404, or the id ignored). Filter forms sent by GET (an owner to filter
tasks by) are swept with the other forms in test_tenancy_foreign_forms.py.
"""

import re
from pathlib import Path

import pytest
from django_scopes import scopes_disabled

import doorlopend
from doorlopend.documents.models import GeneratedDocument

from .tenancy_world import World, fingerprint

SECRET = "Geheimhouden"  # in the name and text of every object of A
_KEY = re.compile(r"request\.(GET|POST)(?:\.get\(|\[)\s*[\"'](\w+)[\"']")

# Query keys that carry no object id, with what they carry.
NOT_IDS = {
    "page": "a page number",
    "jaar": "a year",
    "closed": "a flag",
    "kind": "a kind of organisation",
    "status": "a status",
    "line": "the key of an OCW action line (from the LOB-scan instrument)",
    "v": "the version of a live fragment",
    # Read from a POST body outside a form class.
    "outcome": "a triage outcome",
    "terug": "where a handled action point returns to (a flag: the school's plan)",
    "show_owner": "a flag",
    "next": "an address in the site (checked as a redirect)",
    "form": "which form of the page was sent",
    "action": "a session state change",
    "go": "a direction in the participant's questionnaire",
    "question": "a question key of the participant's questionnaire",
    "value": "a participant's answer",
    "cohort": "a year",
    "tab": "a part of the facilitator's session page",
    "theme": "a theme key of the session's instrument (a key, no id)",
    "language": "a language code (the language switch)",
    "row": "a year of the programme's grid, such as vmbo-3 (no id)",
    "element": "a key of the 7 elementen list, or an element of a school's scan (a key, no id)",
    "leerweg": "a vmbo leerweg code (no id)",
    "part": "a part of the doorstroomdossier (a, b or c; no id)",
    "field": "a field name of the dossier's part A (no id)",
    "q": "the words of a search",
    "schooltype": "a school type such as vmbo (no id)",
    "regio": "an RMC region code (national, no partnership's object)",
    "instrument": "an instrument key of the national picture (a key, no id)",
    "into": "where a practice is adopted: programme or plan",
}


def _cases(a: World, b: World) -> dict[str, list[tuple[str, str]]]:
    """Per query key, (role, URL of B's page with A's id in that key)."""
    slug, route = b.values["partnership_slug"], b.values["route_id"]
    compare = f"/p/{slug}/documenten/leerroute/{route}/projectplan/vergelijk/"
    report = f"/p/{slug}/plan/voortgangsrapportage/vergelijk/"
    own_doc, their_doc = b.values["document_id"], a.values["document_id"]
    own_rep, their_rep = b.extra["progress_report_id"], a.extra["progress_report_id"]
    pairs = [
        f"?a={own_doc}&b={their_doc}",
        f"?a={their_doc}&b={own_doc}",
        f"?a={their_doc}&b={their_doc}",
    ]
    report_pairs = [
        f"?a={own_rep}&b={their_rep}",
        f"?a={their_rep}&b={own_rep}",
        f"?a={their_rep}&b={their_rep}",
    ]
    compares = [("coordinator", compare + q) for q in pairs]
    compares += [("coordinator", report + q) for q in report_pairs]
    return {
        "a": compares,
        "b": compares,
        "leerroute": [
            (
                "coordinator",
                f"/p/{slug}/reflectie/new/?leerroute={a.values['route_id']}",
            )
        ],
        "route": [
            (
                "coordinator",
                f"/p/{slug}/regio/grafiek/{name}/?route={a.values['route_id']}",
            )
            for name in ("sectors", "target", "variant")
        ],
        "school": [
            (
                "decaan",
                f"/p/{slug}/reflectie/scan/new/?school={a.values['school_id']}",
            )
        ],
        "revoke": [],  # a POST key: below
        "organisation": [
            (
                "coordinator",
                f"/p/{slug}/leerroutes/{route}/medezeggenschap/nieuw/"
                f"?organisation={a.values['organisation_id']}",
            )
        ],
    }


def _query_keys() -> set[str]:
    """Every key a view of the project reads from request.GET or, outside a form
    class, from request.POST."""
    root = Path(doorlopend.__file__).parent
    return {
        key
        for path in root.rglob("*.py")
        if "tests" not in path.parts
        for _method, key in _KEY.findall(path.read_text())
    }


@pytest.mark.django_db
def test_query_string_ids_of_another_partnership_show_nothing(world, own_world):
    cases = _cases(world, own_world)
    unknown = _query_keys() - set(NOT_IDS) - set(cases)
    assert not unknown, f"Add a case with A's id, or say why it is no id: {unknown}"
    failures = []
    for key, requests in cases.items():
        for role, url in requests:
            response = own_world.client(role).get(url)
            text = response.content.decode(errors="replace")
            if response.status_code not in (200, 404) or SECRET in text:
                failures.append(f"?{key}: GET {url} → {response.status_code}")
    # A calendar feed is revoked by its id in the POST body.
    feeds = f"/p/{own_world.values['partnership_slug']}/plan/agenda/"
    foreign_feed = {"revoke": world.extra["feed_id"]}
    before = fingerprint()
    response = own_world.client("coordinator").post(feeds, foreign_feed)
    if response.status_code != 404 or fingerprint() != before:
        failures.append(f"?revoke: POST {feeds} → {response.status_code}")
    assert not failures, "\n".join(failures)


@pytest.mark.django_db
def test_query_string_ids_of_ones_own_partnership_are_used(own_world):
    """The control: with B's own ids the same pages show B's objects, so the test
    above would see A's if a lookup leaked."""
    slug, values = own_world.values["partnership_slug"], own_world.values
    coordinator = own_world.client("coordinator")
    doc, rep = values["document_id"], own_world.extra["progress_report_id"]
    with scopes_disabled():  # a later version of each, with other text
        later = {pk: GeneratedDocument.objects.get(pk=pk) for pk in (doc, rep)}
        for version in later.values():
            version.pk, version.content_text = None, "Later"
            version.save()
    shown = {
        f"/p/{slug}/documenten/leerroute/{values['route_id']}/projectplan/vergelijk/"
        f"?a={doc}&b={later[doc].pk}": "Projectplan Eigen",
        f"/p/{slug}/plan/voortgangsrapportage/vergelijk/?a={rep}&b={later[rep].pk}": "Voortgang Eigen",
    }
    for url, text in shown.items():
        assert text in coordinator.get(url).content.decode(), url
    page = coordinator.get(f"/p/{slug}/reflectie/new/?leerroute={values['route_id']}")
    assert f'value="{values["route_id"]}" selected' in page.content.decode()
