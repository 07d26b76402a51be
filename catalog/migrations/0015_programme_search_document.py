"""The Dutch full-text vectors of programmes as stored generated columns, on PostgreSQL only.

Matching used a GIN index on an expression: wherever the planner preferred another index (sorting by name, say) it
built the vector from the long description per row, and ranking built a second vector per match. Stored columns are
built once per write. SQLite keeps its plain fallback (catalog/search.py) and gets no columns.
"""

from django.db import migrations

VECTOR = (
    "setweight(to_tsvector('dutch'::regconfig, COALESCE(name, '')), 'A')"
    " || setweight(to_tsvector('dutch'::regconfig, COALESCE(summary, '')), 'B')"
)
FORWARD = [
    f"ALTER TABLE catalog_programme ADD COLUMN search_document tsvector GENERATED ALWAYS AS ({VECTOR}"
    " || setweight(to_tsvector('dutch'::regconfig, COALESCE(description, '')), 'C')) STORED",
    f"ALTER TABLE catalog_programme ADD COLUMN search_rank_document tsvector GENERATED ALWAYS AS ({VECTOR}) STORED",
    # The expression index of migration 0002 gives its name to the index on the stored column.
    "DROP INDEX IF EXISTS programme_search_nl_gin",
    "CREATE INDEX programme_search_nl_gin ON catalog_programme USING gin (search_document)",
    "ANALYZE catalog_programme",  # statistics for the new columns, so the planner estimates matches well
]
BACKWARD = [
    "DROP INDEX IF EXISTS programme_search_nl_gin",
    "ALTER TABLE catalog_programme DROP COLUMN search_rank_document",
    "ALTER TABLE catalog_programme DROP COLUMN search_document",
    # As migration 0002 made it.
    "CREATE INDEX programme_search_nl_gin ON catalog_programme USING gin ((("
    "setweight(to_tsvector('dutch'::regconfig, COALESCE(name, '')::text), 'A')"
    " || setweight(to_tsvector('dutch'::regconfig, COALESCE(summary, '')::text), 'B'))"
    " || setweight(to_tsvector('dutch'::regconfig, COALESCE(description, '')), 'C')))",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("catalog", "0014_theme_icpc_codes")]
    operations = [migrations.RunPython(_run(FORWARD), _run(BACKWARD))]
