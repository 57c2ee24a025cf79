"""A session names its leerroute: only this partnership's, shown by name, linked, exported."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.html import escape
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled

from doorlopend.core.testing.pdf import pdf_text
from doorlopend.routes.tests.factories import LeerrouteFactory

from .. import services
from ..choices import State
from ..forms.sessions import SessionForm
from ..models import Session
from .factories import SessionFactory, instrument
from .test_export import rows, workbook
from .test_report import build_pdf, filled_session, in_report_language

pytestmark = pytest.mark.django_db


def url(name: str, partnership, *args) -> str:
    return reverse(f"reflection:{name}", args=[partnership.slug, *args])


def route_of(partnership, name: str):
    return LeerrouteFactory(
        partnership=partnership, name=name, parties=False, step_plan=False
    )


def route_link(route) -> str:
    href = reverse("routes:route_detail", args=[route.partnership.slug, route.pk])
    return f'<a href="{href}">{escape(route.name)}</a>'


def test_the_form_offers_only_this_partnerships_routes(
    partnership, other_partnership, client_for
):
    own = route_of(partnership, "Techniek Tiel")
    other = route_of(other_partnership, "Zorg Middelburg")
    page = client_for("coordinator").get(url("session_create", partnership))
    field = page.context["form"].fields["leerroute"]
    with scopes_disabled():
        assert list(field.queryset) == [own]
    body = page.content.decode()
    assert f'<option value="{own.pk}">Techniek Tiel</option>' in body
    assert "Zorg Middelburg" not in body
    assert other.pk != own.pk


def test_another_partnerships_route_is_refused(
    partnership, other_partnership, client_for
):
    other = route_of(other_partnership, "Zorg Middelburg")
    response = client_for("coordinator").post(
        url("session_create", partnership),
        {
            "instrument": instrument().pk,
            "title": "Reflectie juni",
            "date": "2026-06-12",
            "leerroute": other.pk,
        },
    )
    assert response.status_code == 200
    assert response.context["form"].has_error("leerroute", "invalid_choice")
    assert escape(_("Choose a leerroute of this partnership.")) in (
        response.content.decode()
    )
    with scopes_disabled():
        assert not Session.objects.exists()


def test_the_service_refuses_another_partnerships_route(partnership, other_partnership):
    other = route_of(other_partnership, "Zorg Middelburg")
    with pytest.raises(ValidationError) as caught, scopes_disabled():
        services.session_create(
            partnership=partnership,
            instrument=instrument(),
            title="Reflectie",
            date="2026-06-12",
            leerroute=other,
            by=None,
        )
    assert caught.value.error_dict["leerroute"][0].code == "route_outside"


def test_create_and_edit_with_a_route(partnership, client_for):
    route = route_of(partnership, "Techniek Tiel")
    client = client_for("werkgroeplid")
    form = client.get(url("session_create", partnership) + f"?leerroute={route.pk}")
    assert form.context["form"]["leerroute"].value() == str(route.pk)
    client.post(
        url("session_create", partnership),
        {
            "instrument": instrument().pk,
            "title": "Reflectie juni",
            "date": "2026-06-12",
            "leerroute": route.pk,
        },
    )
    with scopes_disabled():
        session = Session.objects.get()
    assert session.leerroute == route
    client.post(
        url("session_edit", partnership, session.pk),
        {"title": "Reflectie juni", "date": "2026-06-12", "leerroute": ""},
    )
    session.refresh_from_db()
    assert session.leerroute is None


def test_pages_show_the_route_by_name_with_a_link_or_the_old_label(
    partnership, client_for
):
    route = route_of(partnership, "Techniek Tiel")
    linked = SessionFactory(partnership=partnership, leerroute=route)
    legacy = SessionFactory(partnership=partnership, route_label="Zorg & welzijn")
    client = client_for("docent")
    listing = client.get(url("session_list", partnership)).content.decode()
    assert route_link(route) in listing
    assert escape("Zorg & welzijn") in listing
    detail = client.get(url("session_detail", partnership, linked.pk))
    assert route_link(route) in detail.content.decode()
    detail = client.get(url("session_detail", partnership, legacy.pk))
    assert f"<span>{escape('Zorg & welzijn')}</span>" in detail.content.decode()


def test_the_old_label_is_shown_but_not_edited(partnership, client_for):
    session = SessionFactory(partnership=partnership, route_label="Zorg en welzijn")
    client = client_for("coordinator")
    page = client.get(url("session_edit", partnership, session.pk)).content.decode()
    assert "route_label" not in page
    assert "“Zorg en welzijn”" in page
    with scopes_disabled():
        assert "route_label" not in SessionForm(partnership=partnership).fields
    client.post(
        url("session_edit", partnership, session.pk),
        {"title": "Nieuw", "date": "2026-06-12", "route_label": "Iets anders"},
    )
    session.refresh_from_db()
    assert (session.title, session.route_label) == ("Nieuw", "Zorg en welzijn")


def test_pdf_and_xlsx_show_the_leerroute_name(partnership, client_for):
    route = route_of(partnership, "Techniek Tiel")
    session = filled_session(partnership, leerroute=route)
    text = pdf_text(build_pdf(session))
    # The cover's labels are set in capitals.
    assert f"{in_report_language('Route').upper()} Techniek Tiel" in text
    wb = workbook(client_for("docent"), session)
    overview = {r[0]: r[1] for r in rows(wb[_("Overview")])[1:]}
    assert overview[_("Route")] == "Techniek Tiel"


def test_xlsx_shows_the_old_label_without_a_route(partnership, client_for):
    session = filled_session(partnership, route_label="Zorg en welzijn")
    wb = workbook(client_for("docent"), session)
    overview = {r[0]: r[1] for r in rows(wb[_("Overview")])[1:]}
    assert overview[_("Route")] == "Zorg en welzijn"


def test_deleting_the_route_keeps_the_session(partnership):
    route = route_of(partnership, "Techniek Tiel")
    session = SessionFactory(
        partnership=partnership, leerroute=route, state=State.CLOSED
    )
    with scopes_disabled():
        route.delete()
        session.refresh_from_db()
    assert session.leerroute is None
