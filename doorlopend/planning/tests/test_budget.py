"""The budget: Decimal-exact totals, warnings on overspending, the XLSX, the pages."""

from decimal import Decimal
from io import BytesIO

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled
from openpyxl import load_workbook

from doorlopend.partnerships.tests.factories import OrganisationFactory
from doorlopend.planning.export_budget import EURO, budget_xlsx
from doorlopend.planning.models import BudgetLine, FundingSource
from doorlopend.planning.selectors.budget import budget_totals, plan_budget
from doorlopend.planning.services import budget as services

from .factories import ActivityFactory, BudgetLineFactory, FundingSourceFactory

pytestmark = pytest.mark.django_db
D = Decimal


def url(partnership, name, *args) -> str:
    return reverse(f"planning:{name}", args=[partnership.slug, *args])


def test_totals_are_exact_to_the_cent(partnership):
    source = FundingSourceFactory(partnership=partnership, amount=D("0.30"))
    school = OrganisationFactory(partnership=partnership, name="Vakcollege")
    BudgetLineFactory(
        source=source, organisation=school, planned=D("0.10"), spent=D("0.10")
    )
    BudgetLineFactory(
        source=source, planned=D("0.20"), committed=D("0.05"), spent=D("0.20")
    )
    with scopes_disabled():
        overview = budget_totals(partnership=partnership)
    totals = overview.sources[0].totals
    assert totals.planned == D("0.30")
    assert totals.spent == D("0.30")
    assert totals.committed == D("0.05")
    assert totals.left == D("0.00")
    assert isinstance(totals.planned, Decimal)
    assert not overview.sources[0].overplanned
    assert not overview.has_warnings
    per_org = {
        (o.organisation.name if o.organisation else None): o.totals.planned
        for o in overview.organisations
    }
    assert per_org == {"Vakcollege": D("0.10"), None: D("0.20")}


def test_many_small_amounts_add_up_exactly(partnership):
    source = FundingSourceFactory(partnership=partnership, amount=D("100.00"))
    with scopes_disabled():
        BudgetLine.objects.bulk_create(
            [
                BudgetLine(source=source, description="x", planned=D("0.10"))
                for _n in range(1000)
            ]
        )
        overview = budget_totals(partnership=partnership)
    assert overview.total.planned == D("100.00")
    assert not overview.sources[0].overplanned


def test_overspent_line_and_overplanned_source_are_warned(partnership):
    source = FundingSourceFactory(partnership=partnership, amount=D("1000.00"))
    BudgetLineFactory(source=source, planned=D("800.00"), spent=D("950.50"))
    BudgetLineFactory(source=source, planned=D("300.00"), spent=D("0"))
    with scopes_disabled():
        overview = budget_totals(partnership=partnership)
    row = overview.sources[0]
    assert [line.overspent for line in row.lines] == [True, False]
    assert row.overplanned
    assert row.overplanned_by == D("100.00")
    assert overview.overspent_lines == 1
    assert overview.has_warnings


def test_amounts_cannot_be_negative_and_names_are_unique(partnership):
    FundingSourceFactory(partnership=partnership, name="Regionale middelen")
    with pytest.raises(ValidationError) as e, scopes_disabled():
        services.source_create(
            partnership=partnership,
            name="regionale middelen",
            kind="regional",
            amount=D("-1"),
        )
    assert e.value.message_dict["amount"] == [_("An amount cannot be negative.")]
    with pytest.raises(ValidationError) as e, scopes_disabled():
        services.source_create(
            partnership=partnership,
            name="regionale middelen",
            kind="regional",
            amount=D("1"),
        )
    assert e.value.message_dict["name"] == [
        _("This partnership already has a source named %(name)s.")
        % {"name": "regionale middelen"}
    ]


def test_a_source_with_lines_cannot_be_deleted(partnership):
    line = BudgetLineFactory(source__partnership=partnership)
    with pytest.raises(ValidationError) as e, scopes_disabled():
        services.source_delete(source=line.source)
    assert e.value.code == "has_lines"
    with scopes_disabled():
        services.line_delete(line=line)
        services.source_delete(source=line.source)
        assert not FundingSource.objects.exists()


def test_a_line_of_another_partnerships_activity_is_refused(
    partnership, other_partnership
):
    source = FundingSourceFactory(partnership=partnership)
    with pytest.raises(ValidationError) as e, scopes_disabled():
        services.line_create(
            source=source,
            description="Bus",
            activity=ActivityFactory(partnership=other_partnership),
            planned=D("10"),
            committed=D("0"),
            spent=D("0"),
        )
    assert e.value.message_dict["activity"] == [
        _("Choose an activity of this partnership.")
    ]


def test_xlsx_reads_back_with_values_and_euro_format(partnership):
    source = FundingSourceFactory(
        partnership=partnership, name="Regionale middelen", amount=D("1000.00")
    )
    school = OrganisationFactory(partnership=partnership, name="Vakcollege")
    activity = ActivityFactory(partnership=partnership, title="Open dag")
    BudgetLineFactory(
        source=source,
        organisation=school,
        activity=activity,
        description="Bus",
        planned=D("0.10"),
        committed=D("0.00"),
        spent=D("0.20"),
    )
    BudgetLineFactory(source=source, description="Zaalhuur", planned=D("0.20"))
    with scopes_disabled():
        wb = load_workbook(BytesIO(budget_xlsx(partnership=partnership)))
    lines = wb[_("Budget lines")]
    assert [c.value for c in lines[1]] == [
        _("Funding source"),
        _("Organisation"),
        _("Description"),
        _("Activity"),
        _("Planned"),
        _("Committed"),
        _("Spent"),
        _("Left"),
    ]
    assert lines[1][0].font.bold
    assert lines.freeze_panes == "A2"
    bus = [c.value for c in lines[2]]
    assert bus[:4] == ["Regionale middelen", "Vakcollege", "Bus", "Open dag"]
    assert [D(str(v)) for v in bus[4:]] == [D("0.1"), D("0"), D("0.2"), D("-0.1")]
    assert lines["E2"].number_format == EURO
    assert lines["E4"].value == "=SUM(E2:E3)"
    per_source = wb[_("Per source")]
    assert [c.value for c in per_source[2]][0] == "Regionale middelen"
    assert D(str(per_source["C2"].value)) == D("0.3")
    assert per_source["C2"].number_format == "€ #,##0.00"
    per_org = wb[_("Per organisation")]
    names = [row[0] for row in per_org.iter_rows(min_row=2, values_only=True)]
    assert names == ["Vakcollege", _("The partnership as a whole"), _("Total")]


def test_budget_page_shows_totals_and_warnings(partnership, client_for):
    source = FundingSourceFactory(
        partnership=partnership, name="Eigen budget ROC", amount=D("500.00")
    )
    BudgetLineFactory(
        source=source,
        description="Catering",
        planned=D("12500.50"),
        spent=D("12600.75"),
    )
    response = client_for("stuurgroep").get(url(partnership, "budget"))
    page = response.content.decode()
    assert "€ 12.500,50" in page
    assert _("Overspent by € %(amount)s") % {"amount": "100,25"} in page
    assert (
        _(
            "Warning: the lines of this source plan € %(amount)s more than the "
            "€ %(granted)s granted."
        )
        % {"amount": "12.000,50", "granted": "500,00"}
        in page
    )
    assert page.count('role="alert"') >= 3


def test_coordinator_adds_a_source_and_a_line_with_a_dutch_comma(
    partnership, client_for
):
    client = client_for("coordinator")
    response = client.post(
        url(partnership, "source_create"),
        {"name": "Regionale middelen", "kind": "regional", "amount": "12500,50"},
    )
    assert response.status_code == 302
    with scopes_disabled():
        source = FundingSource.objects.get()
    assert source.amount == D("12500.50")
    response = client.post(
        url(partnership, "line_create", source.pk),
        {"description": "Bus", "planned": "300", "committed": "0", "spent": "veel"},
    )
    assert response.status_code == 200
    assert response.context["form"].has_error("spent", "invalid")
    response = client.post(
        url(partnership, "line_create", source.pk),
        {"description": "Bus", "planned": "300", "committed": "0,10", "spent": "0,20"},
    )
    assert response.status_code == 302
    with scopes_disabled():
        line = BudgetLine.objects.get()
    assert (line.committed, line.spent) == (D("0.10"), D("0.20"))
    response = client.post(
        url(partnership, "line_edit", line.pk),
        {"description": "Bus", "planned": "300", "committed": "0", "spent": "310"},
    )
    with scopes_disabled():
        line.refresh_from_db()
    assert line.spent == D("310.00")
    client.post(url(partnership, "source_delete", source.pk))
    with scopes_disabled():
        assert FundingSource.objects.exists()
    client.post(url(partnership, "line_delete", line.pk))
    client.post(url(partnership, "source_delete", source.pk))
    with scopes_disabled():
        assert not FundingSource.objects.exists()


def test_stuurgroep_reads_but_may_not_change_the_budget(partnership, client_for):
    line = BudgetLineFactory(source__partnership=partnership)
    client = client_for("stuurgroep")
    assert client.get(url(partnership, "budget")).status_code == 200
    assert client.get(url(partnership, "budget_xlsx")).status_code == 200
    for name, args in [
        ("source_create", []),
        ("source_edit", [line.source_id]),
        ("source_delete", [line.source_id]),
        ("line_create", [line.source_id]),
        ("line_edit", [line.pk]),
        ("line_delete", [line.pk]),
    ]:
        assert client.post(url(partnership, name, *args), {}).status_code == 403


def test_another_partnerships_line_is_not_found(
    partnership, other_partnership, client_for
):
    line = BudgetLineFactory(source__partnership=other_partnership)
    client = client_for("coordinator")
    assert client.get(url(partnership, "line_edit", line.pk)).status_code == 404
    assert (
        client.post(url(partnership, "source_delete", line.source_id)).status_code
        == 404
    )


def test_budget_queries_with_many_lines(
    partnership, client_for, django_assert_max_num_queries
):
    schools = OrganisationFactory.create_batch(4, partnership=partnership)
    activities = ActivityFactory.create_batch(5, partnership=partnership)
    sources = FundingSourceFactory.create_batch(3, partnership=partnership)
    with scopes_disabled():
        BudgetLine.objects.bulk_create(
            [
                BudgetLine(
                    source=sources[n % 3],
                    organisation=schools[n % 4] if n % 5 else None,
                    activity=activities[n % 5] if n % 2 else None,
                    description=f"Regel {n}",
                    planned=D("100.10"),
                    spent=D("100.20") if n % 7 == 0 else D("50"),
                )
                for n in range(150)
            ]
        )
    client = client_for("stuurgroep")
    # One more than the page itself: the schools of the filter "Van".
    with django_assert_max_num_queries(11):
        assert client.get(url(partnership, "budget")).status_code == 200
    with django_assert_max_num_queries(10):
        assert client.get(url(partnership, "budget_xlsx")).status_code == 200


def test_plan_budget_summary(partnership, django_assert_max_num_queries):
    source = FundingSourceFactory(partnership=partnership, amount=D("100"))
    BudgetLineFactory(source=source, planned=D("60"), spent=D("70"))
    BudgetLineFactory(source=source, planned=D("50"))
    with django_assert_max_num_queries(2), scopes_disabled():
        summary = plan_budget(
            partnership=partnership, membership=None, today=timezone.localdate()
        )
    assert summary.total.planned == D("110.00")
    assert summary.overspent_lines == 1
    assert summary.overplanned_sources == [source.name]
    assert summary.has_warnings
