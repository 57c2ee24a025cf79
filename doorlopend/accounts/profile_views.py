"""A person's own page: name, language, password, e-mail choices, calendar feeds; and
the unsubscribe link of the e-mails, which works without logging in."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from django.views.i18n import set_language as django_set_language

from . import notifications, profile
from .forms import NotificationChoicesForm, ProfileForm
from .middleware import SUPPORTED
from .models import NotificationKind, NotificationOptOut
from .notifications import language_of


@login_required
def profile_page(request: HttpRequest) -> HttpResponse:
    user = request.user
    wanted = set(NotificationKind.values) - set(
        NotificationOptOut.objects.filter(user=user).values_list("kind", flat=True)
    )
    profile_form = ProfileForm(instance=user)
    choices_form = NotificationChoicesForm(initial={"wanted": sorted(wanted)})
    status = 200
    if request.method == "POST" and "save_profile" in request.POST:
        profile_form = ProfileForm(request.POST, instance=user)
        if profile_form.is_valid():
            profile_form.save()
            response = redirect("accounts:profile")
            # The page after saving already speaks the chosen language, and a language
            # switched to earlier in this browser (its cookie) gives way to the choice.
            translation.activate(language_of(user))
            if user.language:
                response.set_cookie(settings.LANGUAGE_COOKIE_NAME, user.language)
            else:
                response.delete_cookie(settings.LANGUAGE_COOKIE_NAME)
            messages.success(request, _("Your profile has been saved."))
            return response
        status = 400
    elif request.method == "POST" and "save_notifications" in request.POST:
        choices_form = NotificationChoicesForm(request.POST)
        if choices_form.is_valid():
            notifications.choices_set(
                user=user, wanted=set(choices_form.cleaned_data["wanted"])
            )
            messages.success(request, _("Your e-mail choices have been saved."))
            return redirect("accounts:profile")
        status = 400
    return render(
        request,
        "accounts/profile.html",
        {
            "profile_form": profile_form,
            "choices_form": choices_form,
            "sections": profile.sections(request),
        },
        status=status,
    )


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("accounts:profile")

    def form_valid(self, form):
        messages.success(self.request, _("Your password has been changed."))
        return super().form_valid(form)


@csrf_exempt  # the signed token is the key; mail clients post it without a form (RFC 8058)
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """GET asks (a link checker in a mail server must not unsubscribe anyone); POST, from
    the page's one button or from the mail client's one-click, switches the kind off."""
    found = notifications.unsubscribe_read(token)
    if found is None:
        return render(
            request, "accounts/unsubscribe.html", {"invalid": True}, status=400
        )
    user, kind = found
    done = request.method == "POST"
    if done:
        notifications.opt_out(user=user, kind=kind)
    with translation.override(language_of(user)):
        return render(
            request,
            "accounts/unsubscribe.html",
            {
                "kind_label": NotificationKind(kind).label,
                "done": done,
                "already": not done and notifications.opted_out(user, kind),
            },
        )


@require_POST
def set_language(request: HttpRequest) -> HttpResponse:
    """The language switch in the header: the cookie, and for someone logged in their
    account, so every page and e-mail follows it."""
    response = django_set_language(request)
    language = request.POST.get("language", "")
    if request.user.is_authenticated and language in SUPPORTED:
        request.user.language = language
        request.user.save(update_fields=["language"])
    return response
