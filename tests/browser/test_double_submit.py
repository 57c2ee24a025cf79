"""A create form sent twice makes one thing (core.submit_once): the decaan presses
"Link maken" twice — the first request's answer is lost, as when a double click or a
slow network sends the form again — and the pupil's link that the page shows is the one
link, and it works."""

import pytest
from django_scopes import scopes_disabled
from playwright.sync_api import Page, expect

from doorlopend.dossier.models import DossierLink

from .support import load_demo
from .test_dossier_flow import leaver  # noqa: F401
from .test_partnership_flow import log_in

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def demo_only(db):
    load_demo()


FIRST_PRESS = """async () => {
    const button = document.querySelector('button[value="create"]');
    const data = new FormData(button.form);
    data.append("action", "create");
    // (form.action is the button named "action": read the attribute)
    const url = button.form.getAttribute("action");
    const response = await fetch(url, {method: "POST", body: data});
    return response.status;
}"""


def test_pressing_make_a_link_twice_makes_one_working_link(
    leaver,  # noqa: F811
    live_server,
    page: Page,
    new_context,
    screenshot,
):
    base = live_server.url
    log_in(page, base, "decaan@example.org")
    page.goto(base + leaver)
    # The first press: sent and answered, but the answer is never shown.
    assert page.evaluate(FIRST_PRESS) == 200
    page.get_by_role("button", name="Link maken").click()  # the second press
    expect(page.locator("#new-link-url")).to_be_visible()
    link = page.locator("#new-link-url").input_value()
    screenshot(page, "dossier-new-link-after-two-presses", widths=(375, 768, 1280))
    transition_id = int(leaver.rstrip("/").rsplit("/", 1)[1])
    with scopes_disabled():
        links = list(DossierLink.objects.filter(dossier__transition_id=transition_id))
    assert len(links) == 1 and links[0].revoked_at is None
    phone = new_context().new_page()
    phone.goto(link)
    expect(phone.get_by_label("Wat helpt jou om te leren?")).to_be_visible()


FIRST_SEND = """async () => {
    // The first send of the form as the browser would send it (urlencoded, with the key
    // js/forms.js gave the form); its answer is never shown, as when the network drops it.
    const form = document.querySelector("main form[method=post]");
    const body = new URLSearchParams(new FormData(form));
    const response = await fetch(form.action || location.href, {
        method: "POST", body, redirect: "manual",
    });
    return response.type;
}"""


def test_any_form_sent_twice_makes_one_thing(demo_only, live_server, page: Page):
    """Every form gets its key from js/forms.js (core.submit_once.SubmitOnceMiddleware):
    a task form sent twice, the first answer lost, makes one task."""
    from doorlopend.partnerships.demo import DEMO_SLUG
    from doorlopend.planning.models import Task

    base = live_server.url
    log_in(page, base, "coordinator@example.org")
    expect(page.get_by_role("button", name="Uitloggen")).to_be_attached()
    page.goto(f"{base}/p/{DEMO_SLUG}/plan/taken/nieuw/")
    assert page.locator("main form input[name=submit_once]").count() == 1
    page.get_by_label("Taak:", exact=True).fill("Gastles techniek voorbereiden")
    assert page.evaluate(FIRST_SEND) == "opaqueredirect"
    page.get_by_role("button", name="Opslaan").click()  # the second press
    expect(page.get_by_text("Gastles techniek voorbereiden").first).to_be_visible()
    with scopes_disabled():
        made = Task.objects.filter(title="Gastles techniek voorbereiden").count()
    assert made == 1
