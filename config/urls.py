from django.conf import settings
from django.contrib import admin
from django.urls import include, path

urlpatterns = [
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
        "p/<slug:partnership_slug>/documenten/",
        include("doorlopend.documents.urls"),
    ),
    path("doe-mee/", include("doorlopend.reflection.participate_urls")),
    path("invitations/", include("doorlopend.partnerships.invitation_urls")),
    path("staff/register/", include("doorlopend.registry.urls")),
    path("staff/audit/", include("doorlopend.audit.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
