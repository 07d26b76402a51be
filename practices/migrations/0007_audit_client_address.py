"""Audit events get the client's address and may record refused access without a practice.

On PostgreSQL the append-only trigger (0003) is replaced: the one UPDATE let through (user_id -> NULL when an
account is deleted) now compares every other column, whatever columns come later, and one DELETE is sanctioned:
pruning past the retention (practices.audit.audit_prune), which names its cut-off in the transaction-local
setting `practices.audit_prune_before`; only events older than that cut-off can go.
"""

import django.db.models.deletion
from django.db import migrations, models

TRIGGER_FUNCTION = """
CREATE OR REPLACE FUNCTION practices_auditevent_refuse_change() RETURNS trigger AS $$
DECLARE
    prune_before text := current_setting('practices.audit_prune_before', true);
BEGIN
    IF TG_OP = 'UPDATE'
       AND NEW.user_id IS NULL
       AND (to_jsonb(NEW) - 'user_id') = (to_jsonb(OLD) - 'user_id')
    THEN
        RETURN NEW;
    END IF;
    IF TG_OP = 'DELETE'
       AND prune_before IS NOT NULL AND prune_before <> ''
       AND OLD.at < prune_before::timestamptz
    THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'The audit log is append-only: % refused on practices_auditevent', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
"""

# The function as 0003 made it, for going back.
PREVIOUS_FUNCTION = """
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
"""


def _on_postgresql(sql):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            with schema_editor.connection.cursor() as cursor:
                cursor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("practices", "0006_audit_export_action"),
    ]

    operations = [
        migrations.AddField(
            model_name="auditevent",
            name="client_address",
            field=models.GenericIPAddressField(blank=True, null=True, verbose_name="client address"),
        ),
        migrations.AlterField(
            model_name="auditevent",
            name="action",
            field=models.CharField(
                choices=[
                    ("view", "viewed"),
                    ("create", "created"),
                    ("change", "changed"),
                    ("delete", "deleted"),
                    ("adopt", "adopted"),
                    ("publish", "published"),
                    ("invite", "invited"),
                    ("join", "joined"),
                    ("refused", "refused access"),
                    ("login_failed", "failed log-in"),
                    ("locked_out", "locked out"),
                    ("otp_failed", "wrong two-factor code"),
                ],
                max_length=20,
                verbose_name="action",
            ),
        ),
        migrations.AlterField(
            model_name="auditevent",
            name="practice",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="audit_events",
                to="practices.practice",
                verbose_name="practice",
            ),
        ),
        migrations.RunPython(_on_postgresql(TRIGGER_FUNCTION), _on_postgresql(PREVIOUS_FUNCTION), elidable=False),
    ]
