"""The one door through which `catalog` learns about the visitor's practice without importing `practices`.

`practices` installs a provider in settings.PRACTICE_CONTEXT_PROVIDER; the catalogue (keuzehulp, overview) asks
`practice_context_for(request)` and gets either None (anonymous, or no practice) or a PracticeContext.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.utils.module_loading import import_string


@dataclass(frozen=True)
class PracticeContext:
    name: str
    slug: str
    contact_line: str = ""
    programme_ids: frozenset[int] = field(default_factory=frozenset)  # the practice's own menu
    insurer_ids: frozenset[int] = field(default_factory=frozenset)  # insurers it has contracts with


def practice_context_for(request) -> PracticeContext | None:
    provider_path = getattr(settings, "PRACTICE_CONTEXT_PROVIDER", None)
    if not provider_path:
        return None
    return import_string(provider_path)(request)
