"""CI's dependency audit (.ci/dependency_audit): pip-audit over uv.lock; says so when it cannot reach its database."""

import importlib.util
import json
import subprocess
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / ".ci" / "dependency_audit"


def _locked_requirements():
    spec = importlib.util.spec_from_file_location("locked_requirements", ROOT / ".ci" / "locked_requirements.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.locked_requirements


def _run(**env):
    import os

    return subprocess.run([str(SCRIPT)], capture_output=True, text=True, env={**os.environ, **env}, timeout=300)


def _advisories_reachable():
    """True when PyPI answers with the advisories of a version known to have them (the script's own canary)."""
    try:
        with urllib.request.urlopen("https://pypi.org/pypi/django/3.2.0/json", timeout=5) as response:
            return bool(json.load(response).get("vulnerabilities"))
    except (OSError, ValueError):
        return False


def test_the_requirements_are_every_registry_package_of_the_lock_file_pinned_and_not_the_project_itself():
    pins = _locked_requirements()((ROOT / "uv.lock").read_text())
    assert "django-axes==8.3.1" in pins and "django-ipware==8.0.0" in pins
    assert all("==" in pin for pin in pins)
    assert not any(pin.startswith("emh") or pin.startswith("toolkit") for pin in pins)


def test_without_its_database_the_audit_says_it_skipped_and_does_not_fail_the_build():
    result = _run(DEPENDENCY_AUDIT_PROBE_URL="http://127.0.0.1:9/")
    assert result.returncode == 0
    assert "skipped: database unreachable" in result.stdout
    assert "0 known vulnerabilities" not in result.stdout  # no false all-clear


@pytest.mark.skipif(not _advisories_reachable(), reason="needs the PyPI advisory database (network)")
def test_a_known_vulnerable_locked_version_fails_the_audit(tmp_path):
    lock = tmp_path / "uv.lock"
    lock.write_text(
        'version = 1\n[[package]]\nname = "django"\nversion = "3.2.0"\n'
        'source = { registry = "https://pypi.org/simple" }\n'
    )
    result = _run(DEPENDENCY_AUDIT_LOCK=str(lock))
    assert result.returncode == 1, result.stdout + result.stderr
    assert "django 3.2.0:" in result.stdout
