import pytest
from django.core import mail
from django.urls import reverse
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled

from doorlopend.core.submit_once import FIELD
from doorlopend.core.testing.forms import submit_once_key
from doorlopend.partnerships.models import Invitation, RoleAssignment

from .factories import InvitationFactory, SchoolFactory

pytestmark = pytest.mark.django_db


def url(name: str, partnership, **kwargs) -> str:
    return reverse(
        f"partnerships:{name}", kwargs={"partnership_slug": partnership.slug, **kwargs}
    )


def roles_of(user) -> list[tuple[str, str]]:
    with scopes_disabled():
        return sorted(
            (r.role, r.organisation.name if r.organisation else "")
            for r in RoleAssignment.objects.filter(
                membership__user=user
            ).select_related("organisation")
        )


def test_member_list_shows_people_and_roles(client_for, member_of, partnership):
    school = SchoolFactory(partnership=partnership, name="Het Baken")
    decaan = member_of(partnership, "decaan", organisation=school)
    page = client_for().get(url("member_list", partnership)).content.decode()
    assert decaan.email in page
    assert "Het Baken" in page
    assert "decaan" in page


def test_member_list_queries_are_bounded(
    client_for, member_of, partnership, django_assert_max_num_queries
):
    for _n in range(12):
        member_of(partnership, "decaan")
    InvitationFactory.create_batch(3, partnership=partnership)
    client = client_for()
    client.get(url("member_list", partnership))
    # session, user, membership, roles, switcher, members, their roles, invitations
    with django_assert_max_num_queries(8):
        assert client.get(url("member_list", partnership)).status_code == 200


def test_landelijk_adviseur_does_not_see_people(client_for, partnership):
    assert (
        client_for("landelijk_adviseur")
        .get(url("member_list", partnership))
        .status_code
        == 403
    )


def test_docent_sees_people_but_cannot_manage(client_for, partnership):
    client = client_for("docent")
    page = client.get(url("member_list", partnership)).content.decode()
    assert _("Invite someone") not in page
    assert client.get(url("member_invite", partnership)).status_code == 403


def test_invite_sends_a_link_by_email(
    client_for, partnership, django_capture_on_commit_callbacks
):
    school = SchoolFactory(partnership=partnership)
    client = client_for()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url("member_invite", partnership),
            {
                "email": "Nieuwe.Decaan@Example.org",
                "role": "decaan",
                "organisation": school.pk,
            },
        )
    assert response.status_code == 302
    with scopes_disabled():
        invitation = Invitation.objects.get()
    assert (invitation.email, invitation.role, invitation.organisation) == (
        "nieuwe.decaan@example.org",
        "decaan",
        school,
    )
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["nieuwe.decaan@example.org"]
    assert "/invitations/" in mail.outbox[0].body
    assert partnership.name in mail.outbox[0].subject


def test_invite_requires_a_school_for_a_decaan(client_for, partnership):
    page = (
        client_for()
        .post(
            url("member_invite", partnership),
            {"email": "a@example.org", "role": "decaan"},
        )
        .content.decode()
    )
    assert _("Choose the school this person acts for in this role.") in page
    assert 'value="a@example.org"' in page
    with scopes_disabled():
        assert not Invitation.objects.exists()
    assert mail.outbox == []


def test_invite_refuses_a_bad_address(client_for, partnership):
    page = (
        client_for()
        .post(
            url("member_invite", partnership),
            {"email": "not-an-address", "role": "docent"},
        )
        .content.decode()
    )
    assert _("Enter a valid email address.") in page


def test_invite_twice_leaves_one_valid_link(client_for, partnership):
    client = client_for()
    for _n in range(2):
        client.post(
            url("member_invite", partnership),
            {"email": "a@example.org", "role": "docent"},
        )
    with scopes_disabled():
        assert Invitation.objects.filter(email="a@example.org").pending().count() == 1


def test_invite_refuses_someone_who_already_has_the_role(
    client_for, member_of, partnership
):
    docent = member_of(partnership, "docent")
    page = (
        client_for()
        .post(
            url("member_invite", partnership), {"email": docent.email, "role": "docent"}
        )
        .content.decode()
    )
    assert _("This person already holds this role in the partnership.") in page


def test_withdraw_invitation_asks_first(client_for, partnership):
    invitation = InvitationFactory(partnership=partnership, email="a@example.org")
    client = client_for()
    assert (
        "a@example.org"
        in client.get(
            url("invitation_revoke", partnership, invitation_id=invitation.pk)
        ).content.decode()
    )
    client.post(url("invitation_revoke", partnership, invitation_id=invitation.pk))
    invitation.refresh_from_db()
    assert invitation.revoked_at is not None


def test_change_role(client_for, member_of, partnership):
    person = member_of(partnership, "docent")
    with scopes_disabled():
        assignment = RoleAssignment.objects.get(membership__user=person)
    school = SchoolFactory(partnership=partnership, name="Het Baken")
    response = client_for().post(
        url("role_edit", partnership, role_id=assignment.pk),
        {"role": "mentor", "organisation": school.pk},
    )
    assert response.status_code == 302
    assert roles_of(person) == [("mentor", "Het Baken")]


def test_change_role_refuses_to_remove_the_last_coordinator(client_for, partnership):
    client = client_for("coordinator")
    with scopes_disabled():
        assignment = RoleAssignment.objects.get(role="coordinator")
    page = client.post(
        url("role_edit", partnership, role_id=assignment.pk), {"role": "docent"}
    ).content.decode()
    assert (
        _(
            "A partnership needs at least one coördinator. Make someone else coördinator first."
        )
        in page
    )
    assert roles_of(assignment.membership.user) == [("coordinator", "")]


def test_revoke_last_role_ends_membership(client_for, member_of, partnership):
    person = member_of(partnership, "docent")
    with scopes_disabled():
        assignment = RoleAssignment.objects.get(membership__user=person)
    client = client_for()
    assert (
        _("Yes, revoke")
        in client.get(
            url("role_revoke", partnership, role_id=assignment.pk)
        ).content.decode()
    )
    page = client.post(
        url("role_revoke", partnership, role_id=assignment.pk), follow=True
    ).content.decode()
    assert (
        _("%(person)s is no longer a member of this partnership.") % {"person": person}
        in page
    )
    assert roles_of(person) == []


def test_role_of_another_partnership_is_404(
    client_for, member_of, partnership, other_partnership
):
    foreign = member_of(other_partnership, "docent")
    with scopes_disabled():
        assignment = RoleAssignment.objects.get(membership__user=foreign)
    client = client_for()
    assert (
        client.get(url("role_edit", partnership, role_id=assignment.pk)).status_code
        == 404
    )
    assert (
        client.post(url("role_revoke", partnership, role_id=assignment.pk)).status_code
        == 404
    )
    assert roles_of(foreign) == [("docent", "")]


def test_the_invitation_is_dutch_whatever_the_inviters_language(
    client_for, partnership, django_capture_on_commit_callbacks
):
    """The page the link opens is Dutch (the partnership's language), so is the e-mail."""
    client = client_for()
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            url("member_invite", partnership),
            {"email": "collega@example.org", "role": "werkgroeplid"},
        )
    [message] = mail.outbox
    assert message.subject == f"Uitnodiging voor {partnership.name} in Doorlopend"


def test_sending_an_invitation_twice_by_one_press_sends_one(
    client_for, partnership, django_capture_on_commit_callbacks
):
    client = client_for()
    page = client.get(url("member_invite", partnership)).content.decode()
    form = {
        "email": "nieuw@example.org",
        "role": "coordinator",
        FIELD: submit_once_key(page),
    }
    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(url("member_invite", partnership), form)
        second = client.post(url("member_invite", partnership), form)
    assert first.status_code == second.status_code == 302
    with scopes_disabled():
        [invitation] = Invitation.objects.all()
    assert invitation.revoked_at is None
    assert len(mail.outbox) == 1
