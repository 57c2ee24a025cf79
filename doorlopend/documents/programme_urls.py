"""A programme's PDF page, under /p/<slug>/programma/<id>/pdf/ (beside the programme it
shows, see config/urls.py); the document is made and kept here."""

from django.urls import path

from . import programme_views as views

app_name = "programme_pdf"

urlpatterns = [
    path("", views.programme_pdf, name="programme_pdf"),
    path("maken/", views.programme_pdf_make, name="programme_pdf_make"),
    path("status/", views.programme_pdf_status, name="programme_pdf_status"),
    path("vergelijk/", views.programme_pdf_compare, name="programme_pdf_compare"),
]
