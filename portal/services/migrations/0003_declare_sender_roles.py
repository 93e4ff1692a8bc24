"""Existing request forms: declare the roles that the registry used to guess from field keys
and types, so their requests keep filling the sender's contact details."""

from django.db import migrations
from django.db.models import F

# The keys the registry recognised before forms declared their roles.
GUESSED = {
    "name": {"name", "full_name", "nume", "nume_si_prenume", "teljes_nev"},
    "phone": {"phone", "telefon", "telefonszam", "phone_number"},
    "address": {"address", "adresa", "adresa_imobilului", "cim", "home_address"},
}


def declare_roles(apps, schema_editor):
    ServiceFormField = apps.get_model("services", "ServiceFormField")
    pages_with_email = set()
    fields = ServiceFormField.objects.filter(role="")
    # In the form's order (the same on SQLite and PostgreSQL, which sort NULLs differently).
    for field in fields.order_by("page_id", F("sort_order").asc(nulls_last=True), "pk"):
        role = ""
        if field.field_type == "email":
            if field.page_id not in pages_with_email:  # the first e-mail field got the receipt
                role = "email"
                pages_with_email.add(field.page_id)
        else:
            role = next((name for name, keys in GUESSED.items() if field.clean_name in keys), "")
        if role:
            ServiceFormField.objects.filter(pk=field.pk).update(role=role)


class Migration(migrations.Migration):
    dependencies = [("services", "0002_form_field_sender_role")]

    operations = [migrations.RunPython(declare_roles, migrations.RunPython.noop)]
