"""What the routes views share: finding the route of the URL, and its page address."""

from __future__ import annotations

from django.http import HttpRequest
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse

from ..models import Leerroute


def route_of(request: HttpRequest, route_id: int) -> Leerroute:
    return get_object_or_404(
        Leerroute.objects.select_related("mbo_location"),
        pk=route_id,
        partnership=request.partnership,
    )


def detail_url(request: HttpRequest, route: Leerroute, anchor: str = "") -> str:
    url = reverse("routes:route_detail", args=[request.partnership.slug, route.pk])
    return f"{url}#{anchor}" if anchor else url


def to_detail(request: HttpRequest, route: Leerroute, anchor: str = ""):
    return redirect(detail_url(request, route, anchor))
