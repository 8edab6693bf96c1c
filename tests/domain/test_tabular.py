"""Tables pasted into answers as tab-separated text: which lines make a table and which stay text."""

from __future__ import annotations

import pytest

from idmf.domain.tabular import TabTable, split_pieces, tables_in

NOMIS = ("Census 2021 figures for the district:\n"
         "Sex\tHinckley and Bosworth\t\n"
         "\tcount\t%\n"
         "Total: All usual residents\t113,640\t100.0\n"
         "Female\t57,607\t50.7\n"
         "Male\t56,033\t49.3\n"
         "Source: ONS - 2021 Census (TS008)")


def test_a_nomis_paste_is_one_table_between_its_text_lines():
    pieces = split_pieces(NOMIS)
    assert pieces[0] == "Census 2021 figures for the district:" and pieces[-1] == "Source: ONS - 2021 Census (TS008)"
    table = pieces[1]
    assert isinstance(table, TabTable) and (table.first_line, table.last_line) == (1, 5)
    assert table.rows == (("Sex", "Hinckley and Bosworth", ""), ("", "count", "%"),
                          ("Total: All usual residents", "113,640", "100.0"), ("Female", "57,607", "50.7"),
                          ("Male", "56,033", "49.3"))


@pytest.mark.parametrize("text", [
    "One line\twith a tab",  # a single line is not a table
    "\tIndented line\n\tAnother indented line",  # tabs only at the start indent text
    "a\tb\nc\td\te\tf",  # two lines, but no two with the same number of cells
    "No tabs at all\nanywhere",
])
def test_text_that_is_not_a_table(text):
    assert tables_in(text) == []
    assert split_pieces(text) == text.split("\n")


def test_two_tables_separated_by_text_and_short_rows_padded():
    text = "A\tB\tC\n1\t2\t3\n4\t5\nBetween\nX\tY\n7\t8"
    first, second = tables_in(text)
    assert first.rows == (("A", "B", "C"), ("1", "2", "3"), ("4", "5", ""))
    assert second.rows == (("X", "Y"), ("7", "8")) and second.first_line == 4
