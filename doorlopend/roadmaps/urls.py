"""URLs under /p/<partnership_slug>/routekaarten/: each view is wrapped in `access.partnership_view`."""

from django.urls import path

from .views import items, pages

app_name = "roadmaps"
urlpatterns = [
    path("", pages.overview, name="overview"),
    path("mijn/", pages.mine, name="mine"),
    path("<int:roadmap_id>/", pages.roadmap_detail, name="roadmap_detail"),
    path("<int:roadmap_id>/scholen/<slug:block_key>/", pages.matrix, name="matrix"),
    path("items/<int:state_id>/", items.state_edit, name="state_edit"),
    path("items/<int:state_id>/bewijs/", items.evidence, name="evidence"),
    path(
        "items/<int:state_id>/bewijs/verwijderen/",
        items.evidence_remove,
        name="evidence_remove",
    ),
    path(
        "items/<int:state_id>/besluitvorming/",
        items.decision_start,
        name="decision_start",
    ),
    path(
        "items/<int:state_id>/draagvlak/",
        items.draagvlak_start,
        name="draagvlak_start",
    ),
]
