"""The route pages: list, create, detail, edit and delete, and who may do what."""

import pytest
from django.urls import reverse
from django.utils.html import escape
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled

from ..forms.routes import next_school_year
from ..models import Leerroute, Party
from .factories import (
    ConsentFactory,
    LeerrouteFactory,
    mbo_school,
    vo_school,
)

pytestmark = pytest.mark.django_db


def url(name: str, partnership, *args) -> str:
    return reverse(f"routes:{name}", args=[partnership.slug, *args])


def form_data(vo, mbo, **overrides) -> dict:
    values = {
        "name": "Techniek Rivierenland",
        "vmbo_locations": [o.pk for o in vo],
        "mbo_location": mbo.pk,
        "leerweg": "kb",
        "profile": "pie",
        "crebo": "25180",
        "qualification": "Eerste monteur elektrotechnische installaties",
        "mbo_leerweg": "bol",
        "start_year": "2027",
        "start_date": "",
        "duration_years": "4",
    }
    values.update(overrides)
    return values


def test_create_form_labels_schools_with_register_data(partnership, client_for):
    vo = vo_school(partnership, register_entry__place="TIEL", place="Tiel")
    mbo_school(partnership)
    page = (
        client_for("coordinator").get(url("route_create", partnership)).content.decode()
    )
    entry = vo.register_entry
    assert (
        f"{vo.name}, Tiel (BRIN {entry.brin}, {_('vestiging')} {entry.vestiging})"
        in page
    )
    assert _("Produceren, installeren en energie") in page
    assert f'value="{next_school_year()}"' in page  # the coming school year


def test_create_with_errors_shows_messages_and_keeps_input(partnership, client_for):
    vo, mbo = [vo_school(partnership)], mbo_school(partnership)
    client = client_for("coordinator")
    response = client.post(
        url("route_create", partnership),
        form_data(vo, vo[0], crebo="2518", mbo_location=vo[0].pk),
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert _("A crebo number is five digits, for example 25180.") in page
    assert response.context["form"].has_error("mbo_location", "invalid_choice")
    assert 'value="Techniek Rivierenland"' in page
    with scopes_disabled():
        assert not Leerroute.objects.exists()
    assert (
        client.post(url("route_create", partnership), form_data(vo, mbo)).status_code
        == 302
    )


def test_create_twice_makes_one_route(partnership, client_for):
    vo, mbo = [vo_school(partnership)], mbo_school(partnership)
    client = client_for("coordinator")
    client.post(url("route_create", partnership), form_data(vo, mbo))
    response = client.post(url("route_create", partnership), form_data(vo, mbo))
    assert (
        _("This partnership already has a route with this name.")
        in response.content.decode()
    )
    with scopes_disabled():
        assert Leerroute.objects.count() == 1


def test_create_refuses_vo_school_of_another_partnership(
    partnership, other_partnership, client_for
):
    foreign = vo_school(other_partnership)
    response = client_for("coordinator").post(
        url("route_create", partnership), form_data([foreign], mbo_school(partnership))
    )
    assert response.context["form"].has_error("vmbo_locations", "invalid_choice")
    with scopes_disabled():
        assert not Leerroute.objects.exists()


def test_form_without_schools_links_to_the_register(partnership, client_for):
    page = (
        client_for("coordinator").get(url("route_create", partnership)).content.decode()
    )
    assert (
        _(
            "This partnership has no vo school and no mbo school yet. A route needs at least one of each."
        )
        in page
    )
    assert reverse("partnerships:register_search", args=[partnership.slug]) in page


def test_stuurgroep_reads_but_cannot_create(partnership, client_for):
    route = LeerrouteFactory(partnership=partnership)
    client = client_for("stuurgroep")
    page = client.get(url("route_list", partnership)).content.decode()
    assert route.name in page and _("New leerroute") not in page
    detail = client.get(url("route_detail", partnership, route.pk)).content.decode()
    assert route.name in detail and _("Edit") not in detail
    vo, mbo = [vo_school(partnership)], mbo_school(partnership)
    assert (
        client.post(url("route_create", partnership), form_data(vo, mbo)).status_code
        == 403
    )
    assert client.get(url("route_edit", partnership, route.pk)).status_code == 403
    assert client.post(url("route_delete", partnership, route.pk)).status_code == 403


def test_list_queries_are_bounded(
    partnership, client_for, django_assert_max_num_queries
):
    for _n in range(8):
        LeerrouteFactory(
            partnership=partnership,
            vmbo_locations=[vo_school(partnership), vo_school(partnership)],
        )
    client = client_for("coordinator")
    client.get(url("route_list", partnership))
    with django_assert_max_num_queries(7):
        response = client.get(url("route_list", partnership))
    assert response.status_code == 200
    assert (
        _("%(done)s of %(total)s steps done")
        % {"done": 0, "total": response.context["routes"][0].steps_applicable}
        in response.content.decode()
    )


def test_list_empty_state(partnership, client_for):
    page = (
        client_for("coordinator").get(url("route_list", partnership)).content.decode()
    )
    assert (
        _(
            "No leerroutes yet. A route starts with its schools: one or more vmbo locations and the mbo school."
        )
        in page
    )


def test_edit_reports_kept_party(partnership, client_for):
    first, second = vo_school(partnership), vo_school(partnership)
    route = LeerrouteFactory(partnership=partnership, vmbo_locations=[first])
    with scopes_disabled():
        Party.objects.filter(route=route, organisation=first).update(
            signatory_name="drs. A. Voorbeeld"
        )
        mbo = route.mbo_location
    client = client_for("coordinator")
    response = client.post(
        url("route_edit", partnership, route.pk),
        form_data([second], mbo, name=route.name),
        follow=True,
    )
    page = response.content.decode()
    kept = _(
        "%(name)s is no longer one of the route's schools, but stays a party "
        "because a signatory, tasks, money or a council decision is recorded "
        "for it. Remove the party yourself if it must go."
    ) % {"name": first.name}
    assert escape(kept) in page
    with scopes_disabled():
        assert set(route.parties.values_list("organisation", flat=True)) == {
            first.pk,
            second.pk,
            mbo.pk,
        }


def _grown_route(partnership, schools: int):
    """A route with `schools` vmbo locations, a party each, and a council's decision
    for each of them: what the page lists (parties, consents) and what the step plan's
    answered items read (councils, DUO register, documents)."""
    locations = [vo_school(partnership) for _n in range(schools)]
    route = LeerrouteFactory(partnership=partnership, vmbo_locations=locations)
    for school in locations:
        ConsentFactory(route=route, organisation=school)
    return route


def test_detail_queries_do_not_grow_with_parties_and_consents(
    partnership, client_for, django_assert_max_num_queries
):
    client = client_for("coordinator")
    counts = []
    for schools in (1, 6):
        route = _grown_route(partnership, schools)
        address = url("route_detail", partnership, route.pk)
        client.get(address)  # the first visit saves the session
        # Parties and consents are read once for the page and its step plan's
        # councils, the made documents with the DUO register in one: within the 15
        # of every page.
        with django_assert_max_num_queries(14) as captured:
            response = client.get(address)
        assert response.status_code == 200
        assert route.name in response.content.decode()
        counts.append(len(captured))
    assert counts[0] == counts[1]
