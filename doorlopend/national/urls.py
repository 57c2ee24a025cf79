from django.urls import path

from . import views

app_name = "national"

urlpatterns = [
    path("reflectie/", views.national_reflection, name="reflection"),
    path("checklist/", views.national_checklist, name="checklist"),
    path("programma/", views.national_programme, name="programme"),
    path("doorstroom/", views.national_transitions, name="transitions"),
    path("leerroutes/", views.national_routes, name="routes"),
]
