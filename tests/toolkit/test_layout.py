"""The apps depend one way: accounts → practices → training → catalog → toolkit, and toolkit imports no app.

Read from the source (every import statement, migrations included), so a new import against the direction fails
here before it becomes a cycle.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
APPS = ["toolkit", "catalog", "training", "practices", "accounts"]
# What each app may import of the others; anything not listed is forbidden.
MAY_IMPORT = {
    "toolkit": set(),
    "catalog": {"toolkit"},
    "training": {"toolkit", "catalog"},
    "practices": {"toolkit", "catalog", "training"},
    "accounts": {"toolkit", "catalog", "training", "practices"},
}


def _imported_apps(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return {name.split(".")[0] for name in names} & set(APPS)


@pytest.mark.parametrize("app", APPS)
def test_an_app_imports_only_the_apps_below_it(app):
    wrong = {
        str(path.relative_to(ROOT)): sorted(imported - MAY_IMPORT[app] - {app})
        for path in sorted((ROOT / app).rglob("*.py"))
        if (imported := _imported_apps(path)) - MAY_IMPORT[app] - {app}
    }
    assert not wrong, f"{app} imports against the direction: {wrong}"
