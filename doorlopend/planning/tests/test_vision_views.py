"""The vision: the newest version, editing as new versions, the history's line diff,
and the needs and expectations of each partner."""

import pytest
from django.urls import reverse
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled

from doorlopend.partnerships.tests.factories import (
    MembershipFactory,
    OrganisationFactory,
)

from ..models import PartnerExpectation, VisionVersion
from ..selectors.vision import line_diff, plan_vision
from ..services.vision import vision_save

pytestmark = pytest.mark.django_db


def url(name: str, partnership, *args) -> str:
    return reverse(f"planning:{name}", args=[partnership.slug, *args])


TEXTS = {
    "definition": "Een doorlopende leerlijn LOB loopt van vo via mbo naar hbo.",
    "vision": "De leerling staat centraal.\nScholen spreken dezelfde taal.",
    "ambition": "In 2028 heeft elke leerling een loopbaandossier.",
}


def test_saving_the_vision_adds_a_version_only_when_something_changed(
    partnership, client_for
):
    client = client_for("coordinator")
    assert client.post(url("vision_edit", partnership), TEXTS).status_code == 302
    # The same texts again, with the line endings a browser sends: nothing new.
    same = {k: v.replace("\n", "\r\n") + "  " for k, v in TEXTS.items()}
    response = client.post(url("vision_edit", partnership), same, follow=True)
    assert _("Nothing changed; no new version was saved.") in response.content.decode()
    with scopes_disabled():
        assert VisionVersion.objects.count() == 1
    client.post(url("vision_edit", partnership), TEXTS | {"ambition": "Meer."})
    with scopes_disabled():
        assert VisionVersion.objects.count() == 2
        assert VisionVersion.objects.first().ambition == "Meer."


def test_the_vision_page_shows_the_newest_version_and_partners(partnership, client_for):
    with scopes_disabled():
        vision_save(partnership=partnership, by=None, **TEXTS)
        vision_save(partnership=partnership, by=None, **TEXTS | {"vision": "Nieuw."})
    school = OrganisationFactory(partnership=partnership, name="Het Voorbeeldcollege")
    with scopes_disabled():
        PartnerExpectation.objects.create(
            partnership=partnership, organisation=school, needs="Tijd voor mentoren."
        )
    page = client_for("stuurgroep").get(url("vision", partnership)).content.decode()
    assert TEXTS["definition"] in page and "Nieuw." in page
    assert "De leerling staat centraal." not in page
    assert "Het Voorbeeldcollege" in page and "Tijd voor mentoren." in page
    assert url("vision_edit", partnership) not in page


def test_the_history_shows_who_and_a_line_diff_with_signs(partnership, client_for):
    member = MembershipFactory(partnership=partnership, user__name="Anna Voorbeeld")
    with scopes_disabled():
        vision_save(partnership=partnership, by=member, **TEXTS)
        vision_save(
            partnership=partnership,
            by=member,
            **TEXTS | {"vision": "De leerling staat centraal.\nWe delen dossiers."},
        )
    page = client_for("stuurgroep").get(url("vision_history", partnership))
    html = page.content.decode()
    assert "Anna Voorbeeld" in html
    assert "−</span>" in html and "+</span>" in html
    assert "We delen dossiers." in html
    entries = page.context["entries"]
    assert [d.name for d in entries[0].diffs] == ["vision"]
    assert entries[1].is_first


def test_line_diff_marks_removed_and_added_lines():
    lines = line_diff("a\nb\nc", "a\nB\nc")
    assert [(line.sign, line.text) for line in lines] == [
        (" ", "a"),
        ("−", "b"),
        ("+", "B"),
        (" ", "c"),
    ]


def test_edit_a_partners_needs_and_expectations(partnership, client_for):
    school = OrganisationFactory(partnership=partnership)
    client = client_for("coordinator")
    edit = url("expectation_edit", partnership, school.pk)
    assert client.get(edit).status_code == 200
    response = client.post(
        edit, {"needs": "Stageplaatsen.", "expectations": "Een gezamenlijk dossier."}
    )
    assert response.status_code == 302
    client.post(edit, {"needs": "Meer stageplaatsen.", "expectations": ""})
    with scopes_disabled():
        row = PartnerExpectation.objects.get()
    assert (row.needs, row.expectations) == ("Meer stageplaatsen.", "")


def test_a_partner_of_another_partnership_is_not_found(
    partnership, other_partnership, client_for
):
    outsider = OrganisationFactory(partnership=other_partnership)
    response = client_for("coordinator").get(
        url("expectation_edit", partnership, outsider.pk)
    )
    assert response.status_code == 404


def test_the_stuurgroep_reads_but_may_not_write(partnership, client_for):
    school = OrganisationFactory(partnership=partnership)
    client = client_for("stuurgroep")
    assert client.get(url("vision", partnership)).status_code == 200
    assert client.get(url("vision_history", partnership)).status_code == 200
    assert client.post(url("vision_edit", partnership), TEXTS).status_code == 403
    response = client.post(
        url("expectation_edit", partnership, school.pk), {"needs": "x"}
    )
    assert response.status_code == 403
    with scopes_disabled():
        assert not VisionVersion.objects.exists()
        assert not PartnerExpectation.objects.exists()


def test_plan_vision_gives_the_newest_texts(partnership, member_of):
    with scopes_disabled():
        vision_save(partnership=partnership, by=None, **TEXTS)
        user = member_of(partnership, "stuurgroep")
        membership = user.memberships.get()
        summary = plan_vision(
            partnership=partnership, membership=membership, today=None
        )
    assert summary.version.definition == TEXTS["definition"]
    assert not summary.can_manage


def test_vision_pages_queries(partnership, client_for, django_assert_max_num_queries):
    with scopes_disabled():
        for n in range(30):
            vision_save(
                partnership=partnership, by=None, **TEXTS | {"ambition": str(n)}
            )
    OrganisationFactory.create_batch(20, partnership=partnership)
    client = client_for("stuurgroep")
    with django_assert_max_num_queries(12):
        assert client.get(url("vision", partnership)).status_code == 200
    with django_assert_max_num_queries(12):
        assert client.get(url("vision_history", partnership)).status_code == 200
