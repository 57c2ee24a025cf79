"""The route's documents page: make, poll, download, compare; who may do what."""

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from django_scopes import scopes_disabled

from ..kinds import SPECS
from ..models import GeneratedDocument, Kind
from .factories import made, make_route

pytestmark = pytest.mark.django_db
Status = GeneratedDocument.Status


@pytest.fixture(autouse=True)
def tasks_and_media(settings, tmp_path):
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}
    }
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def route(partnership):
    return make_route(partnership)


def url(name, route, *args):
    return reverse(f"documents:{name}", args=[route.partnership.slug, *args])


def page_url(route):
    return url("route_documents", route, route.pk)


def version(route, kind=Kind.PROJECTPLAN, text="regel 1\n", **fields):
    from .. import services

    document = made(
        route,
        kind,
        content_text=text,
        content_hash=services.content_hash(text),
        size=len(text),
        filename=f"{kind}.pdf",
        **fields,
    )
    with scopes_disabled():
        document.file.save(f"{kind}.bin", ContentFile(b"%PDF-1.7 test"), save=True)
    return document


def test_the_page_lists_every_kind_with_a_make_button(route, client_for):
    page = client_for("coordinator").get(page_url(route)).content.decode()
    for kind in SPECS:  # the route's kinds (the voortgangsrapportage is the plan's)
        assert url("generate", route, route.pk, kind) in page
    assert pgettext("a document", "Make") in page
    assert _("Not made yet.") in page


def test_making_a_document_builds_it_and_the_page_offers_it(
    route, client_for, django_capture_on_commit_callbacks
):
    client = client_for("coordinator")
    target = url("generate", route, route.pk, Kind.AGREEMENT)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(target, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    with scopes_disabled():
        document = GeneratedDocument.objects.get()
    assert document.status == Status.DONE
    status = client.get(url("document_status", route, document.pk)).content.decode()
    assert "hx-trigger" not in status  # finished: polling stops
    assert 'hx-swap-oob="true"' in status  # and the versions are swapped in
    assert url("download", route, document.pk) in status
    download = client_for("stuurgroep").get(url("download", route, document.pk))
    assert download.status_code == 200
    assert download["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    assert "attachment" in download["Content-Disposition"]
    assert document.filename in download["Content-Disposition"]
    assert b"".join(download.streaming_content).startswith(b"PK")


def test_while_pending_the_status_polls(route, client_for):
    document = made(route, Kind.PROJECTPLAN, status=Status.RUNNING, progress=40)
    page = client_for("coordinator").get(page_url(route)).content.decode()
    assert 'hx-trigger="every 2s"' in page
    assert url("document_status", route, document.pk) in page
    assert 'value="40"' in page and _("The document is being made.") in page
    status = client_for("docent").get(url("document_status", route, document.pk))
    assert 'hx-trigger="every 2s"' in status.content.decode()


def test_without_parties_the_agreement_says_why(partnership, client_for):
    route = make_route(partnership, name="Zonder partijen", parties=False)
    response = client_for("coordinator").post(
        url("generate", route, route.pk, Kind.AGREEMENT), HTTP_HX_REQUEST="true"
    )
    assert (
        _(
            "This document lists the parties of the route: add them on the route's "
            "page first."
        ).replace("'", "&#x27;")
        in response.content.decode()
    )
    with scopes_disabled():
        assert not GeneratedDocument.objects.exists()


def test_without_htmx_making_redirects_to_the_page(route, client_for):
    response = client_for("coordinator").post(
        url("generate", route, route.pk, Kind.DUO_MELDING)
    )
    assert response.status_code == 302 and response["Location"] == page_url(route)


def test_a_failed_document_shows_its_message(route, client_for):
    made(
        route,
        Kind.FINANCIAL,
        status=Status.FAILED,
        errors=[{"line": 0, "reason": "Het ging mis (OSError)."}],
    )
    page = client_for("coordinator").get(page_url(route)).content.decode()
    assert "Het ging mis (OSError)." in page


def test_same_content_is_marked_and_versions_come_newest_first(route, client_for):
    first = version(route, text="a\nb\n")
    second = version(route, text="a\nb\n")
    third = version(route, text="a\nc\n")
    page = client_for("werkgroeplid").get(page_url(route)).content.decode()
    assert page.count(_("same content as the previous version")) == 1
    downloads = [
        page.index(url("download", route, d.pk)) for d in (third, second, first)
    ]
    assert downloads == sorted(downloads)
    assert url("compare", route, route.pk, Kind.PROJECTPLAN) in page
    assert first.content_hash[:12] in page


def test_compare_shows_the_changed_lines_with_signs(route, client_for):
    old = version(route, text="Doel: techniek\nStatus: bezig\nEinde\n")
    new = version(route, text="Doel: techniek\nStatus: gereed\nEinde\n")
    target = url("compare", route, route.pk, Kind.PROJECTPLAN)
    # The order of the picks does not matter: the earlier version comes first.
    page = client_for("stuurgroep").get(target, {"a": new.pk, "b": old.pk})
    html = page.content.decode()
    assert page.status_code == 200
    assert f"{_('Removed:')} </span>Status: bezig</del>" in html
    assert f"{_('Added:')} </span>Status: gereed</ins>" in html
    assert html.index("Status: bezig") < html.index("Status: gereed")
    assert '<span class="diff-sign" aria-hidden="true">+</span>' in html
    assert '<span class="diff-sign" aria-hidden="true">−</span>' in html


def test_compare_of_the_same_content_says_so(route, client_for):
    old, new = version(route, text="x\n"), version(route, text="x\n")
    page = client_for("coordinator").get(
        url("compare", route, route.pk, Kind.PROJECTPLAN), {"a": old.pk, "b": new.pk}
    )
    assert _("The two versions have the same content.") in page.content.decode()


def test_compare_is_404_for_a_version_of_another_kind_or_route(
    route, partnership, client_for
):
    own = version(route)
    other_kind = version(route, Kind.AGREEMENT)
    other_route = version(make_route(partnership, name="Zorg Rivierenland"))
    client = client_for("coordinator")
    target = url("compare", route, route.pk, Kind.PROJECTPLAN)
    for other in (other_kind, other_route):
        assert client.get(target, {"a": own.pk, "b": other.pk}).status_code == 404
    assert client.get(target, {"a": own.pk, "b": "x"}).status_code == 404
    unknown = url("compare", route, route.pk, "brochure")
    assert client.get(unknown).status_code == 404


def test_stuurgroep_may_download_but_not_make(route, client_for):
    document = version(route)
    client = client_for("stuurgroep")
    assert client.get(url("download", route, document.pk)).status_code == 200
    page = client.get(page_url(route)).content.decode()
    assert url("generate", route, route.pk, Kind.PROJECTPLAN) not in page
    response = client.post(url("generate", route, route.pk, Kind.PROJECTPLAN))
    assert response.status_code == 403
    with scopes_disabled():
        assert GeneratedDocument.objects.count() == 1


def test_download_is_404_until_the_document_is_done(route, client_for):
    document = made(route, Kind.PROJECTPLAN, status=Status.RUNNING)
    response = client_for("coordinator").get(url("download", route, document.pk))
    assert response.status_code == 404


def test_another_partnership_gets_404(route, other_partnership, client_for):
    document = version(route)
    outsider = client_for("coordinator", partnership=other_partnership)
    slug = other_partnership.slug
    for name, args, method in (
        ("route_documents", [route.pk], "get"),
        ("generate", [route.pk, Kind.PROJECTPLAN], "post"),
        ("document_status", [document.pk], "get"),
        ("download", [document.pk], "get"),
        ("compare", [route.pk, Kind.PROJECTPLAN], "get"),
    ):
        target = reverse(f"documents:{name}", args=[slug, *args])
        assert getattr(outsider, method)(target).status_code == 404, name


def test_page_queries_stay_flat_with_many_versions(
    route, client_for, django_assert_max_num_queries
):
    client = client_for("coordinator")
    for kind in Kind:
        for i in range(6):
            made(route, kind, content_hash=f"{i % 2:064d}", size=1000 + i)
    made(route, Kind.PROJECTPLAN, status=Status.RUNNING)
    client.get(
        page_url(route)
    )  # the first visit also stores the partnership in the session
    # 7 for the page, 2 per approvable kind (its newest version, its approvals).
    with django_assert_max_num_queries(13):
        response = client.get(page_url(route))
    assert response.status_code == 200


def test_regenerating_keeps_versions_and_compare_shows_what_changed(
    route, client_for, django_capture_on_commit_callbacks
):
    client = client_for("coordinator")
    target = url("generate", route, route.pk, Kind.DUO_MELDING)

    def generate():
        with django_capture_on_commit_callbacks(execute=True):
            client.post(target, HTTP_HX_REQUEST="true")

    generate()
    generate()
    page = client.get(page_url(route)).content.decode()
    assert page.count(_("same content as the previous version")) == 1
    with scopes_disabled():
        route.crebo = "25181"
        route.save()
    generate()
    with scopes_disabled():
        first, _second, third = GeneratedDocument.objects.order_by("pk")
    assert first.content_hash != third.content_hash
    compare = client.get(
        url("compare", route, route.pk, Kind.DUO_MELDING),
        {"a": first.pk, "b": third.pk},
    ).content.decode()
    assert "| 25180 |" in compare and "| 25181 |" in compare
    assert compare.index("| 25180 |") < compare.index("| 25181 |")
    removed, added = compare.split(_("Removed:"))[1], compare.split(_("Added:"))[1]
    assert "| 25180 |" in removed.split("</del>")[0]
    assert "| 25181 |" in added.split("</ins>")[0]
