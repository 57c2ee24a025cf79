"""Reports under the one job life cycle: `pending` is now `queued`, the error sentence
moves into `errors` (one line-0 reason)."""

from django.db import migrations


def forwards(apps, schema_editor):
    Report = apps.get_model("reflection", "Report")
    Report.objects.filter(status="pending").update(status="queued")
    for report in Report.objects.exclude(error="").only("error"):
        Report.objects.filter(pk=report.pk).update(
            errors=[{"line": 0, "reason": report.error}]
        )


def backwards(apps, schema_editor):
    Report = apps.get_model("reflection", "Report")
    Report.objects.filter(status="queued").update(status="pending")
    Report.objects.filter(status__in=["refused", "cancelled", "stopped"]).update(
        status="failed"
    )
    for report in Report.objects.only("errors"):
        if report.errors:
            Report.objects.filter(pk=report.pk).update(
                error=report.errors[0].get("reason", "")
            )


class Migration(migrations.Migration):
    dependencies = [("reflection", "0005_job_life_cycle")]

    operations = [migrations.RunPython(forwards, backwards)]
