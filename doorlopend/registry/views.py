"""Staff pages for DUO's school register: upload a file, follow its import."""

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from doorlopend.core.access import staff_view
from doorlopend.core.job_views import job_cancel_page

from . import selectors, services
from .forms import ImportUploadForm


# staff_view outermost: strangers get the login page or a 404, whatever the method.
@staff_view
@require_http_methods(["GET", "POST"])
def import_list(request: HttpRequest) -> HttpResponse:
    """The register's size, the upload form and the recent imports."""
    form = (
        ImportUploadForm(request.POST, request.FILES)
        if request.method == "POST"
        else ImportUploadForm()
    )
    if form.is_valid():
        upload = form.cleaned_data["file"]
        job = services.import_job_create(
            data=upload.read(),
            filename=upload.name,
            sector=form.cleaned_data["sector"] or None,
            by=request.user,
            language=get_language(),
        )
        return redirect("registry:import_detail", job_id=job.pk)
    page = Paginator(selectors.import_job_list(), 20).get_page(request.GET.get("page"))
    context = {"form": form, "page": page, "register_size": selectors.register_size()}
    return render(request, "registry/import_list.html", context)


@staff_view
@require_GET
def import_detail(request: HttpRequest, job_id: int) -> HttpResponse:
    """One import; htmx polls its status fragment until it has finished."""
    job = get_object_or_404(selectors.import_job_list(), pk=job_id)
    template = (
        "registry/_job_status.html" if request.htmx else "registry/import_detail.html"
    )
    return render(request, template, {"job": job})


@staff_view
@require_http_methods(["GET", "POST"])
def import_cancel(request: HttpRequest, job_id: int) -> HttpResponse:
    """Confirm, then cancel a waiting or running import (its file is deleted)."""
    job = get_object_or_404(selectors.import_job_list(), pk=job_id)
    what = _("the import of %(name)s") % {"name": job.original_filename}
    back = reverse("registry:import_detail", args=[job.pk])
    return job_cancel_page(request, job=job, what=what, back_url=back)
