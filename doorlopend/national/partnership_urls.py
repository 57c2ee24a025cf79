from django.urls import path

from . import views

app_name = "national_position"

urlpatterns = [
    path("reflectie/", views.own_position, name="reflection"),
    path("checklist/", views.own_checklist, name="checklist"),
    path("programma/", views.own_programme, name="programme"),
    path("doorstroom/", views.own_transitions, name="transitions"),
    path("leerroutes/", views.own_routes, name="routes"),
    path("deelname/", views.participation, name="participation"),
    path("voortgangspagina/", views.progress_page, name="progress_page"),
]
