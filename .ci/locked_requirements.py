"""Print the packages pinned in uv.lock as requirements (name==version), for pip-audit.

Reads the lock file directly (Python's tomllib), so it needs neither uv nor the network. The project itself
(an editable or virtual source) is left out: it is not on PyPI and has no advisories.
"""

import sys
import tomllib
from pathlib import Path


def locked_requirements(lock_text: str) -> list[str]:
    lock = tomllib.loads(lock_text)
    pins = []
    for package in lock.get("package", []):
        if "registry" not in package.get("source", {}):
            continue
        pins.append(f"{package['name']}=={package['version']}")
    return sorted(set(pins))


if __name__ == "__main__":
    lock_path = Path(sys.argv[1] if len(sys.argv) > 1 else "uv.lock")
    print("\n".join(locked_requirements(lock_path.read_text())))
