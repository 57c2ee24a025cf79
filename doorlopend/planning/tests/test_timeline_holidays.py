"""Holidays on the timeline, in the download and on the activity form: warned, not refused."""

import datetime
import re

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone, translation
from django_scopes import scopes_disabled
from icalendar import Calendar

from ..models import Activity
from ..selectors import timeline as selectors
from .factories import ActivityFactory

pytestmark = pytest.mark.django_db

CHRISTMAS = datetime.date(2026, 12, 25)


@pytest.fixture(autouse=True)
def dutch():
    with translation.override("nl"):
        yield


@pytest.fixture
def zuid(partnership):
    partnership.school_region = "zuid"
    partnership.save()
    return partnership


def at(day, hour=19):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def timeline_url(p, year=2026):
    return reverse("planning:timeline", args=[p.slug]) + f"?jaar={year}"


def test_timeline_months_carry_their_holidays(zuid):
    with scopes_disabled():
        result = selectors.timeline(partnership=zuid, year=2026)
    december = result.months[4]
    names = [d.name for d in december.days_off]
    assert names == ["kerstvakantie", "Eerste kerstdag", "Tweede kerstdag"]
    january = result.months[5]
    assert january.days_off[0].name == "kerstvakantie"  # it runs on into January
    # Bands on the axis: each school holiday once, inside the year.
    bands = result.bands
    assert len(bands) == len({b.day_off for b in bands})
    assert all(b.start >= 0 and b.start + b.width <= 100.01 for b in bands)


def test_timeline_page_shows_the_holidays_and_warns_about_christmas_day(
    zuid, client_for
):
    ActivityFactory(partnership=zuid, title="Ouderavond", starts_at=at(CHRISTMAS))
    html = client_for("stuurgroep").get(timeline_url(zuid)).content.decode()
    assert "Schoolvakanties van regio zuid." in html
    assert "Kerstvakantie" in html
    assert "Eerste kerstdag" in html
    item = re.search(r'<li class="timeline-item[^"]*has-warning.*?</li>', html, re.S)
    assert item and "Ouderavond" in item.group()
    assert "Deze datum valt in de kerstvakantie (regio zuid)." in item.group()


def test_the_region_decides_which_holidays_show(partnership, client_for):
    partnership.school_region = "noord"
    partnership.save()
    html = client_for("stuurgroep").get(timeline_url(partnership)).content.decode()
    # Noord's herfstvakantie starts 10 October 2026; zuid's on the 17th.
    assert '<time datetime="2026-10-10">' in html
    assert '<time datetime="2026-10-17">' not in html


def test_agenda_structure_each_month_a_heading_each_item_a_dated_row(zuid, client_for):
    """The phone's agenda is this HTML, unstyled: months in order, each with its own
    heading, each item a list row that starts with its date."""
    ActivityFactory(partnership=zuid, title="Meeloopdag", starts_at=at(CHRISTMAS, 9))
    html = client_for("stuurgroep").get(timeline_url(zuid)).content.decode()
    months = re.findall(r'<li class="timeline-month[^"]*">\s*<h2>([^<]+)</h2>', html)
    assert months[0] == "augustus 2026" and months[-1] == "juli 2027"
    assert len(months) == 12
    row = re.search(
        r'<li class="timeline-item[^>]*>\s*<time datetime="2026-12-25">', html
    )
    assert row, "an item row starts with its date"


def test_a_held_or_cancelled_activity_carries_no_warning(zuid):
    ActivityFactory(
        partnership=zuid, title="Afgelast", starts_at=at(CHRISTMAS), status="cancelled"
    )
    with scopes_disabled():
        result = selectors.timeline(partnership=zuid, year=2026)
    (item,) = [i for m in result.months for i in m.items]
    assert item.warnings == []


def form_data(day, **extra):
    return {
        "title": "Ouderavond",
        "kind": "bijeenkomst",
        "date": day.isoformat(),
        "start_time": "19:00",
        "end_time": "",
        "place": "",
        "materials": "",
        "costs": "0",
        "status": "planned",
        "evaluation": "",
        **extra,
    }


def test_planning_on_christmas_day_saves_and_warns(zuid, client_for):
    client = client_for("coordinator", partnership=zuid)
    response = client.post(
        reverse("planning:activity_create", args=[zuid.slug]), form_data(CHRISTMAS)
    )
    assert response.status_code == 302
    with scopes_disabled():
        activity = Activity.objects.get(partnership=zuid, title="Ouderavond")
    shown = [(m.level_tag, str(m)) for m in get_messages(response.wsgi_request)]
    assert ("warning", "Deze datum valt in de kerstvakantie (regio zuid).") in shown
    assert ("warning", "Deze datum is een feestdag: Eerste kerstdag.") in shown
    page = client.get(response["Location"]).content.decode()
    assert "Deze datum valt in de kerstvakantie (regio zuid)." in page  # still said
    assert activity.title in page


def test_planning_on_a_saturday_warns_and_on_a_tuesday_does_not(zuid, client_for):
    client = client_for("coordinator", partnership=zuid)
    create = reverse("planning:activity_create", args=[zuid.slug])
    response = client.post(create, form_data(datetime.date(2026, 12, 5)))
    shown = [str(m) for m in get_messages(response.wsgi_request)]
    assert "Deze datum valt op een zaterdag." in shown
    client.get(response["Location"])  # the messages are read there
    response = client.post(create, form_data(datetime.date(2026, 12, 8)))
    assert not [
        m for m in get_messages(response.wsgi_request) if m.level_tag == "warning"
    ]


def test_the_download_holds_the_holidays_as_all_day_events(zuid, client_for):
    response = client_for("stuurgroep").get(
        reverse("planning:calendar_ics", args=[zuid.slug])
    )
    events = Calendar.from_ical(response.content).walk("VEVENT")
    summaries = {str(e["summary"]) for e in events}
    assert "Kerstvakantie (regio zuid)" in summaries
    assert "Eerste kerstdag" in summaries
    holiday = next(e for e in events if str(e["summary"]) == "Eerste kerstdag")
    day = holiday.decoded("dtstart")
    assert not isinstance(day, datetime.datetime)  # all day
