"""What later apps hang on a route (routes.parts): the step plan made with a route, the
reflection sessions and generated documents on its page and deleted or kept with it.

Moved from routes' tests: they reach into roadmaps, reflection and documents, which come
after routes in the app order.
"""

import datetime
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.html import escape
from django.utils.translation import gettext as _
from django_scopes import scope, scopes_disabled

from doorlopend.documents.models import GeneratedDocument
from doorlopend.reflection.models import Session
from doorlopend.reflection.tests.factories import SessionFactory
from doorlopend.roadmaps.models import ItemState, Roadmap
from doorlopend.routes import services
from doorlopend.routes.models import Consent, Leerroute, Party
from doorlopend.routes.tests.factories import (
    ConsentFactory,
    LeerrouteFactory,
    PartyFactory,
    mbo_school,
    vo_school,
)
from doorlopend.routes.tests.test_route_views import form_data, url
from doorlopend.routes.tests.test_services import create

pytestmark = pytest.mark.django_db


def test_create_makes_parties_and_step_plan(partnership):
    vo = [vo_school(partnership), vo_school(partnership)]
    route = create(partnership, vmbo_locations=vo)
    with scopes_disabled():
        parties = set(
            Party.objects.filter(route=route).values_list("organisation", flat=True)
        )
        assert parties == {vo[0].pk, vo[1].pk, route.mbo_location_id}
        plan = Roadmap.objects.get(route=route)
        assert plan.version.key == "doorlopende-leerroute"
        assert ItemState.objects.filter(roadmap=plan).exists()
    # Without a start date the route starts on 1 August of its first school year.
    assert route.start_date == datetime.date(2027, 8, 1)


def test_delete_takes_step_plan_documents_consents_and_files(
    partnership, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = tmp_path
    route = LeerrouteFactory(partnership=partnership)
    with scope(partnership=partnership):
        consent = services.consent_create(
            route=route,
            organisation=route.mbo_location,
            body=Consent.Body.OR,
            date=datetime.date(2026, 1, 5),
            outcome=Consent.Outcome.CONSENT,
            document=SimpleUploadedFile("besluit.pdf", b"%PDF-1.4 test"),
            by=None,
        )
        GeneratedDocument.objects.create(
            partnership=partnership, route=route, kind="projectplan"
        )
    stored = tmp_path / consent.document.name
    assert stored.exists()
    with (
        django_capture_on_commit_callbacks(execute=True),
        scope(partnership=partnership),
    ):
        services.route_delete(route=route)
    with scopes_disabled():
        assert not Leerroute.objects.exists()
        assert not Roadmap.objects.filter(route__isnull=False).exists()
        assert not Consent.objects.exists() and not GeneratedDocument.objects.exists()
    assert not stored.exists()


def test_a_deleted_route_s_reflection_sessions_keep_its_name(partnership):

    route = LeerrouteFactory(partnership=partnership, name="Zorg Betuwe")
    session = SessionFactory(partnership=partnership, leerroute=route)
    with scope(partnership=partnership):
        services.route_delete(route=route)
    with scopes_disabled():
        session = Session.objects.get(pk=session.pk)
    assert session.leerroute is None
    assert session.route_name == "Zorg Betuwe"


def test_create_route(partnership, client_for):
    vo, mbo = [vo_school(partnership), vo_school(partnership)], mbo_school(partnership)
    response = client_for("coordinator").post(
        url("route_create", partnership), form_data(vo, mbo)
    )
    with scopes_disabled():
        route = Leerroute.objects.get()
        assert Party.objects.filter(route=route).count() == 3
        assert Roadmap.objects.filter(route=route).exists()
    assert response.status_code == 302
    assert response["Location"] == url("route_detail", partnership, route.pk)


def test_detail_shows_parties_total_and_lacking_consents(
    partnership, client_for, django_assert_max_num_queries
):
    route = LeerrouteFactory(
        partnership=partnership,
        vmbo_locations=[vo_school(partnership) for _n in range(3)],
    )
    for _n in range(4):
        PartyFactory(route=route)
    ConsentFactory(route=route)  # the mbo school's OR agreed
    sessions = SessionFactory.create_batch(3, partnership=partnership, leerroute=route)
    client = client_for("coordinator")
    client.get(url("route_detail", partnership, route.pk))
    # The reflection sessions in one; seven for the steps the data answers (the
    # councils, the projectplan, the DUO melding, the draagvlak survey), whatever
    # their number of rows.
    with django_assert_max_num_queries(21):  # +2: the step "Analyse" (region)
        response = client.get(url("route_detail", partnership, route.pk))
    page = response.content.decode()
    assert "25180" in page and route.qualification in page
    four_parties = number_format(Decimal("4000"), 2, force_grouping=True)
    assert f"€ {four_parties}" in page
    lacking = [r.party.organisation.name for r in response.context["overview"].lacking]
    with scopes_disabled():
        vo_names = sorted(o.name for o in route.vmbo_locations.all())
    assert sorted(set(vo_names) & set(lacking)) == vo_names
    assert route.mbo_location.name not in lacking
    assert _("No consent or positive advice recorded yet for:") in page
    assert url("duo_melding", partnership, route.pk) in page
    for session in sessions:
        link = reverse("reflection:session_detail", args=[partnership.slug, session.pk])
        assert f'<a href="{link}">{escape(session.title)}</a>' in page


def test_detail_lists_only_this_routes_reflection_sessions(partnership, client_for):
    route = LeerrouteFactory(partnership=partnership, parties=False)
    other = LeerrouteFactory(partnership=partnership, parties=False)
    SessionFactory(partnership=partnership, leerroute=route, title="Over deze route")
    SessionFactory(partnership=partnership, leerroute=other, title="Over een andere")
    SessionFactory(partnership=partnership, title="Over geen route")
    client = client_for("coordinator")
    page = client.get(url("route_detail", partnership, route.pk)).content.decode()
    assert "Over deze route" in page
    assert "Over een andere" not in page and "Over geen route" not in page
    create = reverse("reflection:session_create", args=[partnership.slug])
    assert f"{create}?leerroute={route.pk}" in page
    page = client.get(url("route_detail", partnership, other.pk)).content.decode()
    assert escape(_("No reflection session is about this route yet.")) not in page
    empty = LeerrouteFactory(partnership=partnership, parties=False)
    page = client_for("docent").get(url("route_detail", partnership, empty.pk))
    body = page.content.decode()
    assert escape(_("No reflection session is about this route yet.")) in body
    assert create not in body  # a docent does not run sessions


def test_delete_asks_first_and_says_what_goes(partnership, client_for):
    route = LeerrouteFactory(partnership=partnership)
    ConsentFactory(route=route)
    client = client_for("coordinator")
    page = client.get(url("route_delete", partnership, route.pk)).content.decode()
    assert _("Deleting the route also deletes, for good:") in page
    with scopes_disabled():
        assert Leerroute.objects.exists()
    response = client.post(url("route_delete", partnership, route.pk))
    assert response["Location"] == url("route_list", partnership)
    with scopes_disabled():
        assert not Leerroute.objects.exists()
        assert not Roadmap.objects.filter(route__isnull=False).exists()
