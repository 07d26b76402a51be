"""One print script: every page with a print button loads static/js/print-button.js, and no other script prints."""

import re
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)
TEMPLATES = [
    path for folder in ["templates", "catalog", "practices", "training"] for path in (ROOT / folder).rglob("*.html")
]


def test_only_the_print_script_opens_the_print_dialog():
    printing = sorted(path.name for path in (ROOT / "static" / "js").glob("*.js") if "window.print" in path.read_text())
    assert printing == ["print-button.js"]


def test_every_template_with_a_print_button_loads_the_print_script():
    with_button = [path for path in TEMPLATES if re.search(r"\sdata-print[\s>]", path.read_text())]
    assert len(with_button) >= 4  # advice sheet, leaflet, vision document, certificate
    for path in with_button:
        assert "{% static 'js/print-button.js' %}" in path.read_text(), path
