"""One file of every kind the app makes, from the demo data, for opening elsewhere.

`.ci/run` writes them (`manage.py write_sample_outputs DIR` on a throw-away database with
`load_demo`) and opens each with LibreOffice, so a file Word, Excel or a PDF reader would
refuse fails CI. Each file has a name of its own without its extension too: LibreOffice
names what it converts after that stem. Documents come from their builders (what the background jobs call);
exports come from their download views, as a user's browser gets them, so a change to an
export is covered without touching this list.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django_scopes import scope

from doorlopend.accounts.models import User
from doorlopend.partnerships.demo import DEMO_SLUG, demo_email
from doorlopend.partnerships.models import Organisation, Partnership
from doorlopend.reflection import report as reflection_report
from doorlopend.reflection.choices import State
from doorlopend.reflection.models import Session
from doorlopend.routes.models import Leerroute
from doorlopend.transitions.models import Transition

from .kinds import PARTNERSHIP_SPECS, SPECS


def write_samples(directory: Path) -> list[Path]:
    """Write every kind of output of the demo partnership into `directory`; the paths.

    Raises LookupError when the demo data is missing and AssertionError when a download
    does not answer with a file.
    """
    directory.mkdir(parents=True, exist_ok=True)
    partnership = Partnership.objects.filter(slug=DEMO_SLUG).first()
    if partnership is None:
        raise LookupError(f"No partnership {DEMO_SLUG!r} here: run load_demo first.")
    written = []
    with translation.override(settings.LANGUAGE_CODE):
        for name, data in (*_documents(partnership), *_downloads(partnership)):
            path = directory / name
            path.write_bytes(data)
            written.append(path)
    return written


def _documents(partnership: Partnership) -> Iterator[tuple[str, bytes]]:
    with scope(partnership=partnership):
        route = Leerroute.objects.filter(partnership=partnership).first()
        if route is None:
            raise LookupError("The demo partnership has no leerroute: run load_demo.")
        for spec in SPECS.values():
            yield f"{spec.prefix}.{spec.extension}", spec.build()(route)[0]
        for spec in PARTNERSHIP_SPECS.values():
            yield f"{spec.prefix}.{spec.extension}", spec.build()(partnership)[0]
        session = _session_with_results(partnership)
        yield "reflectie-rapport.pdf", reflection_report.report_pdf(session)


def _session_with_results(partnership: Partnership) -> Session:
    session = (
        Session.objects.filter(
            partnership=partnership, organisation=None, state=State.CLOSED
        )
        .order_by("-date", "-pk")
        .first()
    )
    if session is None:
        raise LookupError("The demo partnership has no closed session: run load_demo.")
    return session


def _downloads(partnership: Partnership) -> Iterator[tuple[str, bytes]]:
    """Each export as its view serves it, to the role that may download it."""
    with scope(partnership=partnership):
        route = Leerroute.objects.filter(partnership=partnership).first()
        session = _session_with_results(partnership)
        school = Organisation.objects.get(
            partnership=partnership,
            role_assignments__role="decaan",
            role_assignments__membership__user__email=demo_email("decaan"),
        )
        pupil_id = (
            Transition.objects.filter(sending_organisation=school)
            .values_list("pupil_id", flat=True)
            .first()
        )
    slug = partnership.slug
    for role, name, url in [
        ("coordinator", "begroting.xlsx", reverse("planning:budget_xlsx", args=[slug])),
        (
            "coordinator",
            "reflectie-resultaten.xlsx",
            reverse("reflection:results_xlsx", args=[slug, session.pk]),
        ),
        (
            "coordinator",
            "duo-melding-export-csv.csv",
            reverse("routes:duo_melding_csv", args=[slug, route.pk]),
        ),
        (
            "coordinator",
            "duo-melding-export.xlsx",
            reverse("routes:duo_melding_xlsx", args=[slug, route.pk]),
        ),
        (
            "coordinator",
            "doorstroom-cijfers.xlsx",
            reverse("transitions:figures_export", args=[slug]),
        ),
        (
            "decaan",
            "inzage-leerling.pdf",
            reverse("transitions:pupil_export_pdf", args=[slug, school.pk, pupil_id]),
        ),
        # After the inspection, so the log holds at least that line.
        (
            "privacy_officer",
            "privacy-logboek.csv",
            reverse("transitions:privacy_log_export", args=[slug, school.pk]),
        ),
    ]:
        yield name, _download(role, url)


def _download(role: str, url: str) -> bytes:
    client = Client(HTTP_HOST=(settings.ALLOWED_HOSTS or ["localhost"])[0])
    client.force_login(User.objects.get(email=demo_email(role)))
    response = client.get(url)
    assert response.status_code == 200, f"{url}: status {response.status_code}"
    assert "attachment" in response.get("Content-Disposition", ""), url
    data = (
        b"".join(response.streaming_content) if response.streaming else response.content
    )
    assert data, f"{url}: empty file"
    return data
