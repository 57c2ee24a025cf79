"""The flow diagram: merged so that no flow, node or difference is under k."""

import json

import pytest
from django.urls import reverse
from django_scopes import scopes_disabled

from doorlopend.transitions.selectors.sankey import (
    STATUS_GROUPS,
    merge_flows,
    sankey_flows,
)
from doorlopend.transitions.suppression import OTHER
from doorlopend.transitions.tests.figures_helpers import (
    RECOGNISABLE,
    make,
    school,
    started,
)

K = 5


def row(s, m, t, n):
    return {
        "sending_organisation_id": s,
        "sending_organisation__name": f"Vo {s}",
        "receiving_organisation_id": m,
        "receiving_organisation__name": f"Mbo {m}",
        "status_group": t,
        "n": n,
    }


def node_totals(flows):
    into, out = {}, {}
    for f in flows.flows:
        out[f.source] = out.get(f.source, 0) + f.value
        into[f.target] = into.get(f.target, 0) + f.value
    return into, out


def test_small_flows_merge_into_other_and_other_reaches_k():
    rows = [
        row(1, 10, "started", 30),
        row(1, 11, "started", 3),  # small: to "other"
        row(1, 12, "started", 1),  # small: to "other"; 3 + 1 < k, so 10 joins too
        row(1, 13, "started", 10),
        row(2, 10, "started", 2),  # a school of 2: "other schools" …
        row(3, 10, "started", 8),  # … with the smallest other school
    ]
    flows = merge_flows(rows, cohort=2026, middle="receiving", k=K)
    assert all(f.value >= K for f in flows.flows)
    first = {(f.source, f.target): f.value for f in flows.flows}
    assert first[("s:1", f"m:{OTHER}")] == 14
    assert first[(f"s:{OTHER}", "m:10")] == 10
    labels = [n.label for n in flows.nodes]
    assert "Vo 2" not in labels and "Vo 3" not in labels


def test_every_node_keeps_its_pupils():
    rows = [
        row(1, 10, t, n) for t, n in [("started", 20), ("dropped", 2), ("unknown", 4)]
    ]
    rows += [row(2, 10, "started", 9), row(2, 11, "started", 7)]
    flows = merge_flows(rows, cohort=2026, middle="receiving", k=K)
    into, out = node_totals(flows)
    for node in flows.nodes:
        if node.column == 1:
            assert into[node.id] == out[node.id]
    # 2 dropped + 4 unknown = 6: together "other statuses", never the 2 on its own.
    second = {(f.source, f.target): f.value for f in flows.flows}
    assert second[("m:10", f"t:{OTHER}")] == 6
    assert all(f.value >= K for f in flows.flows)


def test_a_middle_node_missing_a_few_pupils_is_merged_whole():
    # Mbo 11 gets 20 from Vo 1 and 3 from Vo 2 (merged): its node would show 20 where
    # the table by receiving school shows 23, giving the 3 away.
    rows = [
        row(1, 11, "started", 20),
        row(2, 11, "started", 3),
        row(2, 10, "started", 30),
        row(1, 10, "started", 25),
    ]
    flows = merge_flows(rows, cohort=2026, middle="receiving", k=K)
    assert "m:11" not in {n.id for n in flows.nodes}


def test_too_few_pupils_shows_nothing():
    flows = merge_flows(
        [row(1, 10, "started", 4)], cohort=2026, middle="receiving", k=K
    )
    assert flows.is_empty


@pytest.mark.django_db
def test_flows_in_one_query(partnership, django_assert_num_queries):
    vo, mbo = school(partnership, "Vo A"), school(partnership, "Mbo M", kind="mbo")
    make(
        partnership,
        12,
        cohort=2026,
        sending_organisation=vo,
        receiving_organisation=mbo,
        **started(),
    )
    with scopes_disabled(), django_assert_num_queries(1):
        flows = sankey_flows(partnership=partnership, cohort=2026, middle="sector")
    assert flows.flows


@pytest.mark.django_db
def test_the_page_draws_from_a_json_block_with_a_table(
    client_for, partnership, settings, django_assert_max_num_queries
):
    settings.TRANSITIONS_MIN_CELL = K
    vo, mbo = school(partnership, "Vo A"), school(partnership, "Mbo M", kind="mbo")
    small = school(partnership, "Klein College")
    make(
        partnership,
        20,
        cohort=2026,
        sending_organisation=vo,
        receiving_organisation=mbo,
        name=RECOGNISABLE,
        **started(),
    )
    make(partnership, 3, cohort=2026, sending_organisation=vo, status="havo")
    make(partnership, 4, cohort=2026, sending_organisation=small, status="werk")
    client = client_for("landelijk_adviseur")
    address = reverse(
        "transitions:sankey", kwargs={"partnership_slug": partnership.slug}
    )
    client.get(address)
    with django_assert_max_num_queries(8):
        response = client.get(address, {"middle": "receiving"})
    html = response.content.decode()
    assert 'id="sankey-data" type="application/json"' in html
    assert "<script>" not in html  # no inline script under the CSP
    assert RECOGNISABLE not in html and "Klein College" not in html
    data = json.loads(
        html.split('id="sankey-data" type="application/json">')[1].split("</script>")[0]
    )
    assert all(link["value"] >= K for link in data["links"])
    assert "<table" in html  # the same flows as a table


@pytest.mark.django_db
def test_empty_and_tenancy(client_for, partnership, other_partnership):
    address = reverse(
        "transitions:sankey", kwargs={"partnership_slug": partnership.slug}
    )
    assert client_for("stuurgroep").get(address).status_code == 200
    other = client_for("stuurgroep", partnership=other_partnership)
    assert other.get(address).status_code == 404


def test_the_note_says_what_other_statuses_holds():
    rows = [
        row(1, 10, "started", 30),
        row(1, 10, "dropped", 2),  # small: into "other statuses"
        row(1, 10, "elsewhere", 4),  # small: into "other statuses"
        row(1, 10, "enrolled", 9),
    ]
    flows = merge_flows(rows, cohort=2026, middle="receiving", k=K)
    assert f"t:{OTHER}" in {f.target for f in flows.flows}
    groups = dict(flows.other_statuses)
    labels = {key: str(label) for key, label, _s in STATUS_GROUPS}
    assert set(groups) == {labels["dropped"], labels["elsewhere"]}
    assert "gestopt" in groups[labels["dropped"]]  # with the statuses each holds


def test_no_other_statuses_no_note():
    rows = [row(1, 10, "started", 30), row(1, 10, "enrolled", 9)]
    assert merge_flows(rows, cohort=2026, middle="receiving", k=K).other_statuses == []


@pytest.mark.django_db
def test_the_sankey_page_lists_the_grouped_statuses(client_for, partnership, settings):
    settings.TRANSITIONS_MIN_CELL = K
    vo = school(partnership, "Vo Oost")
    mbo = school(partnership, "Mbo West", kind="mbo")
    common = {"sending_organisation": vo, "receiving_organisation": mbo}
    make(partnership, 20, **common, **started())
    make(partnership, 2, **common, status="gestopt")
    make(partnership, 3, **common, status="werk")
    response = client_for("stuurgroep").get(
        reverse("transitions:sankey", kwargs={"partnership_slug": partnership.slug}),
        {"cohort": 2025},
    )
    html = response.content.decode()
    assert 'id="other-statuses"' in html
    note = html[html.index('id="other-statuses"') :].split("</p>")[0]
    assert "gestopt" in note and "werk" in note
    assert "status-legend" in html  # every group with its statuses
