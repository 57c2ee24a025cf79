"""Log in, log out, reset a password; the lockout answer for django-axes."""

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import PasswordResetForm
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse_lazy
from django.utils.translation import gettext as _

from . import reset_limits
from .forms import LoginForm


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True


def locked_out(
    request: HttpRequest, credentials: dict | None = None, *args, **kwargs
) -> HttpResponse:
    """Shown instead of the login form after too many failures (AXES_LOCKOUT_CALLABLE)."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    form = LoginForm(request, data=request.POST or None)
    return render(
        request,
        "accounts/login.html",
        {"form": form, "locked_out": True, "minutes": minutes},
        status=429,
    )


class PasswordResetView(auth_views.PasswordResetView):
    """Ask for a link; limited per network and per address (`reset_limits`)."""

    template_name = "accounts/password_reset_form.html"
    email_template_name = "accounts/email/password_reset.txt"
    subject_template_name = "accounts/email/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")

    def form_valid(self, form: PasswordResetForm) -> HttpResponse:
        if reset_limits.network_over_limit(self.request):
            form.add_error(
                None,
                _("Too many requests from this network; try again later."),
            )
            return self.render_to_response(self.get_context_data(form=form), status=429)
        if reset_limits.address_over_limit(self.request, form.cleaned_data["email"]):
            # The page any request gets: neither the limit nor the account is revealed.
            return HttpResponseRedirect(self.get_success_url())
        return super().form_valid(form)


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")
