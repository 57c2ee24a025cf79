"""Files of a practice: the upload checks of core.files, and who downloads them."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django_scopes import scopes_disabled

from ..models import PracticeAttachment
from .factories import PracticeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def url(name, partnership, *args):
    return reverse(f"knowledge:{name}", args=[partnership.slug, *args])


def _upload(client, partnership, practice, name, content=b"%PDF-1.4"):
    return client.post(
        url("attachment_add", partnership, practice.pk),
        {"file": SimpleUploadedFile(name, content)},
        follow=True,
    )


def test_a_file_of_a_refused_type_is_not_stored(client_for, partnership):
    practice = PracticeFactory(partnership=partnership)
    response = _upload(client_for("werkgroeplid"), partnership, practice, "macro.exe")
    assert "Bestanden van het type .exe" in response.content.decode()
    with scopes_disabled():
        assert not PracticeAttachment.objects.exists()


def test_files_of_a_published_practice_reach_other_partnerships(
    client_for, partnership, other_partnership
):
    practice = PracticeFactory(partnership=partnership)
    _upload(client_for("werkgroeplid"), partnership, practice, "draaiboek.pdf")
    with scopes_disabled():
        attachment = PracticeAttachment.objects.get()
    outsider = client_for("docent", partnership=other_partnership)
    address = url("attachment_download", other_partnership, practice.pk, attachment.pk)
    assert outsider.get(address).status_code == 404  # a draft's file
    with scopes_disabled():
        practice.status = "published"
        practice.save()
    response = outsider.get(address)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4"
    assert "attachment" in response["Content-Disposition"]
