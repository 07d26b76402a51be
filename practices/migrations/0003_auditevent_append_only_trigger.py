"""On PostgreSQL the database itself refuses to change or delete audit events (SQLite relies on the model guard).

The one UPDATE let through is the `user_id` -> NULL that Django's SET_NULL issues when an account is deleted: the
event keeps its `username`, so the log still says who it was.
"""

from django.db import migrations

CREATE = """
CREATE OR REPLACE FUNCTION practices_auditevent_refuse_change() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'UPDATE'
       AND NEW.user_id IS NULL
       AND (NEW.id, NEW.practice_id, NEW.username, NEW.action, NEW.subject, NEW.path, NEW.at)
           IS NOT DISTINCT FROM (OLD.id, OLD.practice_id, OLD.username, OLD.action, OLD.subject, OLD.path, OLD.at)
    THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'The audit log is append-only: % refused on practices_auditevent', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER practices_auditevent_append_only
    BEFORE UPDATE OR DELETE ON practices_auditevent
    FOR EACH ROW EXECUTE FUNCTION practices_auditevent_refuse_change();
"""

DROP = """
DROP TRIGGER IF EXISTS practices_auditevent_append_only ON practices_auditevent;
DROP FUNCTION IF EXISTS practices_auditevent_refuse_change();
"""


def _on_postgresql(sql):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            # No parameters: the SQL holds several statements and a literal %.
            with schema_editor.connection.cursor() as cursor:
                cursor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("practices", "0002_invitation")]

    operations = [migrations.RunPython(_on_postgresql(CREATE), _on_postgresql(DROP), elidable=False)]
