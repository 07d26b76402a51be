"""A GIN index on the Dutch full-text vector of programmes, on PostgreSQL only (SQLite has no GIN)."""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db import migrations

INDEX_NAME = "programme_search_nl_gin"


def _index():
    # Replaced by stored generated columns in migration 0015 (catalog/search.py).
    vector = (
        SearchVector("name", weight="A", config="dutch")
        + SearchVector("summary", weight="B", config="dutch")
        + SearchVector("description", weight="C", config="dutch")
    )
    return GinIndex(vector, name=INDEX_NAME)


def add_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.add_index(apps.get_model("catalog", "Programme"), _index())


def remove_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.remove_index(apps.get_model("catalog", "Programme"), _index())


class Migration(migrations.Migration):
    dependencies = [("catalog", "0001_initial")]
    operations = [migrations.RunPython(add_index, remove_index)]
