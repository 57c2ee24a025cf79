"""An empty list of routes says what comes first: the schools as organisations."""

import pytest
from django.urls import reverse
from django.utils.translation import gettext

pytestmark = pytest.mark.django_db


def test_no_routes_points_to_the_organisations_first(partnership, client_for):
    body = (
        client_for("coordinator")
        .get(reverse("routes:route_list", args=[partnership.slug]))
        .content.decode()
    )
    first = gettext("Add those schools to the partnership's organisations first.")
    assert first in body
    assert reverse("partnerships:organisation_list", args=[partnership.slug]) in body
