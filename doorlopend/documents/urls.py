"""URLs under /p/<partnership_slug>/documenten/: each view is wrapped in
`access.partnership_view`."""

from django.urls import path

from . import views

app_name = "documents"
urlpatterns = [
    path("leerroute/<int:route_id>/", views.route_documents, name="route_documents"),
    path(
        "leerroute/<int:route_id>/<slug:kind>/maken/",
        views.generate,
        name="generate",
    ),
    path(
        "leerroute/<int:route_id>/<slug:kind>/vergelijk/",
        views.compare,
        name="compare",
    ),
    path("<int:document_id>/status/", views.document_status, name="document_status"),
    path("<int:document_id>/download/", views.download, name="download"),
    path("<int:document_id>/annuleren/", views.document_cancel, name="document_cancel"),
    path("<int:document_id>/opnieuw/", views.document_retry, name="document_retry"),
]
