"""Who sees which pupils: only the decaan or mentor of the pupil's sending or receiving
school; nobody else sees a name anywhere."""

import pytest
from django.urls import reverse

from doorlopend.core.urlwalk import all_routes

from .pupil_setup import FATIMA, world  # noqa: F401

pytestmark = pytest.mark.django_db


def _pupil_routes():
    from doorlopend.transitions.urls import pupils

    names = {f"transitions:{p.name}" for p in pupils.urlpatterns}
    return [r for r in all_routes() if r.name in names]


def _values(world, school, pupil, signal_id):  # noqa: F811
    return {
        "partnership_slug": world.partnership.slug,
        "school_id": school.pk,
        "pupil_id": pupil.pk,
        "signal_id": signal_id,
    }


def test_a_mentor_of_school_a_sees_no_pupil_of_school_b(world, member_of):  # noqa: F811
    client = world.client(world.mentor_a)
    # B's pages: not the mentor's school.
    for route in _pupil_routes():
        url = route.fill(_values(world, world.vo_b, world.chris, world.signal.pk))
        for response in (client.get(url), client.post(url, {})):
            # 405: the method is refused before anything is looked up.
            assert response.status_code in (404, 405), f"{route.name} {url}"
            assert "Chris Bosman" not in response.content.decode()
    # B's pupil under A's school: not A's pupil.
    for route in _pupil_routes():
        if "pupil_id" not in route.kwargs:
            continue
        url = route.fill(_values(world, world.vo_a, world.chris, world.signal.pk))
        for response in (client.get(url), client.post(url, {})):
            # 405: the method is refused before anything is looked up.
            assert response.status_code in (404, 405), f"{route.name} {url}"
            assert "Chris Bosman" not in response.content.decode()
    body = client.get(
        reverse("transitions:pupil_list", args=[world.partnership.slug, world.vo_a.pk])
    ).content.decode()
    assert "Chris Bosman" not in body and "Daan Brouwer" not in body


@pytest.mark.parametrize("role", ["stuurgroep", "coordinator", "landelijk_adviseur"])
def test_roles_without_pupil_access_get_nothing(world, member_of, role):  # noqa: F811
    client = world.client(member_of(world.partnership, role))
    for route in _pupil_routes():
        url = route.fill(_values(world, world.vo_a, world.fatima, world.signal.pk))
        for response in (client.get(url), client.post(url, {})):
            assert response.status_code in (403, 404), f"{role} {route.name}"
            assert FATIMA not in response.content.decode()
    # Nor anywhere else in the partnership's pages (figures, overview, …).
    for route in all_routes():
        if not route.name.startswith("transitions:") or route.in_partnership is False:
            continue
        try:
            url = route.fill(
                {
                    **_values(world, world.vo_a, world.fatima, world.signal.pk),
                    "import_id": 1,
                    "name": "cohort",
                }
            )
        except KeyError:
            continue
        response = client.get(url)
        assert FATIMA not in response.content.decode(errors="replace"), route.name


def test_a_privacy_officer_sees_no_names(world):  # noqa: F811
    client = world.client(world.privacy_a)
    world.client(world.decaan_a).get(
        reverse("transitions:pupil_list", args=[world.partnership.slug, world.vo_a.pk])
    )
    for name in ("privacy_log", "privacy_log_export"):
        url = reverse(
            f"transitions:{name}", args=[world.partnership.slug, world.vo_a.pk]
        )
        response = client.get(url)
        assert response.status_code == 200
        content = b"".join(response) if response.streaming else response.content
        assert FATIMA not in content.decode()
    url = reverse(
        "transitions:pupil_list", args=[world.partnership.slug, world.vo_a.pk]
    )
    assert client.get(url).status_code == 403


def test_the_receiving_mbo_decaan_sees_applicants_not_other_leavers(world):  # noqa: F811
    client = world.client(world.decaan_mbo)
    body = client.get(
        reverse("transitions:pupil_list", args=[world.partnership.slug, world.mbo.pk])
    ).content.decode()
    assert FATIMA in body and "Chris Bosman" in body  # applied to the mbo school
    assert "Bram Achterberg" not in body and "Daan Brouwer" not in body
    bram = reverse(
        "transitions:pupil_detail",
        args=[world.partnership.slug, world.mbo.pk, world.bram.pk],
    )
    assert client.get(bram).status_code == 404
    # Nor through the vo school's URL: the mbo decaan holds no role there.
    vo = reverse("transitions:pupil_list", args=[world.partnership.slug, world.vo_a.pk])
    assert client.get(vo).status_code == 404
