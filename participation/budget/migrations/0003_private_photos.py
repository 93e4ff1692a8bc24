"""Proposal photos move to the private storage under random names: until now they were public
files at a guessable path (budget/proposals/<id>/<the sender's file name>), reachable before the
moderators published the proposal. Photos already stored are copied over and the public copy is
removed; the portal serves them from now on (views.proposal_photo)."""

from django.core.files.storage import default_storage
from django.db import migrations, models

import participation.budget.models
import portal.core.storage


def move_to_private(apps, schema_editor):
    ProposalPhoto = apps.get_model("budget", "ProposalPhoto")
    private = portal.core.storage.private_storage()
    for photo in ProposalPhoto.objects.exclude(image="").iterator():
        old = photo.image.name
        if private.exists(old) or not default_storage.exists(old):
            continue  # already moved, or lost: nothing public is left to hide
        with default_storage.open(old, "rb") as source:
            new = private.save(participation.budget.models._photo_path(photo, old), source)
        ProposalPhoto.objects.filter(pk=photo.pk).update(image=new)
        default_storage.delete(old)


class Migration(migrations.Migration):
    dependencies = [
        ("budget", "0002_moderators"),
    ]

    operations = [
        migrations.AlterField(
            model_name="proposalphoto",
            name="image",
            field=models.ImageField(
                storage=portal.core.storage.private_storage,
                upload_to=participation.budget.models._photo_path,
                verbose_name="photo",
            ),
        ),
        # Backwards the rows keep their private names (the old field would look for them in the
        # public storage): nothing is made public again.
        migrations.RunPython(move_to_private, migrations.RunPython.noop, elidable=True),
    ]
