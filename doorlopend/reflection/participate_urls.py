"""Public pages for participants: no account, only the session's join code."""

from django.urls import path

from .views import participate, participate_answer, participate_open

app_name = "participate"
urlpatterns = [
    path("", participate.enter, name="enter"),
    path("<str:code>/", participate.join, name="join"),
    path("<str:code>/thema/<int:number>/", participate.theme, name="theme"),
    path("<str:code>/antwoord/", participate_answer.answer, name="answer"),
    path("<str:code>/open-antwoord/", participate_open.open_answer, name="open_answer"),
    path("<str:code>/klaar/", participate.done, name="done"),
    path("<str:code>/rapport/", participate.report_address, name="report_address"),
]
