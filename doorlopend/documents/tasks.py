"""Background work of the documents module, run by `manage.py db_worker`."""

from django.conf import settings
from django.utils import translation
from django_scopes import scope, scopes_disabled
from django_tasks import task

from .models import GeneratedDocument


@task()
def document_build(document_id: int) -> str:
    """Make the document `document_id`; its row carries the progress the page polls."""
    # A task gets only an id and has no partnership yet: look the document up to learn
    # which partnership to enter, then do all the work inside that scope.
    with scopes_disabled():
        document = GeneratedDocument.objects.select_related(
            "partnership", "route__partnership", "route__mbo_location__register_entry"
        ).get(pk=document_id)
    from . import services  # services import this module to enqueue

    # In the language of whoever asked for it; the site's language (Dutch) otherwise.
    with (
        scope(partnership=document.partnership),
        translation.override(document.language or settings.LANGUAGE_CODE),
    ):
        services.document_build(document=document)
    return document.status
