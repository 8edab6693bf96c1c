"""Bullet lists typed in answers ("- " or "• " lines) come out as real Word bullets in the answer's style."""

from __future__ import annotations

from docx.oxml.ns import qn

SUMMARY = ("The day case unit will:\n- move to the Hub\n• open two evening lists\n  - Tuesdays and Thursdays\n"
           "That is all.")


def _numbering(paragraph):
    found = paragraph._p.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
    if found is None:
        return None
    return found.find(qn("w:numId")).get(qn("w:val")), found.find(qn("w:ilvl")).get(qn("w:val"))


def test_bullet_lines_become_word_bullets_and_other_lines_stay_paragraphs(form, filled, export):
    from idmf.export.bullets import bullet_numbering

    filled.set_answer(form, "summary", SUMMARY)
    exported = export(filled)
    texts = [p.text for p in exported.paragraphs]
    start = texts.index("The day case unit will:")
    lines = exported.paragraphs[start:start + 5]
    assert [p.text for p in lines] == ["The day case unit will:", "move to the Hub", "open two evening lists",
                                       "Tuesdays and Thursdays", "That is all."]
    bullet = bullet_numbering(exported.doc.part)
    assert bullet is not None
    assert [_numbering(p) for p in lines] == [None, (bullet, "0"), (bullet, "0"), (bullet, "0"), None]
    assert len({p.style.name for p in lines}) == 1  # bullets keep the answer's own style (font, size)
    abstract = exported.doc.part.numbering_part.element.num_having_numId(int(bullet)).abstractNumId.val
    levels = exported.doc.part.numbering_part.element.xpath(
        f"w:abstractNum[@w:abstractNumId='{abstract}']/w:lvl[@w:ilvl='0']/w:numFmt/@w:val")
    assert levels == ["bullet"]  # a bullet list, not a numbered one


def test_a_dash_inside_a_sentence_or_alone_is_not_a_bullet(form, filled, export):
    filled.set_answer(form, "summary", "Costs - capital and revenue - are shown.\n-\n-5 degrees")
    exported = export(filled)
    texts = [p.text for p in exported.paragraphs]
    start = texts.index("Costs - capital and revenue - are shown.")
    assert texts[start:start + 3] == ["Costs - capital and revenue - are shown.", "-", "-5 degrees"]
    assert all(_numbering(p) is None for p in exported.paragraphs[start:start + 3])
