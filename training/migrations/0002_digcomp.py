"""Load the EU DigComp 2.2 framework (5 areas, 21 competences) as data."""

from django.db import migrations

from training.digcomp_data import AREAS, COMPETENCES


def load(apps, schema_editor):
    Area = apps.get_model("training", "CompetenceArea")
    Competence = apps.get_model("training", "Competence")
    areas = {}
    for code, en, ro, hu in AREAS:
        areas[code], _ = Area.objects.update_or_create(
            code=code, defaults={"name_en": en, "name_ro": ro, "name_hu": hu}
        )
    for code, en, ro, hu in COMPETENCES:
        Competence.objects.update_or_create(
            code=code,
            defaults={"name_en": en, "name_ro": ro, "name_hu": hu, "area": areas[code.split(".")[0]]},
        )


class Migration(migrations.Migration):
    dependencies = [("training", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
