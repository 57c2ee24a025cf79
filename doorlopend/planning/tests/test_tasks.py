"""Tasks: the coördinator plans them, an owner moves their own, late ones come first."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled

from doorlopend.accounts.tests.factories import UserFactory
from doorlopend.partnerships.models import Membership
from doorlopend.planning.models import Task, TaskStatus
from doorlopend.planning.selectors.tasks import plan_tasks
from doorlopend.planning.services import tasks as services

from .factories import TaskFactory

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()
DAY = datetime.timedelta(days=1)


def url(partnership, name, *args):
    return reverse(f"planning:{name}", args=[partnership.slug, *args])


def membership(partnership, user) -> Membership:
    with scopes_disabled():
        return Membership.objects.prefetch_related("roles").get(
            partnership=partnership, user=user
        )


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_owner_from_another_partnership_is_refused(
    partnership, other_partnership, member_of
):
    stranger = membership(other_partnership, member_of(other_partnership, "docent"))
    coordinator = membership(partnership, member_of(partnership))
    with pytest.raises(ValidationError) as e, scopes_disabled():
        services.task_create(
            partnership=partnership, by=coordinator, title="Gastles", owner=stranger
        )
    assert e.value.message_dict["owner"] == [
        _("The owner must be a member of this partnership.")
    ]
    with scopes_disabled():
        assert not Task.objects.exists()


def test_coordinator_creates_a_task_for_a_member(partnership, member_of):
    docent = membership(partnership, member_of(partnership, "docent"))
    client = logged_in(member_of(partnership))
    response = client.post(
        url(partnership, "task_create"),
        {
            "title": "Gastles bouw voorbereiden",
            "owner": docent.pk,
            "due_date": (TODAY + 7 * DAY).isoformat(),
            "status": "open",
        },
    )
    assert response.status_code == 302
    with scopes_disabled():
        task = Task.objects.get()
    assert task.owner == docent
    assert task.partnership == partnership


def test_task_form_refuses_a_member_of_another_partnership(
    partnership, other_partnership, member_of
):
    stranger = membership(other_partnership, member_of(other_partnership, "docent"))
    client = logged_in(member_of(partnership))
    response = client.post(
        url(partnership, "task_create"),
        {"title": "Gastles", "owner": stranger.pk, "status": "open"},
    )
    assert response.status_code == 200
    assert "owner" in response.context["form"].errors
    with scopes_disabled():
        assert not Task.objects.exists()


def test_member_sets_the_status_of_their_own_task(partnership, member_of):
    user = member_of(partnership, "docent")
    task = TaskFactory(partnership=partnership, owner=membership(partnership, user))
    response = logged_in(user).post(
        url(partnership, "task_status", task.pk),
        {"status": "done"},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    assert f'id="task-{task.pk}"' in response.content.decode()
    task.refresh_from_db()
    assert task.status == TaskStatus.DONE


def test_member_gets_403_on_someone_elses_task(partnership, member_of):
    owner = membership(partnership, member_of(partnership, "docent"))
    task = TaskFactory(partnership=partnership, owner=owner)
    other = logged_in(member_of(partnership, "werkgroeplid"))
    response = other.post(url(partnership, "task_status", task.pk), {"status": "done"})
    assert response.status_code == 403
    task.refresh_from_db()
    assert task.status == TaskStatus.OPEN


def test_coordinator_sets_the_status_of_any_task(partnership, member_of):
    owner = membership(partnership, member_of(partnership, "docent"))
    task = TaskFactory(partnership=partnership, owner=owner)
    response = logged_in(member_of(partnership)).post(
        url(partnership, "task_status", task.pk),
        {"status": "in_progress", "next": url(partnership, "task_list")},
    )
    assert response.status_code == 302
    assert response.url == url(partnership, "task_list")
    task.refresh_from_db()
    assert task.status == TaskStatus.IN_PROGRESS


def test_my_tasks_shows_only_mine_overdue_first(partnership, member_of):
    user = member_of(partnership, "ambassadeur")
    me = membership(partnership, user)
    other = membership(partnership, member_of(partnership, "docent"))
    TaskFactory(partnership=partnership, owner=me, title="Later", due_date=TODAY + DAY)
    TaskFactory(
        partnership=partnership, owner=me, title="Te laat", due_date=TODAY - 3 * DAY
    )
    TaskFactory(
        partnership=partnership,
        owner=me,
        title="Afgerond",
        due_date=TODAY - 9 * DAY,
        status="done",
    )
    TaskFactory(partnership=partnership, owner=other, title="Niet van mij")
    response = logged_in(user).get(url(partnership, "my_tasks"))
    assert response.status_code == 200
    titles = [t.title for t in response.context["tasks"]]
    assert titles == ["Te laat", "Later", "Afgerond"]
    body = response.content.decode()
    assert "Niet van mij" not in body
    assert _("overdue") in body


def test_coordinator_sees_overdue_tasks_first(partnership, member_of):
    owner = membership(partnership, member_of(partnership, "docent"))
    TaskFactory(partnership=partnership, owner=owner, title="Op tijd", due_date=TODAY)
    TaskFactory(
        partnership=partnership, owner=owner, title="Te laat", due_date=TODAY - DAY
    )
    response = logged_in(member_of(partnership)).get(url(partnership, "task_list"))
    assert [t.title for t in response.context["tasks"]] == ["Te laat", "Op tijd"]
    assert response.context["overdue"] == 1
    assert _("overdue") in response.content.decode()


def test_task_list_filters_by_owner_and_status(partnership, member_of):
    a = membership(partnership, member_of(partnership, "docent"))
    b = membership(partnership, member_of(partnership, "ambassadeur"))
    TaskFactory(partnership=partnership, owner=a, title="A open")
    TaskFactory(partnership=partnership, owner=a, title="A klaar", status="done")
    TaskFactory(partnership=partnership, owner=b, title="B open")
    client = logged_in(member_of(partnership))
    response = client.get(
        url(partnership, "task_list"), {"owner": a.pk, "status": "open"}
    )
    assert [t.title for t in response.context["tasks"]] == ["A open"]


def test_werkgroeplid_may_not_create_tasks(partnership, client_for):
    response = client_for("werkgroeplid").post(
        url(partnership, "task_create"), {"title": "X", "status": "open"}
    )
    assert response.status_code == 403


def test_task_delete_asks_first(partnership, member_of):
    task = TaskFactory(partnership=partnership, title="Weg ermee")
    client = logged_in(member_of(partnership))
    assert client.get(url(partnership, "task_delete", task.pk)).status_code == 200
    with scopes_disabled():
        assert Task.objects.filter(pk=task.pk).exists()
    assert client.post(url(partnership, "task_delete", task.pk)).status_code == 302
    with scopes_disabled():
        assert not Task.objects.filter(pk=task.pk).exists()


def test_task_of_another_partnership_is_404(partnership, other_partnership, member_of):
    task = TaskFactory(partnership=other_partnership)
    client = logged_in(member_of(partnership))
    assert client.get(url(partnership, "task_edit", task.pk)).status_code == 404


def test_plan_tasks_counts(partnership, member_of):
    me = membership(partnership, member_of(partnership, "docent"))
    TaskFactory(partnership=partnership, owner=me, due_date=TODAY - DAY)
    TaskFactory(partnership=partnership, owner=me, status="done")
    TaskFactory(partnership=partnership)
    with scopes_disabled():
        summary = plan_tasks(partnership=partnership, membership=me, today=TODAY)
    assert (summary.open, summary.overdue, summary.mine_open) == (2, 1, 1)
    assert len(summary.mine) == 1


def test_task_list_queries(partnership, member_of, django_assert_max_num_queries):
    owners = [
        membership(partnership, member_of(partnership, role))
        for role in ("docent", "ambassadeur", "werkgroeplid")
    ]
    user = UserFactory()
    member_of(partnership, "coordinator", user=user)
    owners.append(membership(partnership, user))  # my_tasks lists 25 of them
    for n in range(100):
        TaskFactory(
            partnership=partnership,
            owner=owners[n % 4],
            due_date=TODAY + (n - 50) * DAY,
        )
    client = logged_in(user)
    with django_assert_max_num_queries(10):
        assert client.get(url(partnership, "task_list")).status_code == 200
    with django_assert_max_num_queries(10):
        assert client.get(url(partnership, "my_tasks")).status_code == 200
