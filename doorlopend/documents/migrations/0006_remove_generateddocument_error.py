from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("documents", "0005_job_states_renamed")]

    operations = [migrations.RemoveField(model_name="generateddocument", name="error")]
