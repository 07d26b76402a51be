"""The curated content (catalogue, funding overviews, course) loaded into a database, production included.

`manage.py load_catalog` runs this with DEBUG on or off; `manage.py load_demo` runs it first and then adds the
demo accounts and practices. It never creates accounts or practices.

The rule: **only what is missing is created.** Each row in the fixture files is matched on its primary key; a row
that exists is left exactly as it is (a curator may have corrected it since), with its links to other rows. So
running it twice, or after curators changed things, changes nothing that exists. The price: a row a curator
deleted comes back on the next run, and a later change to a fixture reaches an existing database only through
the admin. A fixture row that collides with a curator's own row (same slug, another id) stops the whole load
with a message, and nothing is written.
"""

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.core import serializers
from django.core.management.color import no_style
from django.db import DEFAULT_DB_ALIAS, IntegrityError, connections, transaction
from django.utils import timezone

from catalog.overview_cache import bump_catalogue_revision

# The catalogue's fixture files in load order; later ones refer to earlier ones. One file per body of content (a
# provider family or a theme), so curators preparing content in parallel do not edit the same file; the sources the
# first version cited are shared by all and come first.
CATALOG_FIXTURES = [
    "catalog_lookups",
    "catalog_sources",
    "catalog_trimbos",
    "catalog_mirro",
    "catalog_platforms",
    "catalog_anxiety",
    "catalog_more",
]
# Every content fixture in load order: the catalogue, then the funding overviews and courses that cite its sources.
CONTENT_FIXTURES = [*CATALOG_FIXTURES, "training_funding", "training_course"]
HISTORY_REASON = "load_catalog"


class ContentConflict(Exception):
    """A fixture row cannot be created because a different row already holds one of its unique values."""


@dataclass
class ContentLoadResult:
    created: Counter = field(default_factory=Counter)  # "app_label.model" -> rows created
    kept: Counter = field(default_factory=Counter)  # rows that existed and were left alone
    files: list[str] = field(default_factory=list)

    @property
    def created_total(self) -> int:
        return sum(self.created.values())

    @property
    def kept_total(self) -> int:
        return sum(self.kept.values())


def fixture_paths(names=CONTENT_FIXTURES, fixture_dir: Path | None = None) -> list[Path]:
    fixture_dir = Path(fixture_dir or Path(settings.BASE_DIR) / "fixtures")
    missing = [name for name in names if not (fixture_dir / f"{name}.json").exists()]
    if missing:
        raise FileNotFoundError(f"Fixture file(s) not found in {fixture_dir}: {', '.join(missing)}")
    return [fixture_dir / f"{name}.json" for name in names]


def content_load(*, names=CONTENT_FIXTURES, fixture_dir: Path | None = None, using=DEFAULT_DB_ALIAS):
    """Create the fixture rows that are missing; leave every existing row alone. All or nothing."""
    result = ContentLoadResult()
    started_at = timezone.now()
    connection = connections[using]
    created_objects = []
    deferred = []
    with transaction.atomic(using=using):
        with connection.constraint_checks_disabled():
            _create_missing(result, created_objects, deferred, names, fixture_dir, using)
            for item in deferred:
                item.save_deferred_fields(using=using)
        models = {type(obj) for obj in created_objects}
        if models:
            # Checked now, as loaddata does: a fixture row may point at a row that does not exist.
            connection.check_constraints(table_names=[model._meta.db_table for model in models])
            # The rows were written with their own ids: move each id sequence past them (PostgreSQL), as
            # loaddata does, or the next row a curator adds would get an id that is taken.
            sequence_sql = connection.ops.sequence_reset_sql(no_style(), models)
            if sequence_sql:
                with connection.cursor() as cursor:
                    for line in sequence_sql:
                        cursor.execute(line)
        _record_history(created_objects, at=started_at)
    if created_objects:
        bump_catalogue_revision()
    return result


def _create_missing(result, created_objects, deferred, names, fixture_dir, using):
    for path in fixture_paths(names, fixture_dir):
        result.files.append(path.name)
        with path.open(encoding="utf-8") as stream:
            for item in serializers.deserialize("json", stream, using=using, handle_forward_references=True):
                obj = item.object
                model = type(obj)
                label = model._meta.label_lower
                if model._base_manager.using(using).filter(pk=obj.pk).exists():
                    result.kept[label] += 1
                    continue
                try:
                    with transaction.atomic(using=using):
                        item.save(using=using)
                except IntegrityError as exc:
                    raise ContentConflict(
                        f"{path.name}: {label} {obj.pk} ({obj}) clashes with an existing row: {exc}"
                    ) from exc
                if item.deferred_fields:
                    deferred.append(item)
                created_objects.append(obj)
                result.created[label] += 1


def _record_history(objects, *, at):
    """One "created" history record per new row of a model that keeps history, so curators see where it came from.

    Raw saves write no history of their own; setting a programme's themes during the load already wrote "changed"
    records, so the "created" one is dated at the start of the load, before them.
    """
    by_model = {}
    for obj in objects:
        by_model.setdefault(type(obj), []).append(obj)
    for model, rows in by_model.items():
        history = getattr(model, "history", None)
        if history is None or not hasattr(history, "bulk_history_create"):
            continue
        history.bulk_history_create(rows, default_change_reason=HISTORY_REASON, default_date=at)
