"""The public invitation link (no partnership in the URL: the token names it)."""

from django.urls import path

from .views import invitations

app_name = "invitations"
urlpatterns = [
    path("<str:token>/", invitations.invitation_accept, name="accept"),
]
