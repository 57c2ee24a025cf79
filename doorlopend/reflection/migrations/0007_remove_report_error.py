from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("reflection", "0006_job_states_renamed")]

    operations = [migrations.RemoveField(model_name="report", name="error")]
