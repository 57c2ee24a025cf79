from django.urls import path

from . import views

app_name = "national"

urlpatterns = [
    path("reflectie/", views.national_reflection, name="reflection"),
]
