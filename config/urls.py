from django.contrib import admin
from django.urls import include, path

from doorlopend.accounts.profile_views import set_language
from doorlopend.api.api import api
from doorlopend.partnerships.views.home import home

urlpatterns = [
    path("", home, name="home"),
    path("", include("doorlopend.core.urls")),
    path("accounts/", include("doorlopend.accounts.urls")),
    path("p/<slug:partnership_slug>/", include("doorlopend.partnerships.urls")),
    path(
        "p/<slug:partnership_slug>/reflectie/",
        include("doorlopend.reflection.urls"),
    ),
    path(
        "p/<slug:partnership_slug>/doorstroom/",
        include("doorlopend.transitions.urls"),
    ),
    path(
        "p/<slug:partnership_slug>/routekaarten/",
        include("doorlopend.roadmaps.urls"),
    ),
    path(
        "p/<slug:partnership_slug>/leerroutes/",
        include("doorlopend.routes.urls"),
    ),
    path(
        "p/<slug:partnership_slug>/besluiten/",
        include("doorlopend.approvals.urls"),
    ),
    path(
        "p/<slug:partnership_slug>/documenten/",
        include("doorlopend.documents.urls"),
    ),
    path(
        "p/<slug:partnership_slug>/plan/",
        include("doorlopend.planning.urls"),
    ),
    path(
        "p/<slug:partnership_slug>/programma/",
        include("doorlopend.programme.urls"),
    ),
    path(
        "p/<slug:partnership_slug>/dossier/",
        include("doorlopend.dossier.urls"),
    ),
    path(
        "p/<slug:partnership_slug>/praktijken/",
        include("doorlopend.knowledge.urls"),
    ),
    path(
        "p/<slug:partnership_slug>/regio/",
        include("doorlopend.region.urls"),
    ),
    path(
        "p/<slug:partnership_slug>/convenant/",
        include("doorlopend.covenant.urls"),
    ),
    # The voortgangsrapportage beside the plan it reports on; documents makes and keeps it.
    path(
        "p/<slug:partnership_slug>/plan/voortgangsrapportage/",
        include("doorlopend.documents.report_urls"),
    ),
    # A programme's PDF beside the programme it shows; documents makes and keeps it.
    path(
        "p/<slug:partnership_slug>/programma/<int:programme_id>/pdf/",
        include("doorlopend.documents.programme_urls"),
    ),
    # The partnership's own position in the national picture.
    path(
        "p/<slug:partnership_slug>/landelijk/",
        include("doorlopend.national.partnership_urls"),
    ),
    # API keys for school systems, and the API itself (token-authenticated, no session).
    path(
        "p/<slug:partnership_slug>/api-sleutels/",
        include("doorlopend.api.urls"),
    ),
    path("api/", api.urls),
    path("praktijken/", include("doorlopend.knowledge.public_urls")),
    # A partnership's public progress page, by its unguessable link (opt-in).
    path("voortgang/", include("doorlopend.national.public_urls")),
    # The national picture for the landelijk adviseur (a grant, not a membership).
    path("landelijk/", include("doorlopend.national.urls")),
    path("agenda/", include("doorlopend.planning.feed_urls")),
    path("doe-mee/", include("doorlopend.reflection.participate_urls")),
    # A pupil's doorstroomdossier through their personal link (no account).
    path("mijn-dossier/", include("doorlopend.dossier.pupil_urls")),
    path("invitations/", include("doorlopend.partnerships.invitation_urls")),
    path("staff/register/", include("doorlopend.registry.urls")),
    path("staff/audit/", include("doorlopend.audit.urls")),
    # The language switch: Django's, which also keeps the choice on the account.
    path("i18n/setlang/", set_language, name="set_language"),
    path("admin/", admin.site.urls),
]

# MEDIA_ROOT (evidence, council documents, generated documents, reports) is never served
# as static files, not even in development: each file goes out through a view that checks
# the member's partnership and role first.
