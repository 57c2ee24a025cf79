"""An organisation that a leerroute names cannot be deleted (moved from partnerships'
tests: the route is routes', which comes after partnerships in the app order)."""

import pytest
from django.utils.translation import gettext as _

from doorlopend.partnerships.tests.test_organisation_views import organisations, url
from doorlopend.routes.tests.factories import LeerrouteFactory

pytestmark = pytest.mark.django_db


def test_delete_refused_while_a_leerroute_names_it(client_for, partnership):

    route = LeerrouteFactory(
        partnership=partnership, name="Zorg Rivierenland", step_plan=False
    )
    school = route.mbo_location
    response = client_for().post(
        url("organisation_delete", partnership, organisation_id=school.pk), follow=True
    )
    expected = _(
        "%(name)s takes part in the leerroute(s) %(routes)s. Remove it from "
        "those routes first."
    ) % {"name": school.name, "routes": "Zorg Rivierenland"}
    assert expected in response.content.decode()
    assert school.name in organisations(partnership)
