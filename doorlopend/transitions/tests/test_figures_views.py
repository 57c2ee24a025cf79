"""The monitor's start page, its charts and the dashboard card: figures only, small ones hidden."""

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.urls import reverse
from django.utils.translation import gettext
from django_scopes import scope

from doorlopend.partnerships.access import membership_for
from doorlopend.partnerships.roles import Role
from doorlopend.transitions.suppression import passes
from doorlopend.transitions.tests.figures_helpers import (
    RECOGNISABLE,
    make,
    school,
    started,
)

pytestmark = pytest.mark.django_db
K = 5


def url(partnership, url_name="transitions:home", **kwargs):
    return reverse(url_name, kwargs={"partnership_slug": partnership.slug, **kwargs})


@pytest.fixture
def data(partnership, settings):
    """A school of 30 with 4 on a leerroute, and a school of 4: both must stay hidden."""
    settings.TRANSITIONS_MIN_CELL = K
    big = school(partnership, "Groot College")
    middle = school(partnership, "Middel College")
    small = school(partnership, "Klein College")
    mbo = school(partnership, "Mbo Rivier", kind="mbo")
    make(
        partnership,
        26,
        sending_organisation=big,
        receiving_organisation=mbo,
        name=RECOGNISABLE,
        **started(),
    )
    make(
        partnership,
        4,
        sending_organisation=big,
        receiving_organisation=mbo,
        route_kind="dlr",
        route_name="DLR Zorg",
        **started(),
    )
    make(
        partnership,
        20,
        sending_organisation=middle,
        receiving_organisation=mbo,
        **started(),
    )
    make(partnership, 4, sending_organisation=small, status="havo")
    return {"big": big, "small": small, "middle": middle, "mbo": mbo}


def shown_cells(figures):
    for group in [*figures.groups, figures.total]:
        for line in group.lines:
            yield line.pupils.count, line.pupils.count
            for key, shown in line.figures.items():
                base = line.figures["year_base"] if key == "retained" else line.pupils
                if not shown.hidden:
                    yield shown.count, base.count


@pytest.mark.parametrize("dimension", ["sending", "receiving", "sector", "route"])
def test_no_small_number_on_the_page(client_for, partnership, data, dimension):
    response = client_for("stuurgroep").get(
        url(partnership), {"cohort": 2025, "dimension": dimension}
    )
    assert response.status_code == 200
    figures = response.context["figures"]
    for count, base in shown_cells(figures):
        if count is not None:
            assert passes(count, base, K), (count, base)
    html = response.content.decode()
    assert "Klein College" not in html  # 4 pupils: merged into "other"
    big = (
        next(g for g in figures.groups if g.label == "Groot College")
        if dimension == "sending"
        else None
    )
    if big:
        assert big.line("leerroute").pupils.hidden
        assert big.line("regulier").pupils.hidden  # else 30 − 26 gives the 4 away


@pytest.mark.parametrize("role", list(Role))
def test_no_pupil_names_for_any_role(client_for, partnership, data, role):
    client = client_for(role)
    for url_name, extra in [
        ("transitions:home", {}),
        ("transitions:sankey", {}),
        ("transitions:chart", {"name": "groups"}),
        ("transitions:chart", {"name": "funnel"}),
    ]:
        response = client.get(url(partnership, url_name, **extra), {"cohort": 2025})
        assert response.status_code == 200, url_name
        assert RECOGNISABLE not in response.content.decode(), url_name


def test_links_to_the_members_own_pages(client_for, partnership, data, member_of):
    from django.test import Client

    decaan = Client()
    decaan.force_login(member_of(partnership, "decaan", organisation=data["big"]))
    html = decaan.get(url(partnership)).content.decode()
    assert url(partnership, "transitions:pupil_list", school_id=data["big"].pk) in html
    assert url(partnership, "transitions:signal_list", school_id=data["big"].pk) in html
    assert url(partnership, "transitions:import_list") in html
    stuurgroep = client_for("stuurgroep").get(url(partnership)).content.decode()
    assert "/leerlingen/" not in stuurgroep and "/signalen/" not in stuurgroep
    coordinator = client_for("coordinator").get(url(partnership)).content.decode()
    assert url(partnership, "transitions:cohort_settings") in coordinator
    officer = Client()
    officer.force_login(
        member_of(partnership, "privacy_officer", organisation=data["big"])
    )
    assert url(partnership, "transitions:privacy_log", school_id=data["big"].pk) in (
        officer.get(url(partnership)).content.decode()
    )


def test_empty_state_explains_how_data_gets_in(client_for, partnership):
    response = client_for("stuurgroep").get(url(partnership))
    assert response.status_code == 200
    assert gettext("No figures yet") in response.content.decode()
    assert gettext("Ask the decanen of your schools to upload their files.") in (
        response.content.decode()
    )


def test_bad_filter_values_fall_back(client_for, partnership, data):
    response = client_for("stuurgroep").get(
        url(partnership), {"cohort": "1999", "dimension": "shoe size"}
    )
    assert response.status_code == 200
    assert response.context["figures"].cohort == 2025
    assert response.context["figures"].dimension == "sending"


def test_home_queries(client_for, partnership, data, django_assert_max_num_queries):
    client = client_for("stuurgroep")
    client.get(url(partnership))  # the first visit writes the session
    # session, user, membership, roles, switcher; cohorts, deadline, the GROUP BY.
    with django_assert_max_num_queries(8):
        assert client.get(url(partnership)).status_code == 200


def test_chart_is_an_svg_without_script(client_for, partnership, data):
    response = client_for("stuurgroep").get(
        url(partnership, "transitions:chart", name="funnel"), {"cohort": 2025}
    )
    assert response["Content-Type"] == "image/svg+xml"
    assert b"<script" not in response.content
    bad = client_for("stuurgroep").get(
        url(partnership, "transitions:chart", name="pie")
    )
    assert bad.status_code == 404


@pytest.mark.parametrize(
    ("url_name", "extra"),
    [
        ("transitions:home", {}),
        ("transitions:sankey", {}),
        ("transitions:figures_export", {}),
        ("transitions:chart", {"name": "groups"}),
    ],
)
def test_other_partnership_gets_404(
    client_for, other_partnership, partnership, data, url_name, extra
):
    client = client_for("coordinator", partnership=other_partnership)
    assert client.get(url(partnership, url_name, **extra)).status_code == 404


def test_dashboard_card(partnership, data, member_of):
    user = member_of(partnership, "stuurgroep")
    request = RequestFactory().get("/")
    request.user = user
    request.membership = membership_for(user=user, slug=partnership.slug)
    request.partnership = partnership
    with scope(partnership=partnership):
        html = Template(
            "{% load transitions_dashboard %}{% transitions_card %}"
        ).render(Context({"request": request}))
    assert gettext("Doorstroom") in html
    assert "54" in html  # 26 + 4 + 20 + 4 pupils in 2025
    assert RECOGNISABLE not in html


def test_charts_hold_no_small_group(client_for, partnership, data):
    client = client_for("stuurgroep")
    for chart in ("groups", "funnel"):
        svg = client.get(
            url(partnership, "transitions:chart", name=chart), {"cohort": 2025}
        ).content.decode()
        assert "Klein College" not in svg
        assert RECOGNISABLE not in svg
