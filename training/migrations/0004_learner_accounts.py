"""Certificates outlive their holder's account: a deleted account leaves them verifiable."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ("training", "0003_roles"),
    ]

    operations = [
        migrations.AlterField(
            model_name="certificate",
            name="user",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="training_certificates",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
    ]
