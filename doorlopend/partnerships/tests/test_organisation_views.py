import pytest
from django.urls import reverse
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled

from doorlopend.partnerships.models import Organisation

from .factories import OrganisationFactory, RegisterEntryFactory, SchoolFactory

pytestmark = pytest.mark.django_db


def url(name: str, partnership, **kwargs) -> str:
    return reverse(
        f"partnerships:{name}", kwargs={"partnership_slug": partnership.slug, **kwargs}
    )


def organisations(partnership) -> list[str]:
    with scopes_disabled():
        return sorted(
            Organisation.objects.filter(partnership=partnership).values_list(
                "name", flat=True
            )
        )


def test_list_shows_schools_with_brin_and_other_organisations(client_for, partnership):
    SchoolFactory(
        partnership=partnership,
        register_entry=RegisterEntryFactory(
            name="Het Baken", brin="16SW", vestiging="16SW03"
        ),
    )
    OrganisationFactory(partnership=partnership, name="Gemeente Tiel", kind="gemeente")
    page = (
        client_for("werkgroeplid")
        .get(url("organisation_list", partnership))
        .content.decode()
    )
    assert "Het Baken" in page
    assert "16SW03" in page
    assert "Gemeente Tiel" in page
    assert (
        _("Add a school from the register") not in page
    )  # only the coordinator manages


def test_list_filters_by_type(client_for, partnership):
    OrganisationFactory(partnership=partnership, name="Gemeente Tiel", kind="gemeente")
    OrganisationFactory(
        partnership=partnership, name="Bouwbedrijf Van Dam", kind="bedrijf"
    )
    page = (
        client_for()
        .get(url("organisation_list", partnership), {"kind": "bedrijf"})
        .content.decode()
    )
    assert "Bouwbedrijf Van Dam" in page
    assert "Gemeente Tiel" not in page


def test_list_empty_state(client_for, partnership):
    page = client_for().get(url("organisation_list", partnership)).content.decode()
    assert (
        _(
            "This partnership has no organisations yet. Start by adding the schools from the DUO school register."
        )
        in page
    )


def test_list_queries_are_bounded(
    client_for, partnership, django_assert_max_num_queries
):
    SchoolFactory.create_batch(15, partnership=partnership)
    OrganisationFactory.create_batch(5, partnership=partnership)
    client = client_for()
    client.get(
        url("organisation_list", partnership)
    )  # the first visit stores the partnership in the session
    # session, user, membership, roles, switcher, organisations
    with django_assert_max_num_queries(6):
        response = client.get(url("organisation_list", partnership))
    assert response.content.decode().count("<tr>") == 21


def test_register_search_finds_by_name_place_and_brin(client_for, partnership):
    RegisterEntryFactory(
        name="Scholengemeenschap De Lek",
        place="Culemborg",
        brin="21AB",
        vestiging="21AB00",
    )
    RegisterEntryFactory(
        name="Rivierencollege", place="Tiel", brin="22CD", vestiging="22CD01"
    )
    client = client_for()
    for query in ["lek", "culemborg", "21AB"]:
        page = client.get(
            url("register_search", partnership), {"q": query}
        ).content.decode()
        assert "Scholengemeenschap De Lek" in page, query
        assert "Rivierencollege" not in page, query


def test_register_search_htmx_returns_only_results(client_for, partnership):
    RegisterEntryFactory(name="Rivierencollege")
    response = client_for().get(
        url("register_search", partnership), {"q": "rivieren"}, HTTP_HX_REQUEST="true"
    )
    body = response.content.decode()
    assert "Rivierencollege" in body
    assert "<html" not in body


def test_register_search_says_when_nothing_matches(client_for, partnership):
    page = (
        client_for()
        .get(url("register_search", partnership), {"q": "xyzzy"})
        .content.decode()
    )
    assert (
        _(
            "No school in the register matches “%(query)s”. Try part of the name, the place or the BRIN code."
        )
        % {"query": "xyzzy"}
        in page
    )


def test_adding_a_school_from_the_register(client_for, partnership):
    entry = RegisterEntryFactory(
        name="Rivierencollege", sector="mbo", vestiging="", place="Tiel"
    )
    response = client_for().post(url("register_add", partnership, entry_id=entry.pk))
    assert response.status_code == 302
    with scopes_disabled():
        school = Organisation.objects.get(partnership=partnership)
    assert (school.name, school.kind, school.place, school.register_entry) == (
        "Rivierencollege",
        "mbo",
        "Tiel",
        entry,
    )


def test_adding_the_same_school_twice_creates_one(client_for, partnership):
    entry = RegisterEntryFactory(name="Rivierencollege")
    client = client_for()
    client.post(
        url("register_add", partnership, entry_id=entry.pk), HTTP_HX_REQUEST="true"
    )
    second = client.post(
        url("register_add", partnership, entry_id=entry.pk), HTTP_HX_REQUEST="true"
    )
    assert (
        _("%(name)s is already part of this partnership.") % {"name": "Rivierencollege"}
        in second.content.decode()
    )
    assert organisations(partnership) == ["Rivierencollege"]


def test_search_marks_schools_already_added(client_for, partnership):
    SchoolFactory(
        partnership=partnership,
        register_entry=RegisterEntryFactory(name="Rivierencollege"),
    )
    page = (
        client_for()
        .get(url("register_search", partnership), {"q": "rivieren"})
        .content.decode()
    )
    assert _("Already in this partnership") in page


def test_werkgroeplid_may_not_add_schools(client_for, partnership):
    entry = RegisterEntryFactory()
    assert (
        client_for("werkgroeplid")
        .post(url("register_add", partnership, entry_id=entry.pk))
        .status_code
        == 403
    )
    assert organisations(partnership) == []


def test_create_other_organisation(client_for, partnership):
    data = {"name": "Gemeente Tiel", "kind": "gemeente", "place": "Tiel", "website": ""}
    assert (
        client_for().post(url("organisation_create", partnership), data).status_code
        == 302
    )
    assert organisations(partnership) == ["Gemeente Tiel"]


def test_create_refuses_bad_input_and_keeps_what_was_typed(client_for, partnership):
    OrganisationFactory(partnership=partnership, name="Gemeente Tiel")
    client = client_for()
    page = client.post(
        url("organisation_create", partnership),
        {"name": "", "kind": "gemeente", "place": "Tiel"},
    ).content.decode()
    assert _("This field is required.") in page
    assert 'value="Tiel"' in page
    page = client.post(
        url("organisation_create", partnership),
        {"name": "gemeente tiel", "kind": "gemeente"},
    ).content.decode()
    assert _("This partnership already has an organisation with this name.") in page
    page = client.post(
        url("organisation_create", partnership), {"name": "Nep-school", "kind": "vo"}
    ).content.decode()
    assert (
        _("Select a valid choice. %(value)s is not one of the available choices.")
        % {"value": "vo"}
        in page
    )
    assert organisations(partnership) == ["Gemeente Tiel"]


def test_edit_organisation(client_for, partnership):
    organisation = OrganisationFactory(partnership=partnership, name="Gemeente Tiel")
    data = {
        "name": "Gemeente West Betuwe",
        "kind": "gemeente",
        "place": "Geldermalsen",
        "website": "https://example.org",
    }
    client_for().post(
        url("organisation_edit", partnership, organisation_id=organisation.pk), data
    )
    assert organisations(partnership) == ["Gemeente West Betuwe"]


def test_delete_asks_first_then_removes(client_for, partnership):
    organisation = OrganisationFactory(partnership=partnership, name="Gemeente Tiel")
    client = client_for()
    confirm = client.get(
        url("organisation_delete", partnership, organisation_id=organisation.pk)
    )
    assert _("Remove %(name)s?") % {"name": "Gemeente Tiel"} in confirm.content.decode()
    assert organisations(partnership) == ["Gemeente Tiel"]
    client.post(
        url("organisation_delete", partnership, organisation_id=organisation.pk)
    )
    assert organisations(partnership) == []


def test_delete_refused_while_people_hold_a_role_for_it(
    client_for, member_of, partnership
):
    school = SchoolFactory(partnership=partnership)
    member_of(partnership, "decaan", organisation=school)
    response = client_for().post(
        url("organisation_delete", partnership, organisation_id=school.pk), follow=True
    )
    expected = _(
        "People still hold a role for %(name)s. Change or revoke those roles first."
    ) % {"name": school.name}
    assert expected in response.content.decode()
    assert organisations(partnership) == [school.name]


def test_organisation_of_another_partnership_is_404(
    client_for, partnership, other_partnership
):
    foreign = OrganisationFactory(partnership=other_partnership)
    assert (
        client_for()
        .get(url("organisation_edit", partnership, organisation_id=foreign.pk))
        .status_code
        == 404
    )
