"""Whoever asked for a document hears when the worker has made it."""

import pytest
from django.core import mail
from django_scopes import scope

from doorlopend.partnerships.tests.factories import MembershipFactory

from .. import services
from ..models import Kind
from .factories import make_route

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("mail_worker")]


def test_the_asker_hears_the_document_is_ready(
    partnership, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = tmp_path
    route = make_route(partnership)
    asker = MembershipFactory(partnership=partnership)
    with (
        scope(partnership=partnership),
        django_capture_on_commit_callbacks(execute=True),
    ):
        document = services.document_request(route=route, kind=Kind.AGREEMENT, by=asker)
    [message] = mail.outbox
    assert message.to == [asker.user.email]
    assert (
        message.subject
        == f"Je rapport is klaar: samenwerkingsovereenkomst – {route.name}"
    )
    assert f"/documenten/leerroute/{route.pk}/" in message.body
    assert document.pk
