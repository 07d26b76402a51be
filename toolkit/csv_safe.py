"""CSV cells a spreadsheet shows as text: a cell starting with = + - @ (or a tab or carriage return) would be run
as a formula by Excel or LibreOffice (CSV injection), so it gets a leading apostrophe."""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_safe_cell(value) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_safe_row(values) -> list[str]:
    return [csv_safe_cell(value) for value in values]
