"""Alumni status history on the one history base (semilla.transitions.StatusHistory):
``created_at`` becomes ``at`` (renamed, every row kept)."""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("outcomes", "0002_schedules"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RenameField(
            model_name="alumnistatuschange", old_name="created_at", new_name="at"
        ),
        migrations.AlterModelOptions(
            name='alumnistatuschange',
            options={'ordering': ['at', 'pk'], 'verbose_name': 'alumni status change', 'verbose_name_plural': 'alumni status changes'},
        ),
        migrations.AlterField(
            model_name='alumnistatuschange',
            name='actor',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='by'),
        ),
        migrations.AlterField(
            model_name='alumnistatuschange',
            name='at',
            field=models.DateTimeField(default=django.utils.timezone.now, verbose_name='when'),
        ),
        migrations.AlterField(
            model_name='alumnistatuschange',
            name='from_status',
            field=models.CharField(blank=True, choices=[('alumni', 'Alumni'), ('mentor', 'Alumni mentoring newer cohorts'), ('inactive', 'Inactive')], max_length=16, verbose_name='from'),
        ),
        migrations.AlterField(
            model_name='alumnistatuschange',
            name='note',
            field=models.TextField(blank=True, verbose_name='note'),
        ),
        migrations.AlterField(
            model_name='alumnistatuschange',
            name='to_status',
            field=models.CharField(choices=[('alumni', 'Alumni'), ('mentor', 'Alumni mentoring newer cohorts'), ('inactive', 'Inactive')], max_length=16, verbose_name='to'),
        ),
    ]
