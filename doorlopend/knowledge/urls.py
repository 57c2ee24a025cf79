"""URLs of good practices, under /p/<partnership_slug>/praktijken/."""

from django.urls import path

from .views import practices, sharing

app_name = "knowledge"
P = "<int:practice_id>/"

urlpatterns = [
    path("", practices.practice_list, name="practice_list"),
    path("nieuw/", practices.practice_create, name="practice_create"),
    path(P, practices.practice_detail, name="practice_detail"),
    path(f"{P}bewerken/", practices.practice_edit, name="practice_edit"),
    path(f"{P}verwijderen/", practices.practice_delete, name="practice_delete"),
    path(f"{P}publiceren/", practices.practice_publish, name="practice_publish"),
    path(f"{P}contact/", practices.contact_withdraw, name="contact_withdraw"),
    path(f"{P}geinspireerd/", sharing.practice_inspired, name="practice_inspired"),
    path(f"{P}overnemen/", sharing.practice_adopt, name="practice_adopt"),
    path(f"{P}bijlagen/", sharing.attachment_add, name="attachment_add"),
    path(
        f"{P}bijlagen/<int:attachment_id>/",
        sharing.attachment_download,
        name="attachment_download",
    ),
    path(
        f"{P}bijlagen/<int:attachment_id>/verwijderen/",
        sharing.attachment_delete,
        name="attachment_delete",
    ),
    # Publish as a practice in one step, from the programme, the plan or a session.
    path(
        "van/programma/<int:programme_item_id>/",
        sharing.from_programme_item,
        name="from_programme_item",
    ),
    path(
        "van/activiteit/<int:activity_id>/", sharing.from_activity, name="from_activity"
    ),
    path(
        "van/actiepunt/<int:action_id>/",
        sharing.from_action_point,
        name="from_action_point",
    ),
]
