from django.urls import path

from . import views

app_name = "api_keys"

urlpatterns = [
    path("", views.token_list, name="token_list"),
    path("<int:token_id>/intrekken/", views.token_revoke, name="token_revoke"),
]
