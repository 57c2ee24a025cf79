"""The timeline at every width: an agenda on a phone, an axis on a desktop, A4 on paper.

No word is broken in the middle at any width (the issue showed "novembe r"), the year's
axis shows the school holidays, and printed the year fits one A4 landscape page.
"""

import pytest
from playwright.sync_api import Page, expect

from doorlopend.core.testing.pdf import pdf_reader, pdf_text

from .support import load_demo
from .test_partnership_flow import log_in

pytestmark = pytest.mark.django_db(transaction=True)

# Words that were cut in two: a line box whose text ends inside a word.
BROKEN_WORDS = """() => {
  const broken = [];
  for (const el of document.querySelectorAll('.timeline h2, .timeline-item *, .day-off *')) {
    for (const node of el.childNodes) {
      if (node.nodeType !== Node.TEXT_NODE) continue;
      const text = node.textContent;
      const range = document.createRange();
      let top = null;
      for (let i = 0; i < text.length; i++) {
        range.setStart(node, i); range.setEnd(node, i + 1);
        const rect = range.getClientRects()[0];
        if (!rect) continue;
        if (top !== null && rect.top > top + 2 && /\\S/.test(text[i - 1]) && /\\S/.test(text[i])
            && !/[\\/–-]/.test(text[i - 1])) {
          broken.push(text);
          break;
        }
        top = rect.top;
      }
    }
  }
  return broken;
}"""


@pytest.fixture
def demo(db):
    load_demo()


def test_timeline_reads_at_every_width_and_prints_on_a4(
    demo, live_server, page: Page, axe_check, screenshot, tmp_path
):
    base = live_server.url
    log_in(page, base, "coordinator@example.org")
    page.goto(f"{base}/p/rivierenland/plan/tijdlijn/")
    expect(page.get_by_text("Schoolvakanties van regio zuid.")).to_be_visible()
    expect(page.locator(".day-off-school").first).to_be_visible()
    axe_check(page)
    screenshot(page, "timeline", widths=(1280, 768, 375))

    # A phone: an agenda, one month under the other, and no axis.
    page.set_viewport_size({"width": 375, "height": 800})
    assert page.locator(".timeline").evaluate("e => getComputedStyle(e).display") == (
        "block"
    )
    expect(page.locator(".timeline-axis")).to_be_hidden()
    assert page.evaluate(BROKEN_WORDS) == []

    # A desktop: the axis with its holiday bands, months side by side, readable.
    for width in (768, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        expect(page.locator(".timeline-axis")).to_be_visible()
        assert page.locator(".axis-band").count() >= 5
        widths = page.locator(".timeline-month").evaluate_all(
            "els => els.map(e => e.getBoundingClientRect().width)"
        )
        assert min(widths) >= 200, widths
        assert page.evaluate(BROKEN_WORDS) == [], width
        overflowing = page.locator(".timeline-item").evaluate_all(
            "els => els.filter(e => e.scrollWidth > e.clientWidth + 1).length"
        )
        assert overflowing == 0  # no badge sticks out of its item

    # On paper: A4 landscape, the site's header gone, six months across.
    page.emulate_media(media="print")
    expect(page.locator(".site-header")).to_be_hidden()
    columns = page.locator(".timeline").evaluate(
        "e => getComputedStyle(e).gridTemplateColumns.split(' ').length"
    )
    assert columns == 6
    pdf = tmp_path / "tijdlijn.pdf"
    page.pdf(path=str(pdf), prefer_css_page_size=True)
    reader = pdf_reader(pdf.read_bytes())
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(box.width), round(box.height)) == (842, 595)  # A4, landscape
    text = pdf_text(pdf.read_bytes())
    assert "Kerstvakantie" in text and "Ouderavond doorlopende leerroute" in text
