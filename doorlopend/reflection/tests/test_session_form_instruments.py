"""The reflection session form and the shipped roadmaps (moved from instruments' tests:
the form is reflection's, which comes after instruments in the app order)."""

import pytest
from django_scopes import scopes_disabled

from doorlopend.instruments.models import InstrumentVersion
from doorlopend.reflection.forms.sessions import SessionForm


@pytest.mark.django_db
def test_the_reflection_session_form_offers_no_roadmaps(partnership):
    with scopes_disabled():  # the form also offers the partnership's leerroutes
        offered = SessionForm(partnership=partnership).fields["instrument"].queryset
    # A poll runs as a partnership's session; a scan only per school (the scan page).
    assert set(offered.values_list("kind", flat=True)) == {"questionnaire", "poll"}
    assert {"reflectietool", "besluitvorming", "peiling-doorlopend-leren"} <= set(
        offered.values_list("key", flat=True)
    )
    assert InstrumentVersion.objects.roadmaps().count() == 2
    assert not offered.filter(
        pk__in=InstrumentVersion.objects.roadmaps().values("pk")
    ).exists()
