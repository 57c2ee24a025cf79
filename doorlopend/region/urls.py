"""URLs under /p/<partnership_slug>/regio/: each view is wrapped in `access.partnership_view`."""

from django.urls import path

from . import views

app_name = "region"
urlpatterns = [
    path("", views.dataset_list, name="dataset_list"),
    path(
        "leerroutes/<int:route_id>/",
        views.route_analysis_view,
        name="route_analysis",
    ),
    path("analyse/", views.partnership_analysis_view, name="partnership_analysis"),
    path("grafiek/<slug:name>/", views.chart, name="chart"),
    path(
        "data/<int:dataset_id>/verwijderen/",
        views.dataset_delete_view,
        name="dataset_delete",
    ),
    path("notities/<int:note_id>/verwijderen/", views.note_remove, name="note_remove"),
]
