"""URLs under /p/<partnership_slug>/besluiten/: each view is wrapped in
`access.partnership_view`."""

from django.urls import path

from . import views

app_name = "approvals"
urlpatterns = [
    path("", views.approval_list, name="approval_list"),
    path("<int:approval_id>/", views.detail, name="detail"),
    path("<int:approval_id>/besluit/", views.decide, name="decide"),
    path(
        "indienen/<slug:kind>/<int:target_id>/",
        views.submit,
        name="submit",
    ),
]
