"""Open answers as the facilitator and every output show them: without attribution,
nothing under k, hidden ones nowhere, text never a formula."""

from io import BytesIO

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django_scopes import scope, scopes_disabled
from openpyxl import load_workbook

from doorlopend.core.testing.pdf import pdf_text

from .. import report as report_module
from .. import services
from ..models import OpenAnswerEvent
from ..selectors.open_answers import open_answers
from .draagvlak_helpers import close, filled, open_answer

pytestmark = pytest.mark.django_db

TEXTS = [
    "Vakmensen voor de regio.",
    "Minder uitval in het eerste jaar.",
    "Jan Voorbeeld houdt alles tegen.",
    "Een programma zonder knip.",
]


def page_url(name, session, *args):
    return reverse(
        f"reflection:{name}", args=[session.partnership.slug, session.pk, *args]
    )


def hide_url(session, answer, show=False):
    name = "open_answer_show" if show else "open_answer_hide"
    return reverse(f"reflection:{name}", args=[session.partnership.slug, answer.pk])


def results_page(client, session) -> str:
    response = client.get(page_url("session_detail", session) + "?tab=resultaten")
    assert response.status_code == 200
    return response.content.decode()


def xlsx_text(client, session) -> str:
    response = client.get(page_url("results_xlsx", session))
    wb = load_workbook(BytesIO(response.content))
    return "\n".join(
        str(v) for ws in wb for row in ws.iter_rows(values_only=True) for v in row if v
    )


def pdf(session) -> str:
    with (
        scope(partnership=session.partnership),
        translation.override(settings.LANGUAGE_CODE),
    ):
        return pdf_text(report_module.report_pdf(session))


def outputs(client, session) -> list[str]:
    """Every place an open answer could show: page, results per party, beamer, XLSX."""
    return [
        results_page(client, session),
        client.get(page_url("session_parties", session)).content.decode(),
        client.get(page_url("session_presenter", session)).content.decode(),
        xlsx_text(client, session),
    ]


def test_answers_show_in_alphabetical_order_without_who_wrote_them(
    partnership, client_for
):
    session = filled(partnership, {"vo": 2, "bedrijfsleven": 2}, TEXTS)
    page = results_page(client_for("coordinator"), session)
    section = page[page.index('id="open-answers"') :]
    positions = [section.index(t) for t in sorted(TEXTS)]
    assert positions == sorted(positions)  # the text's order, not who came first
    listing = section[: section.index("</ul>")]
    for attribution in ("bedrijfsleven", "werkgevers", "employers", ">vo<", "token"):
        assert attribution not in listing


def test_under_k_no_answer_appears_anywhere(partnership, client_for):
    # Four people scored, but only two wrote: under k for that question.
    session = filled(partnership, {"vo": 4}, TEXTS[:2])
    close(session)
    client = client_for("coordinator")
    for shown in outputs(client, session):
        for text in TEXTS[:2]:
            assert text not in shown
    assert TEXTS[0] not in pdf(session)
    # Three wrote, but only two scored: the session is under k, so nothing shows.
    small = filled(partnership, {"vo": 2}, TEXTS[:2])
    with scope(partnership=partnership):
        writer = services.participant_join(session=small, sector="vo")
        services.open_answer_save(
            participant=writer, question_key="behoefte-open", text=TEXTS[2]
        )
    with scope(partnership=partnership):
        assert all(q.suppressed for q in open_answers(session=small))


def test_hiding_asks_first_then_hides_from_every_output_and_logs_who(
    partnership, client_for
):
    session = filled(partnership, {"vo": 2, "mbo": 2}, TEXTS)
    close(session)
    client = client_for("coordinator")
    remark = open_answer(session, TEXTS[2])
    confirm = client.get(hide_url(session, remark))
    assert confirm.status_code == 200
    assert TEXTS[2] in confirm.content.decode()
    with scopes_disabled():
        assert not OpenAnswerEvent.objects.exists()  # a GET changes nothing

    response = client.post(hide_url(session, remark))
    assert response.status_code == 302
    client.post(hide_url(session, remark))  # a double submit logs once
    with scopes_disabled():
        events = list(OpenAnswerEvent.objects.values_list("action", "by__email"))
    assert len(events) == 1
    assert events[0][0] == "hidden" and events[0][1]  # who hid it is kept
    for shown in outputs(client, session)[1:]:
        assert TEXTS[2] not in shown
    assert TEXTS[0] in xlsx_text(client, session)
    text = pdf(session)
    assert TEXTS[2] not in text and "Vakmensen voor de regio." in text
    # The facilitator's page keeps it apart, to show it again.
    page = results_page(client, session)
    assert 'class="open-hidden"' in page and TEXTS[2] in page

    client.post(hide_url(session, remark, show=True))
    assert TEXTS[2] in xlsx_text(client, session)
    with scopes_disabled():
        assert list(OpenAnswerEvent.objects.values_list("action", flat=True)) == [
            "hidden",
            "shown",
        ]


def test_hiding_one_of_three_leaves_too_few_to_show(partnership, client_for):
    session = filled(partnership, {"vo": 3}, TEXTS[:3])
    client = client_for("coordinator")
    client.post(hide_url(session, open_answer(session, TEXTS[0])))
    for shown in outputs(client, session):
        assert TEXTS[1] not in shown and TEXTS[2] not in shown


def test_an_answer_that_looks_like_a_formula_is_text_in_the_export(
    partnership, client_for
):
    formula = '=HYPERLINK("http://example.org","klik")'
    session = filled(partnership, {"vo": 3}, [formula, "Twee", "Drie"])
    response = client_for("coordinator").get(page_url("results_xlsx", session))
    wb = load_workbook(BytesIO(response.content))
    cells = [c for row in wb[wb.sheetnames[-1]].iter_rows() for c in row]
    cell = next(c for c in cells if c.value == formula)
    assert cell.data_type == "s" and cell.quotePrefix


def test_who_may_hide(partnership, other_partnership, client_for):
    session = filled(partnership, {"vo": 3}, TEXTS[:3])
    remark = open_answer(session, TEXTS[0])
    assert client_for("stuurgroep").get(hide_url(session, remark)).status_code == 403
    assert client_for("docent").post(hide_url(session, remark)).status_code == 403
    # From another partnership, the answer is not there.
    outsider = client_for("coordinator", partnership=other_partnership)
    foreign = reverse(
        "reflection:open_answer_hide", args=[other_partnership.slug, remark.pk]
    )
    assert outsider.get(foreign).status_code == 404
    assert outsider.post(foreign).status_code == 404
    with scope(partnership=partnership):
        assert not open_answer(session, TEXTS[0]).hidden


def test_the_results_tab_with_many_open_answers_reads_a_fixed_number_of_queries(
    partnership, client_for, django_assert_max_num_queries
):
    texts = [f"Antwoord {n}" for n in range(40)]
    session = filled(partnership, {"vo": 20, "mbo": 20}, texts)
    client = client_for("coordinator")
    client.post(hide_url(session, open_answer(session, "Antwoord 7")))
    results_page(client, session)
    with django_assert_max_num_queries(16):
        page = results_page(client, session)
    assert "Antwoord 39" in page
