"""A route's generated documents as a part of it (registered in `DocumentsConfig.ready()`):
their files are deleted with the route, and the delete page counts them."""

from __future__ import annotations

from doorlopend.routes.models import Leerroute
from doorlopend.routes.parts import RoutePart

from .models import GeneratedDocument


def _files(route: Leerroute) -> list[str]:
    return list(
        GeneratedDocument.objects.filter(route=route)
        .exclude(file="")
        .values_list("file", flat=True)
    )


def _count(route: Leerroute) -> int:
    return GeneratedDocument.objects.filter(route=route).count()


DOCUMENTS = RoutePart(name="documents", files=_files, count=_count)
