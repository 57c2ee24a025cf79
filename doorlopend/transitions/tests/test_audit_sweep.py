"""The access-log sweep: every URL of `urls/pupils.py` shows or changes a pupil's personal
data, so every one must write an access-log entry with the school as organisation and the
pupil among its objects. The patterns are walked, not listed: a new URL without an entry
fails here the day it is added."""

import datetime

import pytest
from django.urls import URLPattern
from django_scopes import scopes_disabled

from doorlopend.core.urlwalk import all_routes
from doorlopend.transitions.urls import pupils as pupil_urls

from .pupil_setup import last_entry_pk, new_entries, world  # noqa: F401

# A valid form per POST-only view (the GET answer of those is 405).
POST_DATA = {
    "pupil_status_add": lambda w: {
        "transition": w.fatima_transition.pk,
        "status": "aangemeld",
        "on": "2026-03-20",
    },
    "intervention_add": lambda w: {
        "what": "Belafspraak met de ouders",
        "who": "mentor",
        "on": datetime.date.today().isoformat(),
    },
    "signal_close": lambda w: {"reason": "Toch aangemeld bij een andere opleiding"},
    "pupil_erase": lambda w: {"reason": "Verzoek ouders 3 maart", "confirm": "on"},
}


def _patterns() -> list[URLPattern]:
    return [p for p in pupil_urls.urlpatterns if isinstance(p, URLPattern)]


def test_the_sweep_sees_every_pupil_url():
    names = {p.name for p in _patterns()}
    assert {"pupil_list", "pupil_detail", "signal_list", "pupil_export_pdf"} <= names
    assert len(names) == len(_patterns()) >= 10


@pytest.mark.django_db
@pytest.mark.parametrize("name", [p.name for p in _patterns()])
def test_every_pupil_url_writes_the_access_log(world, name):  # noqa: F811
    route = next(r for r in all_routes() if r.name == f"transitions:{name}")
    url = route.fill(
        {
            "partnership_slug": world.partnership.slug,
            "school_id": world.vo_a.pk,
            "pupil_id": world.fatima.pk,
            "signal_id": world.signal.pk,
        }
    )
    client = world.client(world.decaan_a)
    with scopes_disabled():
        before = last_entry_pk()
    response = client.get(url)
    if response.status_code == 405:
        assert name in POST_DATA, f"{name}: POST-only, teach the sweep a valid form"
        response = client.post(url, POST_DATA[name](world))
        assert response.status_code == 302, f"{name}: the valid form was refused"
    else:
        assert response.status_code == 200, f"GET {url} → {response.status_code}"
    with scopes_disabled():
        entries = new_entries(before)
    logged = [
        e
        for e in entries
        if e.organisation_id == world.vo_a.pk
        and e.object_type == "transitions.pupil"
        and world.fatima.pk in e.object_ids
    ]
    assert logged, f"{name} ({url}) wrote no access-log entry about the pupil"


def test_log_text_is_stored_in_the_site_language(settings):
    from django.utils import translation
    from django.utils.translation import gettext_lazy

    from doorlopend.transitions.selectors._audit import stored

    settings.LANGUAGE_CODE = "nl"
    with translation.override("en"):
        # A msgid the nl catalog already has: the entry reads the same whoever asked.
        assert stored(gettext_lazy("viewed")) == "bekeken"
