"""The public progress page ("Deel de voortgang en resultaten"): off until the
coördinator switches it on, only aggregates, no login, no cookie, an unguessable link."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_scopes import scopes_disabled

from doorlopend.core.submit_once import FIELD
from doorlopend.core.testing.forms import submit_once_key
from doorlopend.knowledge.tests.factories import PracticeFactory
from doorlopend.national.models import ProgressPage
from doorlopend.national.services import progress_page_set
from doorlopend.partnerships.tests.factories import MembershipFactory
from doorlopend.planning.tests.factories import GoalFactory

from .world import fill


def _settings_url(partnership) -> str:
    return reverse("national_position:progress_page", args=[partnership.slug])


def _public(page) -> str:
    return reverse("national_public:progress", args=[page.token])


def _switch_on(
    partnership, figures=("reflection", "programme", "routes", "transitions")
):
    with scopes_disabled():
        by = MembershipFactory(partnership=partnership)
    return progress_page_set(
        partnership=partnership,
        is_public=True,
        figures=list(figures),
        noindex=True,
        by=by,
    )


def test_the_coordinator_switches_it_on_and_chooses_figures(client_for, partnership):
    client = client_for("coordinator")
    response = client.post(
        _settings_url(partnership),
        {"is_public": "1", "figures": ["routes", "reflection"], "noindex": "on"},
    )
    assert response.status_code == 302
    page = ProgressPage.objects.get(partnership=partnership)
    assert page.is_public
    assert page.figures == ["reflection", "routes"]
    assert len(page.token) >= 40
    settings_page = client.get(response["Location"]).content.decode()
    assert "Deel de voortgang en resultaten" in settings_page
    assert _public(page) in settings_page


def test_no_choice_changes_nothing_and_says_so(client_for, partnership):
    response = client_for("coordinator").post(
        _settings_url(partnership), {}, follow=True
    )
    assert "Kies of de pagina aan of uit staat." in response.content.decode()
    assert not ProgressPage.objects.exists()


def test_only_the_coordinator_decides(client_for, partnership, other_partnership):
    data = {"is_public": "1"}
    assert (
        client_for("stuurgroep").post(_settings_url(partnership), data).status_code
        == 403
    )
    other = _settings_url(other_partnership)
    assert client_for("coordinator").post(other, data).status_code == 404
    assert not ProgressPage.objects.exists()


def test_the_public_page_shows_aggregates_without_login_or_cookie(partnership):
    fill(partnership, level=3, pupils=12)
    GoalFactory(
        partnership=partnership, title="Meer leerlingen in een doorlopende route"
    )
    practice = PracticeFactory(
        partnership=partnership,
        title="Stage in de zorg",
        published=True,
        is_public=True,
        public_since=timezone.now(),
    )
    PracticeFactory(partnership=partnership, title="Nog geheim concept")
    page = _switch_on(partnership)
    client = Client()
    response = client.get(_public(page))
    assert response.status_code == 200
    html = response.content.decode()
    assert partnership.name in html
    assert "Meer leerlingen in een doorlopende route" in html
    assert "Stage in de zorg" in html
    assert reverse("knowledge_public:practice", args=[practice.pk]) in html
    assert "Nog geheim concept" not in html
    assert "Voortgang op de checklist" in html
    assert "Praktijkervaring" in html
    assert "Techniek" in html or "Produceren" in html
    assert 'name="robots" content="noindex' in html
    assert response["X-Robots-Tag"].startswith("noindex")
    # The same page for everyone: cacheable, no cookie set, no variation on one.
    assert "public" in response["Cache-Control"]
    assert "Cookie" not in response.get("Vary", "")
    assert not response.cookies
    assert "csrfmiddlewaretoken" not in html
    # Pupils: 12 in all, 6 per line — every shown count is at least k.
    counts = [int(c) for c in _data_counts(html) if c]
    assert counts and all(c == 0 or c >= 5 for c in counts)


def test_a_switched_off_page_and_an_old_link_are_not_found(partnership):
    page = _switch_on(partnership)
    old = _public(page)
    with scopes_disabled():
        by = MembershipFactory(partnership=partnership)
    progress_page_set(
        partnership=partnership,
        is_public=True,
        figures=[],
        noindex=False,
        new_link=True,
        by=by,
    )
    assert Client().get(old).status_code == 404
    page.refresh_from_db()
    assert Client().get(_public(page)).status_code == 200
    progress_page_set(
        partnership=partnership, is_public=False, figures=[], noindex=False, by=by
    )
    assert Client().get(_public(page)).status_code == 404
    assert Client().get("/voortgang/raad-maar/").status_code == 404


def test_figures_not_chosen_are_not_shown(partnership):
    fill(partnership, level=3, pupils=12)
    page = _switch_on(partnership, figures=[])
    html = Client().get(_public(page)).content.decode()
    assert "Reflectie: ons gemiddelde per thema" not in html
    assert "Doorstroom: de kerncijfers" not in html


def test_unknown_figures_are_refused(partnership):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        _switch_on(partnership, figures=["names"])


def test_the_public_page_query_count_is_bounded(
    partnership, django_assert_max_num_queries
):
    fill(partnership, level=3, pupils=12)
    page = _switch_on(partnership)
    Client().get(_public(page))  # the first visit of the day fills the day's figures
    with django_assert_max_num_queries(15):
        assert Client().get(_public(page)).status_code == 200


def _data_counts(html: str) -> list[str]:
    import re

    return re.findall(r'data-count="(\d*)"', html)


def test_asking_for_a_new_link_twice_by_one_press_changes_it_once(
    client_for, partnership
):
    old = _switch_on(partnership).token
    client = client_for("coordinator")
    settings_page = client.get(
        reverse("partnerships:settings", args=[partnership.slug])
    )
    form = {
        "is_public": "1",
        "figures": ["routes"],
        "new_link": "on",
        FIELD: submit_once_key(settings_page.content.decode()),
    }
    client.post(_settings_url(partnership), form)
    new = ProgressPage.objects.get(partnership=partnership).token
    client.post(_settings_url(partnership), form)
    assert new != old
    assert ProgressPage.objects.get(partnership=partnership).token == new
    shown = client.get(reverse("partnerships:settings", args=[partnership.slug]))
    assert reverse("national_public:progress", args=[new]) in shown.content.decode()
