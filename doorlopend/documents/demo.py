"""The demo route's samenwerkingsovereenkomst, made once (a Word file, fast to build), so
that the demo has a document version to compare and to submit to the stuurgroep."""

from __future__ import annotations

from doorlopend.core.demo import DemoContext
from doorlopend.partnerships.roles import Role
from doorlopend.routes.demo import ROUTE_NAME
from doorlopend.routes.models import Leerroute

from . import services
from .models import GeneratedDocument, Kind


def load_demo(context: DemoContext) -> None:
    route = Leerroute.objects.filter(
        partnership=context.partnership, name=ROUTE_NAME
    ).first()
    if (
        route is None
        or GeneratedDocument.objects.filter(route=route, kind=Kind.AGREEMENT).exists()
    ):
        return
    document = GeneratedDocument.objects.create(
        partnership=route.partnership,
        route=route,
        kind=Kind.AGREEMENT,
        created_by=context.people.get(Role.COORDINATOR),
        language="nl",
    )
    # Made here and now (not by the worker): the demo is loaded before one runs.
    services.document_build(document_id=document.pk)
    context.count("documents", 1)
