"""The keuzehulp's facts about the whole catalogue, kept per catalogue revision and day instead of read per request.

Reading every published programme's facts (seven queries and thousands of rows) cost about a third of a keuzehulp
result at 5,000 programmes, while those facts change only when a curator changes the catalogue. So they are read
once per (catalogue revision, day) and kept in the shared cache, with the last snapshot also held in the process,
which saves unpickling thousands of rows on every request. The day is in the key because a programme's "past its
review" flag changes with the date. The patient's answers are never part of it: only catalogue facts are cached.
Off when CATALOG_OVERVIEW_CACHE_SECONDS is 0 (as in the tests), like the overview's cache.
"""

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

from catalog.keuzehulp import AnswerOptions, ProgrammeFacts
from catalog.keuzehulp_index import KeuzehulpIndex
from catalog.keuzehulp_selectors import answer_options, keuzehulp_programmes
from catalog.overview_cache import catalogue_revision

_in_process: dict[str, object] = {}


# The shape of what is kept: a new one never reads an entry an older version of this code left in a shared cache.
SNAPSHOT_VERSION = 2


def _snapshot(name: str, read):
    timeout = settings.CATALOG_OVERVIEW_CACHE_SECONDS
    key = f"catalog:keuzehulp:v{SNAPSHOT_VERSION}:{name}:{catalogue_revision()}:{timezone.localdate().isoformat()}"
    value = _in_process.get(key)
    if value is None:
        value = cache.get(key)
        if value is None:
            value = read()
            cache.set(key, value, timeout)
        # One snapshot per name in the process: an older revision's is dropped, not kept beside it.
        for old in [old for old in _in_process if old.startswith(f"catalog:keuzehulp:v{SNAPSHOT_VERSION}:{name}:")]:
            del _in_process[old]
        _in_process[key] = value
    return value


def _read() -> tuple[AnswerOptions, KeuzehulpIndex]:
    return answer_options(), KeuzehulpIndex.build(keuzehulp_programmes())


def catalogue_answer_options() -> AnswerOptions:
    """answer_options(), from the snapshot of this catalogue revision and day."""
    if not settings.CATALOG_OVERVIEW_CACHE_SECONDS:
        return answer_options()
    return _snapshot("catalogue", _read)[0]


def catalogue_facts() -> list[ProgrammeFacts]:
    """keuzehulp_programmes(), from the snapshot of this catalogue revision and day."""
    if not settings.CATALOG_OVERVIEW_CACHE_SECONDS:
        return keuzehulp_programmes()
    return list(_snapshot("catalogue", _read)[1].programmes.values())


def catalogue_index() -> KeuzehulpIndex:
    """The hard constraints' sets and the facts by id (keuzehulp_index.py), per revision and day."""
    if not settings.CATALOG_OVERVIEW_CACHE_SECONDS:
        return KeuzehulpIndex.build(keuzehulp_programmes())
    return _snapshot("catalogue", _read)[1]
