from django.urls import path

from . import views

app_name = "national_position"

urlpatterns = [
    path("reflectie/", views.own_position, name="reflection"),
    path("deelname/", views.participation, name="participation"),
]
