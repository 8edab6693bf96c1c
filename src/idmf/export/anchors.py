"""Every answer in the Word document is marked by a bookmark, so the app can read back exactly which text
belongs to which question when the document comes back edited in Word (word_in/).

A bookmark is invisible (the visible text a sign-off signs is unchanged) and survives Word and LibreOffice
re-saving. Its name is `idmf_` + the question id, with a part after `__` when one answer is printed in several
places: `__t` the impact ticks, `__n` the narrative, `__g3` / `__g3t` / `__g3n` a further group's name, ticks and
narrative. Word allows 40 characters in a bookmark name; the longest here is 37.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from contextlib import contextmanager

from docx.oxml.ns import qn
from lxml import etree

PREFIX = "idmf_"
PART = "__"
TICKS, NARRATIVE, GROUP = "t", "n", "g"
MAX_NAME = 40
_P, _PPR, _SECT = qn("w:p"), qn("w:pPr"), qn("w:sectPr")


def name(question_id: str, part: str = "") -> str:
    """The bookmark name of a question's answer (or one part of it)."""
    return f"{PREFIX}{question_id}{PART + part if part else ''}"


def parts(question_id: str) -> str:
    """The start of the bookmark names of a question's parts (add TICKS or NARRATIVE)."""
    return f"{PREFIX}{question_id}{PART}"


def split(bookmark: str) -> tuple[str, str] | None:
    """(question id, part) of one of the app's bookmark names; None for any other bookmark."""
    if not bookmark.startswith(PREFIX):
        return None
    question_id, _, part = bookmark[len(PREFIX):].partition(PART)
    return (question_id, part) if question_id else None


def _counter(doc) -> Iterator[int]:
    part = doc.part if hasattr(doc, "part") else doc
    main = part.package.main_document_part
    if not hasattr(main, "_idmf_bookmark_ids"):
        main._idmf_bookmark_ids = itertools.count(1)
    return main._idmf_bookmark_ids


def mark(doc, bookmark: str, elements: list) -> None:
    """Bookmark the answer printed as these block elements (paragraphs, tables, or a table row): from the start
    of their first paragraph to the end of their last."""
    paragraphs = [p for element in elements for p in element.iter(_P)]
    if not paragraphs:
        return
    number = str(next(_counter(doc)))
    start = etree.Element(qn("w:bookmarkStart"))
    start.set(qn("w:id"), number)
    start.set(qn("w:name"), bookmark)
    end = etree.Element(qn("w:bookmarkEnd"))
    end.set(qn("w:id"), number)
    first = paragraphs[0]
    props = first.find(_PPR)
    first.insert(0 if props is None else first.index(props) + 1, start)
    paragraphs[-1].append(end)


def _body(container):
    element = getattr(container, "_tc", None)
    if element is not None:
        return element
    return container.element.body if hasattr(container, "element") else container._element


def _blocks(body) -> list:
    return [child for child in body if child.tag != _SECT]


@contextmanager
def marked(container, bookmark: str):
    """Bookmark whatever the `with` block adds to a document body (or a table cell)."""
    body = _body(container)
    before = len(_blocks(body))
    yield
    mark(container, bookmark, _blocks(body)[before:])
