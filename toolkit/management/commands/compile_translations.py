"""Compile every .po file of the project into .mo with polib, so no gettext binaries are needed to run."""

from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand

LOCALE_ROOTS = ["locale", "catalog/locale", "practices/locale", "training/locale", "accounts/locale"]


def po_files(base_dir: Path):
    for root in LOCALE_ROOTS:
        yield from sorted((base_dir / root).glob("*/LC_MESSAGES/*.po"))


class Command(BaseCommand):
    help = "Compile the project's .po translation files into .mo files (safe to run any number of times)."

    def handle(self, *args, **options):
        count = 0
        for po_path in po_files(Path(settings.BASE_DIR)):
            mo_path = po_path.with_suffix(".mo")
            if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
                continue
            polib.pofile(str(po_path)).save_as_mofile(str(mo_path))
            count += 1
        self.stdout.write(f"compiled {count} translation file(s)")
