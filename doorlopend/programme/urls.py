"""URLs of the LOB programme, under /p/<partnership_slug>/programma/."""

from django.urls import path

from .views import coverage, exports, items, programmes

app_name = "programme"
P = "<int:programme_id>/"
ITEM = f"{P}onderdelen/<int:programme_item_id>/"
PAIR = f"{P}opdrachten/<int:pair_id>/"

urlpatterns = [
    path("", programmes.programme_list, name="programme_list"),
    path("nieuw/", programmes.programme_create, name="programme_create"),
    path(
        "voorbeeld/", programmes.programme_from_template, name="programme_from_template"
    ),
    path(P, programmes.programme_detail, name="programme_detail"),
    path(f"{P}bewerken/", programmes.programme_edit, name="programme_edit"),
    path(f"{P}verwijderen/", programmes.programme_delete, name="programme_delete"),
    path(f"{P}volgend-schooljaar/", programmes.programme_copy, name="programme_copy"),
    path(f"{P}dekking/", coverage.heat_map, name="heat_map"),
    path(f"{P}programma.xlsx", exports.programme_xlsx, name="programme_xlsx"),
    path(f"{P}onderdelen/nieuw/", items.item_create, name="item_create"),
    path(f"{ITEM}bewerken/", items.item_edit, name="item_edit"),
    path(f"{ITEM}verwijderen/", items.item_delete, name="item_delete"),
    path(f"{ITEM}beoordelen/", items.item_rate, name="item_rate"),
    path(f"{P}opdrachten/nieuw/", items.pair_create, name="pair_create"),
    path(f"{PAIR}bewerken/", items.pair_edit, name="pair_edit"),
    path(f"{PAIR}verwijderen/", items.pair_delete, name="pair_delete"),
]
