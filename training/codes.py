"""Certificate verification codes: random, unguessable, and short enough to type from a printed page."""

import re
import secrets

# No 0/O, 1/I/L: a code read from paper must not be ambiguous. 31 symbols, 12 of them: about 59 bits.
ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
GROUPS = 3
GROUP_SIZE = 4
_NOT_CODE = re.compile(r"[^A-Z0-9]")


def new_code() -> str:
    """A fresh code such as "K7QM-2XRD-9HTA", drawn from the operating system's secure random source."""
    symbols = "".join(secrets.choice(ALPHABET) for _ in range(GROUPS * GROUP_SIZE))
    return "-".join(symbols[i : i + GROUP_SIZE] for i in range(0, len(symbols), GROUP_SIZE))


def normalise_code(text: str) -> str:
    """What a person typed ("k7qm 2xrd9hta") in stored form ("K7QM-2XRD-9HTA"); "" if it cannot be one."""
    symbols = _NOT_CODE.sub("", (text or "").upper())
    if len(symbols) != GROUPS * GROUP_SIZE:
        return ""
    return "-".join(symbols[i : i + GROUP_SIZE] for i in range(0, len(symbols), GROUP_SIZE))
