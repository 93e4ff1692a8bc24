"""Two solutions of their own: the public safety network (call points, alert buttons, vigilant
neighbours) and citizen participation (consultations, participatory budget). Their KPIs were
filed under CCTV and the one-stop shop; the history already taken moves with them."""

from django.db import migrations, models

MOVED = {"safety.": "safety", "neighbours.": "safety", "participation.": "participation", "budget.": "participation"}
BEFORE = {"safety.": "cctv", "neighbours.": "cctv", "participation.": "portal", "budget.": "portal"}


def _move(apps, targets):
    snapshots = apps.get_model("kpi", "KPISnapshot").objects
    for prefix, solution in targets.items():
        snapshots.filter(key__startswith=prefix).update(solution=solution)


def forwards(apps, schema_editor):
    _move(apps, MOVED)


def backwards(apps, schema_editor):
    _move(apps, BEFORE)


class Migration(migrations.Migration):

    dependencies = [
        ('kpi', '0003_roles'),
    ]

    operations = [
        migrations.AlterField(
            model_name='fundingcommitment',
            name='solution',
            field=models.CharField(choices=[('portal', 'One-stop shop'), ('chatbot', 'Chatbot'), ('skills', 'Digital skills'), ('qr_buildings', 'QR for public buildings'), ('map', 'Interactive map'), ('opendata', 'Open data'), ('cctv', 'CCTV'), ('safety', 'Public safety network'), ('participation', 'Citizen participation')], db_index=True, max_length=40, verbose_name='solution'),
        ),
        migrations.AlterField(
            model_name='initiative',
            name='solution',
            field=models.CharField(choices=[('portal', 'One-stop shop'), ('chatbot', 'Chatbot'), ('skills', 'Digital skills'), ('qr_buildings', 'QR for public buildings'), ('map', 'Interactive map'), ('opendata', 'Open data'), ('cctv', 'CCTV'), ('safety', 'Public safety network'), ('participation', 'Citizen participation')], db_index=True, max_length=40, verbose_name='solution'),
        ),
        migrations.RunPython(forwards, backwards),
    ]
