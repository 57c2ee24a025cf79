"""Public pages for participants: no account, only the session's join code."""

app_name = "participate"
urlpatterns = []
