"""Lenient reading of query strings: keep the values we know, set the rest aside, never raise.

One implementation for every public page that reads answers from a URL: the overview's filters (catalog/filters.py,
through Django form fields) and the keuzehulp's answers (catalog/keuzehulp.py, from the QueryDict directly). A stale
bookmark or a tampered link breaks nothing; what was ignored can be reported.
"""

from collections.abc import Container, Iterable

# Per parameter; more values than there are options means someone is fiddling with the URL.
MAX_VALUES = 30
MAX_VALUE_LENGTH = 100


def values_of(query, key) -> list[str]:
    """Every string value of `key` in a QueryDict or a plain dict (a value or a list); anything else is dropped."""
    getlist = getattr(query, "getlist", None)
    raw = getlist(key) if getlist is not None else query.get(key, [])
    if not isinstance(raw, list | tuple):
        raw = [raw]
    return [value for value in raw if isinstance(value, str)]


def has_key(query, key) -> bool:
    try:
        return key in query
    except TypeError:
        return False


def last(values: list[str]) -> str:
    """The last value wins, as QueryDict.get does."""
    return values[-1] if values else ""


def one_of(value: str, allowed: Container[str]) -> str:
    """The value when it is one on offer, else empty."""
    return value if value in allowed else ""


def clean(value, max_length: int = MAX_VALUE_LENGTH) -> str:
    """One submitted value, trimmed and capped; NUL bytes go (PostgreSQL text cannot hold them: a 500)."""
    return str(value).replace("\x00", "").strip()[:max_length]


def bounded(value, *, max_values: int = MAX_VALUES, max_length: int = MAX_VALUE_LENGTH) -> list[str]:
    """The submitted values of one parameter, deduplicated, without blanks, capped in number and length."""
    values = [value] if isinstance(value, str) else list(value or [])
    cleaned = (clean(item, max_length) for item in values[: max_values * 2])
    return list(dict.fromkeys(item for item in cleaned if item))[:max_values]


def split_known(values: Iterable[str], is_known) -> tuple[list[str], list[str]]:
    """(the values we know, in the order given; the values we do not know, to report)."""
    values = list(values)
    return [item for item in values if is_known(item)], [item for item in values if not is_known(item)]
