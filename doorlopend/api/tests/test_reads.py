"""Reading signals, figures, progress and reflection results: the pages' rules."""

import datetime

import pytest
from django_scopes import scopes_disabled

from doorlopend.audit.models import AccessLogEntry
from doorlopend.reflection.choices import State
from doorlopend.reflection.tests.factories import (
    ParticipantFactory,
    SessionFactory,
    answer_all,
)
from doorlopend.transitions.models import Signal
from doorlopend.transitions.tests.factories import TransitionFactory

from .helpers import World, bearer


@pytest.fixture
def world(partnership, member_of):
    return World(partnership, member_of)


def _signal(world, school, n):
    with scopes_disabled():
        transition = TransitionFactory(
            partnership=world.partnership,
            sending_organisation=school,
            pupil__partnership=world.partnership,
            pupil__name=f"Leerling {n}",
        )
        return Signal.objects.create(
            partnership=world.partnership,
            transition=transition,
            kind="no_registration",
            raised_on=datetime.date(2026, 4, 2),
        )


def test_signals_of_the_school_only_and_logged(
    client, world, django_assert_max_num_queries
):
    own = [_signal(world, world.vo, n) for n in range(3)]
    _signal(world, world.mbo, 9)  # about another school's pupil
    with django_assert_max_num_queries(20):
        response = client.get(world.school_url("signals"), **bearer(world.school_token))
    assert response.status_code == 200
    body = response.json()
    assert body["total"] == 3
    assert {s["id"] for s in body["signals"]} == {s.pk for s in own}
    assert "Leerling 9" not in response.content.decode()
    entry = AccessLogEntry.objects.get(object_type="transitions.pupil")
    assert "API key “Magister”" in entry.actor_label
    assert sorted(entry.object_ids) == sorted(s.transition.pupil_id for s in own)


def test_figures_hide_small_groups(client, world):
    with scopes_disabled():
        for _ in range(3):  # under k = 5
            TransitionFactory(
                partnership=world.partnership,
                sending_organisation=world.vo,
                pupil__partnership=world.partnership,
            )
    response = client.get(world.url("figures?cohort=2026"), **bearer(world.token))
    assert response.status_code == 200
    total = response.json()["total"]["lines"][-1]["figures"]["pupils"]
    assert total["count"] is None and total["hidden"] == "small"


def test_figures_refuse_an_unknown_dimension(client, world):
    response = client.get(world.url("figures?dimension=pupil"), **bearer(world.token))
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "query.dimension"


def test_progress(client, world):
    response = client.get(world.url("progress"), **bearer(world.token))
    assert response.status_code == 200
    body = response.json()
    assert body["plan"]["goal_count"] == 0 and body["step_plans"] == []


def _session(world, people: int, state=State.CLOSED):
    session = SessionFactory(partnership=world.partnership, state=state)
    for _ in range(people):
        answer_all(ParticipantFactory(session=session))
    return session


def test_reflection_results_of_closed_sessions_only(client, world):
    shown = _session(world, 4)
    small = _session(world, 2)
    running = _session(world, 4, state=State.OPEN)
    listed = client.get(world.url("reflection/sessions"), **bearer(world.token)).json()
    assert {s["id"] for s in listed} == {shown.pk, small.pk}
    url = world.url(f"reflection/sessions/{shown.pk}/results")
    body = client.get(url, **bearer(world.token)).json()
    assert body["respondents"] == 4 and not body["suppressed"]
    assert body["themes"][0]["figures"]["mean"] == 4.0
    url = world.url(f"reflection/sessions/{small.pk}/results")
    body = client.get(url, **bearer(world.token)).json()
    assert body["suppressed"] and body["min_group"] >= 3
    assert all(t["figures"]["mean"] is None for t in body["themes"])
    url = world.url(f"reflection/sessions/{running.pk}/results")
    assert client.get(url, **bearer(world.token)).status_code == 404


def test_reflection_results_of_another_partnership_are_404(
    client, world, other_partnership
):
    foreign = SessionFactory(partnership=other_partnership, state=State.CLOSED)
    url = world.url(f"reflection/sessions/{foreign.pk}/results")
    assert client.get(url, **bearer(world.token)).status_code == 404


def test_openapi_schema_and_docs(client):
    schema = client.get("/api/openapi.json").json()
    assert schema["openapi"].startswith("3.1")
    assert "/api/v1/partnerships/{slug}/schools/{school_id}/leavers" in schema["paths"]
    docs = client.get("/api/docs")
    assert docs.status_code == 200
    assert "ninja/swagger-ui-bundle.js" in docs.content.decode()
    assert "cdn" not in docs.content.decode().lower()
    assert (
        "'unsafe-inline'"
        not in docs["Content-Security-Policy"].split("script-src")[1].split(";")[0]
    )
