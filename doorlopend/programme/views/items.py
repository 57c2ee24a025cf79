"""Programme items (create, change, delete, rate) and the eind- and startopdrachten."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from doorlopend.partnerships.access import partnership_view

from ..elements import element_choices_of
from ..forms import ItemForm, PairForm, RatingForm
from ..models import ItemRating
from ..services import items as services
from ._common import item_of, pair_of, programme_of, to_programme


def _item_form(request, programme, item=None) -> HttpResponse:
    form = ItemForm(request.POST or None, programme=programme, item=item)
    if form.is_valid():
        try:
            item = services.item_save(
                programme=programme,
                by=request.membership,
                item=item,
                **form.cleaned_data,
            )
        except ValidationError as e:
            form.add_error(None, e)
        else:
            messages.success(
                request, _("%(title)s has been saved.") % {"title": item.title}
            )
            return to_programme(
                request, programme, f"item-{item.pk}", year=item.row_key
            )
    return render(
        request,
        "programme/item_form.html",
        {"form": form, "programme": programme, "item": item},
    )


@partnership_view("programme.manage")
@require_http_methods(["GET", "POST"])
def item_create(request: HttpRequest, programme_id: int) -> HttpResponse:
    return _item_form(request, programme_of(request, programme_id))


@partnership_view("programme.manage")
@require_http_methods(["GET", "POST"])
def item_edit(
    request: HttpRequest, programme_id: int, programme_item_id: int
) -> HttpResponse:
    programme = programme_of(request, programme_id)
    return _item_form(request, programme, item_of(programme, programme_item_id))


@partnership_view("programme.manage")
@require_http_methods(["GET", "POST"])
def item_delete(
    request: HttpRequest, programme_id: int, programme_item_id: int
) -> HttpResponse:
    programme = programme_of(request, programme_id)
    item = item_of(programme, programme_item_id)
    if request.method == "POST":
        services.item_delete(item=item, by=request.membership)
        messages.success(request, _("%(title)s has been deleted.") % {"title": item})
        return to_programme(request, programme)
    return render(
        request, "programme/item_delete.html", {"programme": programme, "item": item}
    )


@partnership_view("programme.manage")
@require_http_methods(["GET", "POST"])
def item_rate(
    request: HttpRequest, programme_id: int, programme_item_id: int
) -> HttpResponse:
    programme = programme_of(request, programme_id)
    item = item_of(programme, programme_item_id)
    item.scores = {r.element: r for r in ItemRating.objects.filter(item=item)}
    form = RatingForm(
        request.POST or None, elements=element_choices_of(programme), item=item
    )
    if form.is_valid():
        try:
            services.item_rate(item=item, by=request.membership, scores=form.scores())
        except ValidationError as e:
            for key, errors in e.message_dict.items():
                field = f"why_{key}"
                form.add_error(field if field in form.fields else None, errors)
        else:
            messages.success(
                request, _("The rating of %(title)s has been saved.") % {"title": item}
            )
            return to_programme(
                request, programme, f"item-{item.pk}", year=item.row_key
            )
    return render(
        request,
        "programme/item_rate.html",
        {"form": form, "programme": programme, "item": item},
    )


def _pair_form(request, programme, pair=None) -> HttpResponse:
    form = PairForm(request.POST or None, partnership=request.partnership, pair=pair)
    if form.is_valid():
        try:
            services.pair_save(
                programme=programme,
                by=request.membership,
                pair=pair,
                **form.cleaned_data,
            )
        except ValidationError as e:
            form.add_error(None, e)
        else:
            messages.success(request, _("The eind- and startopdracht has been saved."))
            return to_programme(request, programme, "opdrachten")
    return render(
        request,
        "programme/pair_form.html",
        {"form": form, "programme": programme, "pair": pair},
    )


@partnership_view("programme.manage")
@require_http_methods(["GET", "POST"])
def pair_create(request: HttpRequest, programme_id: int) -> HttpResponse:
    return _pair_form(request, programme_of(request, programme_id))


@partnership_view("programme.manage")
@require_http_methods(["GET", "POST"])
def pair_edit(request: HttpRequest, programme_id: int, pair_id: int) -> HttpResponse:
    programme = programme_of(request, programme_id)
    return _pair_form(request, programme, pair_of(programme, pair_id))


@partnership_view("programme.manage")
@require_http_methods(["GET", "POST"])
def pair_delete(request: HttpRequest, programme_id: int, pair_id: int) -> HttpResponse:
    programme = programme_of(request, programme_id)
    pair = pair_of(programme, pair_id)
    if request.method == "POST":
        services.pair_delete(pair=pair, by=request.membership)
        messages.success(request, _("%(title)s has been deleted.") % {"title": pair})
        return to_programme(request, programme, "opdrachten")
    return render(
        request, "programme/pair_delete.html", {"programme": programme, "pair": pair}
    )
