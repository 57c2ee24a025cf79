"""Background work of the register: imports run by the worker (`manage.py run_worker`)."""

from django_tasks import task

from . import services


@task()
def import_job_run(job_id: int) -> None:
    """Import the file of one ImportJob; the job row records how it went."""
    services.import_job_run(job_id=job_id)
