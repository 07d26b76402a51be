"""Dutch is complete: every string in the code has a Dutch translation, none left fuzzy or empty."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parents[2]
# Each locale folder and the source folders whose strings it holds.
LOCALES = {
    "locale": ["templates", "toolkit"],
    "catalog/locale": ["catalog"],
    "practices/locale": ["practices"],
    "training/locale": ["training"],
    "accounts/locale": ["accounts"],
}


def _catalogue(locale_dir):
    path = ROOT / locale_dir / "nl" / "LC_MESSAGES" / "django.po"
    return polib.pofile(str(path)) if path.exists() else None


@pytest.mark.parametrize("locale_dir", LOCALES)
def test_every_dutch_entry_is_translated_and_not_fuzzy(locale_dir):
    catalogue = _catalogue(locale_dir)
    if catalogue is None:
        pytest.skip(f"{locale_dir} has no strings yet")
    missing = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert not missing, f"untranslated in {locale_dir}: {missing}"
    assert not fuzzy, f"fuzzy in {locale_dir}: {fuzzy}"


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="needs gettext's xgettext (make test installs it)")
@pytest.mark.parametrize("locale_dir", LOCALES)
def test_no_string_in_the_code_is_missing_from_the_dutch_catalogue(locale_dir, tmp_path):
    """Extract the strings afresh in a copy of the sources and compare with what is committed."""
    for source in LOCALES[locale_dir]:
        shutil.copytree(ROOT / source, tmp_path / source, ignore=shutil.ignore_patterns("locale", "__pycache__"))
    (tmp_path / "locale").mkdir()
    subprocess.run(
        [sys.executable, "-m", "django", "makemessages", "-l", "nl", "--no-location", "--no-wrap"],
        cwd=tmp_path,
        check=True,
        capture_output=True,
        # Standalone: the copy has no settings module, and makemessages needs none.
        env={k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"},
    )
    extracted_path = tmp_path / "locale" / "nl" / "LC_MESSAGES" / "django.po"
    extracted = {e.msgid for e in polib.pofile(str(extracted_path))} if extracted_path.exists() else set()
    committed = _catalogue(locale_dir)
    known = {entry.msgid for entry in committed} if committed else set()
    assert not extracted - known, f"strings not in {locale_dir}/nl: {sorted(extracted - known)}"
