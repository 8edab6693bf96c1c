"""The visible text a sign-off signs: body paragraphs and table cells in reading order, headers and footers
left out, unchanged by how an office suite splits runs, changed by anything a reader would see differently."""

from __future__ import annotations

import re

import rfc8785

from idmf.export import visible
from idmf.export.visible import canonical, visible_blocks, visible_text_sha256
from tests.signing.conftest import alter, entries

W = visible.W


def test_the_text_is_read_in_order_with_tables_as_rows_of_cells(signed_docx, signed):
    blocks = visible_blocks(signed_docx)
    assert blocks[3] == signed.title
    label = blocks.index("Title of Service / Policy / Business Plan")  # the template's label, then the answer
    assert blocks[label + 1] == signed.title
    grid = next(b for b in blocks if isinstance(b, dict))  # Step 1's who-is-impacted grid: rows of cells
    assert grid["table"][0] == [[], ["Yes"], ["No"], ["Indirectly / Possibly"]]
    assert grid["table"][1] == [["Staff"], ["☒"], ["☐"], ["☐"]]
    assert canonical(blocks) == rfc8785.dumps(blocks)  # json.dumps's form is RFC 8785's for this structure


def test_the_fast_path_reads_exactly_what_the_full_reader_reads(signed_docx):
    from lxml import etree

    body = etree.fromstring(entries(signed_docx)["word/document.xml"]).find(W + "body")
    assert visible._Reader(visible._Styles(None), True).blocks(body) == \
        visible._Reader(visible._Styles(None), False).blocks(body)


def test_headers_footers_and_split_runs_do_not_count(signed_docx, tmp_path):
    before = visible_text_sha256(signed_docx)
    footer = next(n for n in entries(signed_docx) if re.fullmatch(r"word/footer\d*\.xml", n))
    refooted = alter(signed_docx, tmp_path / "footer.docx", footer, lambda d: d.replace(b"Version", b"Versi0n", 1))
    assert visible_text_sha256(refooted) == before
    split = alter(signed_docx, tmp_path / "split.docx", "word/document.xml",
                  lambda d: d.replace(b"<w:t>Proposal not", b"<w:t>Propo</w:t></w:r><w:r><w:t>sal not", 1))
    assert visible_text_sha256(split) == before


def test_moving_words_between_cells_counts(signed_docx, tmp_path):
    def swap(data: bytes) -> bytes:  # "Yes" and "No" headings of the who-is-impacted grid change places
        return data.replace(b"<w:t>Yes</w:t>", b"<w:t>@@</w:t>", 1).replace(b"<w:t>No</w:t>", b"<w:t>Yes</w:t>", 1) \
            .replace(b"<w:t>@@</w:t>", b"<w:t>No</w:t>", 1)

    assert visible_text_sha256(alter(signed_docx, tmp_path / "swap.docx", "word/document.xml", swap)) != \
        visible_text_sha256(signed_docx)


def test_a_style_that_hides_text_counts(signed_docx, tmp_path):
    before = visible_text_sha256(signed_docx)
    hiding = b'<w:rPr><w:vanish/></w:rPr></w:style>'
    styles = alter(signed_docx, tmp_path / "styles.docx", "word/styles.xml",
                   lambda d: re.sub(rb'(<w:style [^>]*w:styleId="IDMFProposalTitle".*?)</w:style>',
                                    lambda m: m.group(1) + hiding, d, count=1, flags=re.S))
    blocks = visible_blocks(styles)
    assert blocks[3].startswith("⟦hidden: Proposal not to proceed") and visible_text_sha256(styles) != before
