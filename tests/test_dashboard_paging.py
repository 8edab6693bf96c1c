"""The dashboard's list in pages (keyset): on SQLite the pages joined are the whole list, ties and all."""

from __future__ import annotations

from tests.paging_cases import assert_pages_are_the_list, seed_with_ties


def test_pages_joined_are_the_whole_list(context):
    seed_with_ties(context)
    assert_pages_are_the_list(context)


def test_an_empty_database_has_one_empty_page(context):
    assert context.assessments.page() == ([], None)
