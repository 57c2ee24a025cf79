"""URLs under /p/<partnership_slug>/leerroutes/: each view is wrapped in `access.partnership_view`."""

from django.urls import path

from .views import consents, duo, parties, routes

app_name = "routes"
urlpatterns = [
    path("", routes.route_list, name="route_list"),
    path("nieuw/", routes.route_create, name="route_create"),
    path("<int:route_id>/", routes.route_detail, name="route_detail"),
    path("<int:route_id>/bewerken/", routes.route_edit, name="route_edit"),
    path("<int:route_id>/verwijderen/", routes.route_delete, name="route_delete"),
    path("<int:route_id>/partijen/nieuw/", parties.party_add, name="party_add"),
    path(
        "<int:route_id>/partijen/<int:party_id>/", parties.party_edit, name="party_edit"
    ),
    path(
        "<int:route_id>/partijen/<int:party_id>/verwijderen/",
        parties.party_remove,
        name="party_remove",
    ),
    path(
        "<int:route_id>/medezeggenschap/nieuw/",
        consents.consent_create,
        name="consent_create",
    ),
    path(
        "<int:route_id>/medezeggenschap/<int:consent_id>/verwijderen/",
        consents.consent_delete,
        name="consent_delete",
    ),
    path(
        "<int:route_id>/medezeggenschap/<int:consent_id>/document/",
        consents.consent_document,
        name="consent_document",
    ),
    path("<int:route_id>/duo/", duo.duo_melding, name="duo_melding"),
    path("<int:route_id>/duo.csv", duo.duo_melding_csv, name="duo_melding_csv"),
    path("<int:route_id>/duo.xlsx", duo.duo_melding_xlsx, name="duo_melding_xlsx"),
]
