"""Empty main lists say what to do first, in the order of seed 000."""

import pytest
from django.urls import reverse
from django.utils.translation import gettext

pytestmark = pytest.mark.django_db


def test_no_goals_points_back_to_the_definition_and_needs(partnership, client_for):
    body = (
        client_for("coordinator")
        .get(reverse("planning:goal_list", args=[partnership.slug]))
        .content.decode()
    )
    first = gettext(
        "Start from what you agreed first: the shared definition and the "
        "partners' needs."
    )
    assert first in body
    assert reverse("planning:vision", args=[partnership.slug]) in body
    assert reverse("planning:goal_create", args=[partnership.slug]) in body


def test_no_activities_points_to_the_goals_first(partnership, client_for):
    body = (
        client_for("docent")
        .get(reverse("planning:activity_list", args=[partnership.slug]))
        .content.decode()
    )
    assert (
        gettext("Each activity serves one of your SMART goals: set those first.")
        in body
    )
    assert reverse("planning:goal_list", args=[partnership.slug]) in body
    # a docent does not plan activities: no link they would be refused at
    assert reverse("planning:activity_create", args=[partnership.slug]) not in body
