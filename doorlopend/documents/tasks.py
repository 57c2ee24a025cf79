"""Background work of the documents module, run by the worker (`manage.py run_worker`)."""

from django_tasks import task


@task()
def document_build(document_id: int) -> str:
    """Make the document `document_id`; its row carries the progress the page polls."""
    from . import services  # services import this module to enqueue

    document = services.document_build(document_id=document_id)
    return document.status if document is not None else "not queued"
