"""The dates page: registration deadline and start check per year of transition."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django_scopes import scopes_disabled

from doorlopend.transitions.models import CohortSettings, Signal

from .factories import TransitionFactory

pytestmark = pytest.mark.django_db
D = datetime.date


def url(partnership):
    return reverse("transitions:cohort_settings", args=[partnership.slug])


def post(client, partnership, cohort, deadline, check, **extra):
    return client.post(
        url(partnership),
        {
            "cohort": cohort,
            f"y{cohort}-registration_deadline": deadline,
            f"y{cohort}-start_check_on": check,
            **extra,
        },
    )


def rows(partnership):
    with scopes_disabled():
        return list(
            CohortSettings.objects.filter(partnership=partnership).values_list(
                "cohort", "registration_deadline", "start_check_on"
            )
        )


def test_the_page_shows_every_year_with_its_dates(client_for, partnership):
    TransitionFactory(partnership=partnership, cohort=2021)
    response = client_for("coordinator").get(url(partnership))
    assert response.status_code == 200
    page = response.content.decode()
    this_year = timezone.localdate().year
    for year in (2021, this_year, this_year + 1):
        assert f'id="year-{year}"' in page
    assert 'value="2021-04-01"' in page and 'value="2021-10-01"' in page
    assert gettext("default dates") in page


def test_saving_dates_stores_them_and_re_evaluates_the_signals(client_for, partnership):
    transition = TransitionFactory(partnership=partnership, cohort=2021)
    response = post(
        client_for("coordinator"), partnership, 2021, "2021-05-01", "2021-09-15"
    )
    assert response.status_code == 302
    assert response.url.endswith("#year-2021")
    assert rows(partnership) == [(2021, D(2021, 5, 1), D(2021, 9, 15))]
    with scopes_disabled():
        kinds = set(
            Signal.objects.filter(transition=transition).values_list(
                "kind", "raised_on"
            )
        )
    assert ("no_registration", D(2021, 5, 1)) in kinds
    page = client_for("coordinator").get(response.url)
    assert page.status_code == 200


def test_the_defaults_can_be_restored(client_for, partnership):
    client = client_for("coordinator")
    post(client, partnership, 2021, "2021-05-01", "2021-09-15")
    TransitionFactory(partnership=partnership, cohort=2021)
    post(client, partnership, 2021, "", "", reset="1")
    assert rows(partnership) == []


@pytest.mark.parametrize(
    ("deadline", "check", "field", "message"),
    [
        (
            "2020-04-01",
            "2021-10-01",
            "registration_deadline",
            "The registration deadline must lie in %(year)s, the year of transition.",
        ),
        (
            "2021-04-01",
            "2021-04-01",
            "start_check_on",
            "The start check must come after the registration deadline.",
        ),
        ("2021-02-30", "2021-10-01", "registration_deadline", "Enter a valid date."),
    ],
)
def test_invalid_dates_are_refused_with_a_clear_message(
    client_for, partnership, deadline, check, field, message
):
    TransitionFactory(partnership=partnership, cohort=2021)
    response = post(client_for("coordinator"), partnership, 2021, deadline, check)
    assert response.status_code == 200
    assert rows(partnership) == []
    form = {year.cohort: f for year, f in response.context["years"]}[2021]
    expected = gettext(message)
    if "%(year)s" in message:
        expected = expected % {"year": 2021}
    assert form.errors[field] == [expected]
    page = response.content.decode()
    assert expected in page
    assert f'value="{deadline}"' in page  # what was typed is shown again


def test_an_unknown_year_is_a_bad_request(client_for, partnership):
    response = post(client_for("coordinator"), partnership, "1850", "x", "y")
    assert response.status_code == 400


@pytest.mark.parametrize("role", ["decaan", "stuurgroep", "mentor", "privacy_officer"])
def test_other_roles_may_not_set_dates(client_for, partnership, role):
    client = client_for(role)
    assert client.get(url(partnership)).status_code == 403
    year = timezone.localdate().year
    response = post(client, partnership, year, f"{year}-05-01", f"{year}-10-01")
    assert response.status_code == 403
    assert rows(partnership) == []


def test_another_partnerships_coordinator_gets_404(
    client_for, partnership, other_partnership
):
    client = client_for("coordinator", partnership=other_partnership)
    assert client.get(url(partnership)).status_code == 404
    year = timezone.localdate().year
    response = post(client, partnership, year, f"{year}-05-01", f"{year}-10-01")
    assert response.status_code == 404
    assert rows(partnership) == []


def test_dates_page_queries(client_for, partnership, django_assert_max_num_queries):
    for year in range(2015, 2027):
        TransitionFactory(partnership=partnership, cohort=year)
        CohortSettings.objects.create(
            partnership=partnership,
            cohort=year,
            registration_deadline=D(year, 5, 1),
            start_check_on=D(year, 9, 1),
        )
    client = client_for("coordinator")
    # 8 for session, guard and navigation; 2 for the page, whatever the number of years.
    with django_assert_max_num_queries(10):
        assert client.get(url(partnership)).status_code == 200
