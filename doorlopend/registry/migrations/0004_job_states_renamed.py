"""Register imports under the one job life cycle: a file refused for its lines is now
`refused` (it was `failed`, like an unexpected error); the files of finished imports are
emptied, as every finished job's upload is."""

from django.db import migrations
from django.db.models import Q


def forwards(apps, schema_editor):
    ImportJob = apps.get_model("registry", "ImportJob")
    for job in ImportJob.objects.filter(status="failed").only("errors"):
        if any(error.get("line") for error in job.errors or []):
            ImportJob.objects.filter(pk=job.pk).update(status="refused")
    ImportJob.objects.filter(~Q(status__in=["queued", "running"])).update(data=b"")


def backwards(apps, schema_editor):
    ImportJob = apps.get_model("registry", "ImportJob")
    ImportJob.objects.filter(status__in=["refused", "cancelled", "stopped"]).update(
        status="failed"
    )


class Migration(migrations.Migration):
    dependencies = [("registry", "0003_job_life_cycle")]

    operations = [migrations.RunPython(forwards, backwards)]
