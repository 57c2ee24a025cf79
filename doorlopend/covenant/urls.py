"""URLs under /p/<partnership_slug>/convenant/: each view is wrapped in
`access.partnership_view`."""

from django.urls import path

from .views import document, pages

app_name = "covenant"
PARTY = "partijen/<int:covenant_party_id>/"
urlpatterns = [
    path("", pages.detail, name="detail"),
    path("bewerken/", pages.covenant_edit, name="covenant_edit"),
    path("partijen/toevoegen/", pages.party_add, name="party_add"),
    path(PARTY, pages.party_edit, name="party_edit"),
    path(f"{PARTY}ondertekening/", pages.party_sign, name="party_sign"),
    path(f"{PARTY}verwijderen/", pages.party_delete, name="party_delete"),
    path("document/maken/", document.document_make, name="document_make"),
    path("document/status/", document.document_status, name="document_status"),
    path("document/vergelijk/", document.document_compare, name="document_compare"),
]
