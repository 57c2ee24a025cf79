"""Action points: adding one during the session (htmx and plain), editing, the list."""

import re

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled

from doorlopend.partnerships.models import Membership
from doorlopend.partnerships.tests.factories import OrganisationFactory

from ..choices import ActionStatus
from ..models import ActionPoint
from .factories import ActionPointFactory, SessionFactory

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()  # the form tokens live in the cache


@pytest.fixture
def session(partnership):
    return SessionFactory(partnership=partnership, title="Reflectie voorjaar")


def create_url(session) -> str:
    return reverse(
        "reflection:action_point_create", args=[session.partnership.slug, session.pk]
    )


def edit_url(point) -> str:
    return reverse(
        "reflection:action_point_edit", args=[point.partnership.slug, point.pk]
    )


def list_url(partnership) -> str:
    return reverse("reflection:action_point_list", args=[partnership.slug])


def form_token(client, session) -> str:
    page = client.get(create_url(session)).content.decode()
    return re.search(r'name="token" value="([^"]+)"', page).group(1)


def points():
    with scopes_disabled():
        return list(ActionPoint.objects.order_by("pk"))


def test_add_by_htmx(session, client_for):
    client = client_for("werkgroeplid")
    organisation = OrganisationFactory(partnership=session.partnership, name="ROC")
    response = client.post(
        create_url(session),
        {
            "title": "Doorstroommonitor afspreken",
            "theme_key": "monitoring",
            "owner_organisation": organisation.pk,
            "due_date": "2026-09-01",
            "status": "bezig",
            "token": form_token(client, session),
        },
        **HTMX,
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Doorstroommonitor afspreken" in page and "Monitoring" in page
    assert _("Action point added.") in page
    [point] = points()
    assert point.session == session and point.partnership == session.partnership
    assert point.owner_organisation == organisation
    assert point.status == ActionStatus.BEZIG


def test_add_without_javascript(session, client_for, member_of):
    client = client_for("coordinator")
    owner = member_of(session.partnership, "docent")
    with scopes_disabled():
        membership = Membership.objects.get(user=owner)
    response = client.post(
        create_url(session),
        {
            "title": "Visie op de agenda",
            "owner_member": membership.pk,
            "status": "open",
            "token": form_token(client, session),
        },
    )
    assert response.status_code == 302
    assert response["Location"].endswith("#action-points")
    [point] = points()
    assert point.owner_member == membership and point.theme_key == ""


def test_a_double_submit_makes_one_point(session, client_for):
    client = client_for("coordinator")
    data = {"title": "Eén keer", "status": "open", "token": form_token(client, session)}
    assert client.post(create_url(session), data, **HTMX).status_code == 200
    assert client.post(create_url(session), data, **HTMX).status_code == 200
    assert client.post(create_url(session), data).status_code == 302
    assert len(points()) == 1
    # A fresh form (a new token) adds the next one.
    data["token"] = form_token(client, session)
    client.post(create_url(session), data, **HTMX)
    assert len(points()) == 2


def test_two_owners_are_refused(session, client_for, member_of):
    client = client_for("coordinator")
    member_of(session.partnership, "werkgroeplid")
    with scopes_disabled():
        membership = Membership.objects.first()
    organisation = OrganisationFactory(partnership=session.partnership)
    response = client.post(
        create_url(session),
        {
            "title": "Twee eigenaren",
            "owner_member": membership.pk,
            "owner_organisation": organisation.pk,
            "status": "open",
            "token": form_token(client, session),
        },
        **HTMX,
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert _("Choose either a person or an organisation as owner, not both.") in page
    assert 'value="Twee eigenaren"' in page  # what was typed stays
    assert points() == []


def test_an_owner_of_another_partnership_is_refused(
    session, other_partnership, client_for
):
    client = client_for("coordinator")
    foreign = OrganisationFactory(partnership=other_partnership, name="Elders BV")
    response = client.post(
        create_url(session),
        {
            "title": "Vreemde eigenaar",
            "owner_organisation": foreign.pk,
            "status": "open",
            "token": form_token(client, session),
        },
    )
    assert response.status_code == 200
    assert "errorlist" in response.content.decode()
    assert points() == []


def test_missing_title_and_missing_token(session, client_for):
    client = client_for("coordinator")
    response = client.post(create_url(session), {"title": "", "status": "open"})
    page = response.content.decode()
    assert response.status_code == 200
    assert _("This form was incomplete. Please fill it in again.") in page
    assert re.search(r'name="token" value="[^"]+"', page)  # a fresh one to go on with
    assert points() == []


def test_edit_status_and_owner(session, client_for):
    point = ActionPointFactory(session=session, title="Oud", theme_key="relatie")
    client = client_for("coordinator")
    page = client.get(edit_url(point)).content.decode()
    assert 'value="Oud"' in page and 'name="token"' not in page
    response = client.post(
        edit_url(point),
        {"title": "Nieuw", "theme_key": "relatie", "status": "gereed"},
    )
    assert response.status_code == 302
    [saved] = points()
    assert (saved.title, saved.status) == ("Nieuw", ActionStatus.GEREED)


def test_edit_with_bad_input_saves_nothing(session, client_for):
    point = ActionPointFactory(session=session, title="Oud")
    response = client_for("coordinator").post(
        edit_url(point), {"title": "Nieuw", "status": "onbekend"}
    )
    assert response.status_code == 200
    assert points()[0].title == "Oud"


def test_readers_may_not_add_or_edit(session, client_for):
    point = ActionPointFactory(session=session)
    client = client_for("docent")
    assert client.get(create_url(session)).status_code == 403
    assert client.post(create_url(session), {"title": "x"}).status_code == 403
    assert client.get(edit_url(point)).status_code == 403
    assert client.post(edit_url(point), {"title": "x"}).status_code == 403
    assert client.get(list_url(session.partnership)).status_code == 200


def test_another_partnership_gets_404(session, other_partnership, client_for):
    point = ActionPointFactory(session=session)
    outsider = client_for("coordinator", partnership=other_partnership)
    assert outsider.get(create_url(session)).status_code == 404
    assert outsider.get(edit_url(point)).status_code == 404


def test_list_filters_by_status(
    partnership, session, client_for, django_assert_max_num_queries
):
    ActionPointFactory.create_batch(
        10, session=session, theme_key="relatie", status="open"
    )
    ActionPointFactory(session=session, title="Afgerond punt", status="gereed")
    other = SessionFactory(partnership=partnership, title="Reflectie najaar")
    ActionPointFactory.create_batch(5, session=other, theme_key="monitoring")
    client = client_for("docent")
    client.get(
        list_url(partnership) + "?status=bezig"
    )  # the guard remembers the partnership
    with django_assert_max_num_queries(8):
        page = client.get(list_url(partnership)).content.decode()
    assert "Afgerond punt" in page and "Reflectie najaar" in page
    page = client.get(list_url(partnership) + "?status=open").content.decode()
    assert "Afgerond punt" not in page and "Relatie" in page


def test_list_empty_state(partnership, client_for):
    page = client_for("docent").get(list_url(partnership)).content.decode()
    assert (
        _(
            "No action points yet. They are agreed in the last quarter of a reflection session."
        )
        in page
    )
