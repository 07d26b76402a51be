"""A CSV cell that a spreadsheet would run as a formula is written as text."""

import pytest

from toolkit.csv_safe import csv_safe_cell, csv_safe_row


@pytest.mark.parametrize("dangerous", ["=1+1", "+31 30 123", "-2+3", "@SUM(A1)", "\t=1", "\r=1"])
def test_a_cell_starting_like_a_formula_gets_an_apostrophe(dangerous):
    assert csv_safe_cell(dangerous) == "'" + dangerous


@pytest.mark.parametrize("plain", ["alice", "taakverdeling", "/praktijk/demo/", "2026-07-01 14:00:00", "a=b", ""])
def test_an_ordinary_cell_is_left_alone(plain):
    assert csv_safe_cell(plain) == plain


def test_none_becomes_empty_and_a_row_is_made_safe_cell_by_cell():
    assert csv_safe_row([None, "=x", 3]) == ["", "'=x", "3"]
