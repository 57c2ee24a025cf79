import pytest
from django.urls import reverse

from doorlopend.accounts.tests.factories import UserFactory
from doorlopend.audit import services

pytestmark = pytest.mark.django_db
URL = reverse("audit:entry_list")


@pytest.fixture
def staff_client(client):
    client.force_login(UserFactory(is_staff=True))
    return client


def test_staff_read_the_log_newest_first(staff_client):
    services.record(actor=None, action="view", objects=[], purpose="Eerste inzage")
    services.record(actor=None, action="export", objects=[], purpose="Tweede inzage")
    page = staff_client.get(URL).content.decode()
    assert page.index("Tweede inzage") < page.index("Eerste inzage")


def test_filter_by_actor(staff_client):
    services.record(
        actor=UserFactory(email="a@example.org"),
        action="view",
        objects=[],
        purpose="door a",
    )
    services.record(
        actor=UserFactory(email="b@example.org"),
        action="view",
        objects=[],
        purpose="door b",
    )
    page = staff_client.get(URL, {"actor": "a@example"}).content.decode()
    assert "door a" in page and "door b" not in page


def test_queries_are_bounded(staff_client, partnership, django_assert_max_num_queries):
    for n in range(60):
        services.record(
            actor=None,
            action="view",
            objects=[],
            purpose=f"inzage {n}",
            partnership=partnership,
        )
    with django_assert_max_num_queries(5):
        assert staff_client.get(URL).status_code == 200


def test_members_who_are_not_staff_get_404(client_for):
    assert client_for("coordinator").get(URL).status_code == 404


def test_the_log_cannot_be_changed_through_a_post(staff_client):
    assert staff_client.post(URL, {"purpose": "x"}).status_code == 405
