from django.contrib.postgres.operations import UnaccentExtension
from django.db import migrations, models

from portal.search import sqlite


class PostgresUnaccentExtension(UnaccentExtension):
    """CREATE EXTENSION unaccent, on PostgreSQL only."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        pass


def create_fulltext(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute(sqlite.create_sql())
    elif vendor == "postgresql":
        schema_editor.execute("ALTER TABLE search_document ADD COLUMN vector tsvector")
        schema_editor.execute("CREATE INDEX search_document_vector ON search_document USING GIN (vector)")


def drop_fulltext(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute("DROP TABLE IF EXISTS search_fts")


class Migration(migrations.Migration):
    initial = True
    dependencies = []

    operations = [
        PostgresUnaccentExtension(),
        migrations.CreateModel(
            name="SearchDocument",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("kind", models.CharField(max_length=40)),
                ("key", models.CharField(max_length=64)),
                ("language", models.CharField(max_length=8)),
                ("title", models.TextField(blank=True)),
                ("body", models.TextField(blank=True)),
            ],
            options={
                "db_table": "search_document",
                "indexes": [models.Index(fields=["kind", "key"], name="search_docu_kind_1a308a_idx")],
            },
        ),
        migrations.RunPython(create_fulltext, drop_fulltext),
    ]
