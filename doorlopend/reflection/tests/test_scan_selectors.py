"""The scan's figures: action lines pool only shown statements; schools side by side
only from three on, named only to whom may read their scan."""

from collections import Counter

import pytest
from django.urls import reverse
from django_scopes import scopes_disabled

from doorlopend.partnerships.models import Membership

from ..models import Answer
from ..selectors import scans
from .scan_helpers import client_as, scan_of, school


def _membership(member_of, partnership, role, organisation=None) -> Membership:
    user = member_of(partnership, role, organisation=organisation)
    with scopes_disabled():
        return Membership.objects.prefetch_related("roles").get(
            user=user, partnership=partnership
        )


@pytest.mark.django_db
def test_an_action_line_pools_only_the_statements_shown(partnership):
    a = school(partnership, "Het Rivercollege")
    scan = scan_of(a, people=4, value=lambda key: 2 if key == "praktijk-1" else 4)
    # Only two people answered "praktijk-1" (an informatie-beroepenveld statement).
    with scopes_disabled():
        first_two = Answer.objects.filter(
            participant__session=scan, question_key="praktijk-1"
        ).values_list("pk", flat=True)[:2]
        Answer.objects.filter(pk__in=list(first_two)).delete()
        summary = scans.scan_summary(scan)
    shown = {q.key: q for q in summary.results.questions if not q.figures.suppressed}
    assert "praktijk-1" not in shown and "praktijk-3" in shown  # 2 < k = 3
    definition = summary.results.definition
    for row in summary.action_lines:
        keys = [q.key for q in definition.questions if row.key in q.action_lines]
        expected = Counter()
        for key in keys:
            if key in shown:
                expected.update(shown[key].figures.distribution)
        assert row.figures.distribution == {
            v: expected.get(v, 0) for v in definition.scale.values
        }


@pytest.mark.django_db
def test_two_answers_hide_every_element_and_action_line(partnership):
    scan = scan_of(school(partnership, "Het Rivercollege"), people=2, value=2)
    with scopes_disabled():
        summary = scans.scan_summary(scan)
    assert summary.results.suppressed
    assert not any(r.shown for r in summary.elements + summary.action_lines)
    assert summary.weak == []
    assert summary.disagreements == []


@pytest.mark.django_db
def test_schools_side_by_side_only_from_three_and_named_only_to_whom_may_read(
    partnership, member_of
):
    a, b, c = (
        school(partnership, n) for n in ("Rivercollege", "Lingecollege", "Pontes")
    )
    scan_of(a, value=2)
    scan_of(b, value=3)
    scan_of(c, people=2)  # too few answers: it does not count as scanned
    decaan_a = _membership(member_of, partnership, "decaan", a)
    with scopes_disabled():
        assert not scans.comparison(partnership=partnership, viewer=decaan_a).shown
    scan_of(c, value=5)
    with scopes_disabled():
        seen_by_a = scans.comparison(partnership=partnership, viewer=decaan_a)
        seen_by_coordinator = scans.comparison(
            partnership=partnership,
            viewer=_membership(member_of, partnership, "coordinator"),
        )
        seen_by_stuurgroep = scans.comparison(
            partnership=partnership,
            viewer=_membership(member_of, partnership, "stuurgroep"),
        )
    assert seen_by_a.shown and seen_by_a.schools_scanned == 3
    labels = {col.school_id: col.label for col in seen_by_a.columns}
    assert labels[a.pk] == "Rivercollege"
    assert {labels[b.pk], labels[c.pk]} <= {"school A", "school B", "school C"}
    assert {col.label for col in seen_by_coordinator.columns} == {
        "Rivercollege",
        "Lingecollege",
        "Pontes",
    }
    stuurgroep_labels = [col.label for col in seen_by_stuurgroep.columns]
    assert stuurgroep_labels == ["school A", "school B", "school C"]
    # The same letter for the same school, whoever looks.
    assert (
        labels[b.pk]
        == stuurgroep_labels[
            [col.school_id for col in seen_by_stuurgroep.columns].index(b.pk)
        ]
    )


@pytest.mark.django_db
def test_the_stuurgroep_reads_the_overview_without_a_name(partnership, member_of):
    names = ("Rivercollege", "Lingecollege", "Pontes")
    for name in names:
        scan_of(school(partnership, name))
    client = client_as(member_of, partnership, "stuurgroep")
    body = client.get(
        reverse("reflection:scan_overview", args=[partnership.slug])
    ).content.decode()
    assert "school A" in body and "school C" in body
    assert not any(name in body for name in names)
    assert "1 nov. 2026" not in body  # nor when each scanned: that could name them too


@pytest.mark.django_db
def test_many_scans_results_in_two_queries_are_each_scans_own(
    partnership, django_assert_num_queries
):
    a, b = school(partnership, "Rivercollege"), school(partnership, "Lingecollege")
    sessions = [scan_of(a, value=2), scan_of(b, people=2, value=5), scan_of(a, value=4)]
    with scopes_disabled():
        sessions = [
            type(s).objects.select_related("instrument").get(pk=s.pk) for s in sessions
        ]
        with django_assert_num_queries(2):
            batch = scans.results_of(sessions)
        for session in sessions:
            alone = scans.session_results(session)
            assert batch[session.pk].themes == alone.themes
            assert batch[session.pk].suppressed == alone.suppressed
            assert batch[session.pk].joined == alone.joined


@pytest.mark.django_db
def test_the_scans_radar_names_its_nine_axes_short(partnership):
    from .. import charts

    scan = scan_of(school(partnership, "Rivercollege"))
    with scopes_disabled():
        svg = charts.radar_svg(scans.session_results(scan)).decode()
    assert ">Ouders<" in svg and ">Overgang<" in svg
    assert "Waar mogelijk ouders betrekken" not in svg
