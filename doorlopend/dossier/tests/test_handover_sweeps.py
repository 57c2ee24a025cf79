"""Sweeps over every URL of the handover (walked from urls_handover: a new URL joins the
day it is added): each that shows or touches a pupil writes the access log, and each
refuses the other schools and the roles without the handover."""

import pytest
from django_scopes import scopes_disabled

from doorlopend.core.urlwalk import all_routes
from doorlopend.dossier import urls_handover
from doorlopend.dossier.models import Handover, HandoverQuestion
from doorlopend.transitions.tests.pupil_setup import last_entry_pk, new_entries

from .handover_helpers import handed, world  # noqa: F401

pytestmark = pytest.mark.django_db

POST_DATA = {
    "incoming_discussed": {},
    "incoming_question": {"question": "Hoe ging de stage?"},
    "question_answer": {"answer": "Goed."},
}
# The side of the handover each URL is on: the receiving mbo school or the sending vo
# school. The figures page shows no pupil (its own tests).
RECEIVING = {
    "incoming_list",
    "incoming_detail",
    "incoming_pdf",
    "incoming_discussed",
    "incoming_question",
}
SENDING = {"question_answer"}


def _names() -> list[str]:
    return [p.name for p in urls_handover.urlpatterns if "school_id" in str(p.pattern)]


def _question(h) -> HandoverQuestion:
    with scopes_disabled():
        handover, _created = Handover.objects.get_or_create(
            partnership=h.world.partnership,
            dossier=h.dossier,
            receiving_organisation=h.world.mbo,
        )
        return HandoverQuestion.objects.create(
            partnership=h.world.partnership, handover=handover, question="Vraag"
        )


def _url(h, name: str, school=None) -> str:
    route = next(r for r in all_routes() if r.name == f"dossier:{name}")
    default = h.world.mbo if name in RECEIVING else h.world.vo_a
    return route.fill(
        {
            "partnership_slug": h.world.partnership.slug,
            "school_id": (school or default).pk,
            "transition_id": h.world.fatima_transition.pk,
            "question_id": _question(h).pk if name == "question_answer" else 0,
        }
    )


def _send(client, name: str, url: str):
    response = client.get(url)
    if response.status_code == 405:
        response = client.post(url, POST_DATA[name])
    return response


def test_the_sweep_sees_every_handover_url():
    assert set(_names()) == RECEIVING | SENDING


@pytest.mark.parametrize("name", sorted(RECEIVING | SENDING))
def test_every_handover_url_writes_the_access_log(handed, name):  # noqa: F811
    w = handed.world
    user = handed.intake if name in RECEIVING else w.mentor_a
    school = w.mbo if name in RECEIVING else w.vo_a
    url = _url(handed, name)
    with scopes_disabled():
        before = last_entry_pk()
    response = _send(handed.client(user), name, url)
    assert response.status_code in (200, 302), f"{name} → {response.status_code}"
    with scopes_disabled():
        logged = [
            e
            for e in new_entries(before)
            if e.organisation_id == school.pk
            and e.object_type == "transitions.pupil"
            and w.fatima.pk in e.object_ids
        ]
    assert logged, f"{name} wrote no access-log entry about the pupil"


@pytest.mark.parametrize("name", sorted(RECEIVING | SENDING))
def test_every_handover_url_refuses_other_schools_and_roles(
    handed,  # noqa: F811
    member_of,
    name,
):
    w = handed.world
    url = _url(handed, name)
    # The other mbo school, through its own school id: not registered there.
    if name in RECEIVING and name != "incoming_list":
        own = _url(handed, name, school=handed.mbo_n)
        assert _send(handed.client(handed.decaan_n), name, own).status_code == 404
    # The other mbo school with M's id in the URL: not its school.
    assert _send(handed.client(handed.decaan_n), name, url).status_code == 404
    roles = ["stuurgroep", "werkgroeplid", "coordinator", "privacy_officer"]
    roles += ["mentor"] if name in RECEIVING else ["intake"]
    school = w.mbo if name in RECEIVING else w.vo_a
    for role in roles:
        user = member_of(w.partnership, role, organisation=school)
        assert _send(handed.client(user), name, url).status_code in (403, 404), role
    with scopes_disabled():
        assert not Handover.objects.filter(discussed_at__isnull=False).exists()
        assert all(q.question == "Vraag" for q in HandoverQuestion.objects.all())
        assert not HandoverQuestion.objects.filter(answered_at__isnull=False).exists()
