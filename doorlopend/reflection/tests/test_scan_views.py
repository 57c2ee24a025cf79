"""A school's LOB-scan: who starts and reads it, what its page shows, and to whom."""

import pytest
from django.urls import reverse
from django_scopes import scopes_disabled

from ..models import ActionPoint, Session
from .factories import SessionFactory
from .scan_helpers import client_as, scan_of, school


@pytest.fixture
def schools(partnership):
    return school(partnership, "Het Rivercollege"), school(partnership, "Lingecollege")


def _url(name: str, partnership, *args) -> str:
    return reverse(f"reflection:{name}", args=[partnership.slug, *args])


@pytest.mark.django_db
def test_a_decaan_starts_a_scan_of_their_school(partnership, member_of, schools):
    a, _b = schools
    client = client_as(member_of, partnership, "decaan", a)
    page = client.get(_url("scan_overview", partnership))
    assert "Het Rivercollege" in page.content.decode()
    assert "Lingecollege" not in page.content.decode()  # not theirs: not offered
    response = client.post(
        _url("scan_start", partnership), {"school": a.pk, "date": "2026-11-20"}
    )
    with scopes_disabled():
        session = Session.objects.get(organisation=a)
    assert session.instrument.key == "lob-scan"
    assert "Het Rivercollege" in session.title
    assert response.url == _url("session_detail", partnership, session.pk)
    detail = client.get(response.url).content.decode()
    assert (
        _url("scan_school", partnership, a.pk) in detail
    )  # back to the school's scans
    # They run it on the facilitator page: open it for the team's phones.
    client.post(_url("session_state", partnership, session.pk), {"action": "open"})
    session.refresh_from_db()
    assert session.state == "open"


@pytest.mark.django_db
def test_a_decaan_cannot_start_another_schools_scan(partnership, member_of, schools):
    a, b = schools
    client = client_as(member_of, partnership, "decaan", a)
    response = client.post(
        _url("scan_start", partnership), {"school": b.pk, "date": "2026-11-20"}
    )
    assert response.status_code == 200
    assert "Kies een school waarvan jij de scan afneemt." in response.content.decode()
    with scopes_disabled():
        assert not Session.objects.exists()


@pytest.mark.django_db
def test_another_schools_decaan_and_a_werkgroeplid_never_see_a_scan(
    partnership, member_of, schools
):
    a, b = schools
    scan = scan_of(a)
    urls = [
        _url("session_detail", partnership, scan.pk),
        _url("session_radar", partnership, scan.pk),
        _url("session_presenter", partnership, scan.pk),
        _url("results_xlsx", partnership, scan.pk),
    ]
    for client in (
        client_as(member_of, partnership, "decaan", b),
        client_as(member_of, partnership, "werkgroeplid"),
    ):
        for url in urls:
            assert client.get(url).status_code == 404, url
    other = client_as(member_of, partnership, "decaan", b)
    assert other.get(_url("scan_school", partnership, a.pk)).status_code == 404
    assert (
        other.post(
            _url("session_state", partnership, scan.pk), {"action": "reopen"}
        ).status_code
        == 404
    )
    # The stuurgroep reads the overview only, never a school's page.
    stuurgroep = client_as(member_of, partnership, "stuurgroep")
    assert stuurgroep.get(_url("scan_school", partnership, a.pk)).status_code == 403
    assert stuurgroep.get(_url("scan_overview", partnership)).status_code == 200
    # Nor is it in the partnership's list of sessions.
    listing = client_as(member_of, partnership, "coordinator").get(
        _url("session_list", partnership)
    )
    assert scan.title not in listing.content.decode()


@pytest.mark.django_db
def test_the_coordinator_reads_a_scan_but_does_not_run_it(
    partnership, member_of, schools
):
    a, _b = schools
    scan = scan_of(a, state="open")
    coordinator = client_as(member_of, partnership, "coordinator")
    assert coordinator.get(_url("scan_school", partnership, a.pk)).status_code == 200
    assert (
        coordinator.get(_url("session_detail", partnership, scan.pk)).status_code == 200
    )
    response = coordinator.post(
        _url("session_state", partnership, scan.pk), {"action": "close"}
    )
    assert response.status_code == 403


@pytest.mark.django_db
def test_a_decaan_does_not_run_the_partnerships_sessions(
    partnership, member_of, schools
):
    session = SessionFactory(partnership=partnership)
    decaan = client_as(member_of, partnership, "decaan", schools[0])
    response = decaan.post(
        _url("session_phase", partnership, session.pk), {"phase": "bespreken"}
    )
    assert response.status_code == 403


@pytest.mark.django_db
def test_the_school_page_shows_elements_lines_disagreements_and_weak_ones(
    partnership, member_of, schools
):
    a, _b = schools
    low = {"ouders-1", "ouders-2"}
    values = iter([1, 5, 3] * 40)
    scan_of(
        a,
        value=lambda key: (
            2 if key in low else next(values) if key == "praktijk-1" else 4
        ),
    )
    page = client_as(member_of, partnership, "decaan", a).get(
        _url("scan_school", partnership, a.pk)
    )
    body = page.content.decode()
    assert "Per OCW-actielijn" in body
    assert "Betere samenwerking bij de onderwijsovergangen" in body
    assert "radar.svg" in body
    # The weakest element is offered as an action point; the largest disagreement named.
    assert (
        'Maak er een actiepunt van<span class="visually-hidden">: Waar mogelijk ouders betrekken'
        in body
    )
    disagreements = body.split("Waar het team het meest verschilt")[1]
    assert (
        "Elke leerling doet op onze school elk jaar echte praktijkervaring"
        in disagreements
    )


@pytest.mark.django_db
def test_fewer_than_three_answers_show_no_figure(partnership, member_of, schools):
    a, _b = schools
    scan_of(a, people=2, value=1)
    body = (
        client_as(member_of, partnership, "decaan", a)
        .get(_url("scan_school", partnership, a.pk))
        .content.decode()
    )
    assert "Te weinig mensen hebben geantwoord" in body
    assert "Per element" not in body
    assert "Maak er een actiepunt van" not in body


@pytest.mark.django_db
def test_a_weak_element_becomes_the_schools_action_point_once(
    partnership, member_of, schools
):
    a, _b = schools
    scan = scan_of(a, value=lambda key: 2 if key.startswith("ouders") else 4)
    user = member_of(partnership, "decaan", organisation=a)
    client = client_as(member_of, partnership, "portefeuillehouder", a)
    client.force_login(user)
    url = _url("scan_action_point", partnership, scan.pk)
    for _click in range(2):
        response = client.post(url, {"element": "ouders"})
        assert response.status_code == 302
    with scopes_disabled():
        point = ActionPoint.objects.get()
        assert point.owner_member.user == user
        assert point.owner_organisation == a
        assert point.theme_key == "ouders"
        assert "Waar mogelijk ouders betrekken" in point.title
    body = client.get(_url("scan_school", partnership, a.pk)).content.decode()
    assert f"actiepunt: {point.title}" in body
    # Another school's decaan cannot make one.
    other = client_as(member_of, partnership, "decaan", schools[1])
    assert other.post(url, {"element": "ouders"}).status_code == 404


@pytest.mark.django_db
def test_the_trend_over_two_yearly_scans(partnership, member_of, schools):
    import datetime

    a, _b = schools
    scan_of(a, value=2, date=datetime.date(2025, 11, 1))
    scan_of(a, value=4, date=datetime.date(2026, 11, 1))
    body = (
        client_as(member_of, partnership, "decaan", a)
        .get(_url("scan_school", partnership, a.pk))
        .content.decode()
    )
    trend = body.split("Door de jaren heen")[1]
    assert "1 nov. 2025" in trend and "1 nov. 2026" in trend
    assert "2,0 hoger dan de vorige sessie" in trend


@pytest.mark.django_db
def test_the_scan_pages_queries_are_bounded(
    partnership, member_of, schools, django_assert_max_num_queries
):
    """The same number of queries for three schools with one scan each as for five
    schools, one with three yearly scans: no query per school or per scan."""
    import datetime

    a, b = schools
    others = [school(partnership, name) for name in ("Pontes", "Walburg", "Rivieren")]
    for s in (a, b, *others):
        scan_of(s)
    for year in (2024, 2025):
        scan_of(a, date=datetime.date(year, 11, 1))
    coordinator = client_as(member_of, partnership, "coordinator")
    with django_assert_max_num_queries(12):
        assert coordinator.get(_url("scan_overview", partnership)).status_code == 200
    with django_assert_max_num_queries(15):
        assert (
            coordinator.get(_url("scan_school", partnership, a.pk)).status_code == 200
        )


@pytest.mark.django_db
def test_another_partnership_finds_no_scan(
    partnership, other_partnership, member_of, schools
):
    a, _b = schools
    scan = scan_of(a)
    theirs = school(other_partnership, "Zeeuws College")
    outsider = client_as(member_of, other_partnership, "decaan", theirs)
    for url in (
        # Their own slug with our ids, and our slug (they are no member here).
        _url("scan_school", other_partnership, a.pk),
        _url("session_detail", other_partnership, scan.pk),
        _url("scan_school", partnership, a.pk),
        _url("scan_overview", partnership),
    ):
        assert outsider.get(url).status_code == 404, url
    response = outsider.post(
        _url("scan_action_point", other_partnership, scan.pk), {"element": "ouders"}
    )
    assert response.status_code == 404
    with scopes_disabled():
        assert not ActionPoint.objects.exists()


@pytest.mark.django_db
def test_a_school_with_a_scan_is_not_removed_and_says_why(
    partnership, member_of, schools
):
    a, _b = schools
    scan_of(a)
    coordinator = client_as(member_of, partnership, "coordinator")
    url = reverse("partnerships:organisation_delete", args=[partnership.slug, a.pk])
    page = coordinator.post(url, follow=True).content.decode()
    assert "LOB-scans" in page and "kan niet worden verwijderd" in page
    with scopes_disabled():
        assert Session.objects.filter(organisation=a).exists()
