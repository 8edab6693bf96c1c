"""Word comments (word/comments.xml): who wrote them, when, what, and which answer or step they are anchored in.

A comment is anchored where its range starts (or, without a range, where its reference mark is): inside an
answer's bookmark it belongs to that question, elsewhere to the step it lies in. Replies (Word keeps the thread
in word/commentsExtended.xml) point at the comment they answer. Every part is read through the export's limits.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import zipfile
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from idmf.export.embed import DocxImportError, open_docx, read_docx_part
from idmf.export.visible import W, _target
from idmf.export.wordin.compare import steps
from idmf.export.wordin.regions import Item
from idmf.forms.schema import FormDefinition

W14 = "{http://schemas.microsoft.com/office/word/2010/wordml}"
W15 = "{http://schemas.microsoft.com/office/word/2012/wordml}"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True)


@dataclass(frozen=True)
class WordComment:
    """One Word comment, where it is anchored, and the comment it replies to (its Word id), if any."""

    word_id: str
    author: str
    date: dt.datetime | None
    text: str
    question_id: str | None  # the answer it is anchored in; None: on the step
    section_id: str
    parent_word_id: str | None = None


def _parse_date(value: str) -> dt.datetime | None:
    try:
        moment = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def _parts(source: Path | bytes) -> tuple[etree._Element | None, etree._Element | None]:
    path = source if isinstance(source, Path) else Path("The Word document")
    try:
        with open_docx(path, source if isinstance(source, bytes) else None) as archive:
            main = _target(archive, "_rels/.rels", "/", "officeDocument") or "word/document.xml"
            folder = posixpath.dirname(main)
            rels = posixpath.join(folder, "_rels", posixpath.basename(main) + ".rels")
            found = []
            for kind in ("comments", "commentsExtended"):
                name = _target(archive, rels, "/" + folder, kind)
                info = archive.getinfo(name) if name and name in archive.namelist() else None
                found.append(etree.fromstring(read_docx_part(path, archive, info), _PARSER) if info else None)
            return found[0], found[1]
    except (zipfile.BadZipFile, etree.XMLSyntaxError, OSError, KeyError) as exc:
        raise DocxImportError(f"{path.name}: its comments cannot be read ({exc}).") from None


def _parents(root: etree._Element, extended: etree._Element | None) -> dict[str, str]:
    """Word id of a reply → Word id of the comment it answers."""
    if extended is None:
        return {}
    by_para = {}
    for comment in root.iter(W + "comment"):
        paragraphs = comment.findall(W + "p")
        if paragraphs:
            by_para[paragraphs[-1].get(W14 + "paraId", "")] = comment.get(W + "id", "")
    parents = {}
    for entry in extended.iter(W15 + "commentEx"):
        child, parent = by_para.get(entry.get(W15 + "paraId", "")), by_para.get(entry.get(W15 + "paraIdParent", ""))
        if child and parent:
            parents[child] = parent
    return parents


def read_comments(source: Path | bytes, items: list[Item], form: FormDefinition) -> list[WordComment]:
    """The document's comments in its order, each anchored to a question or a step (items: read_items's)."""
    root, extended = _parts(source)
    if root is None:
        return []
    where = steps(items, form)
    anchored: dict[str, tuple[str | None, str]] = {}
    for n, item in enumerate(items):
        for word_id in item.comments:
            anchored.setdefault(word_id, (item.question_id, where[n]))
    parents = _parents(root, extended)
    found = []
    for comment in root.iter(W + "comment"):
        word_id = comment.get(W + "id", "")
        text = "\n".join("".join(t.text or "" for t in p.iter(W + "t")) for p in comment.iter(W + "p")).strip()
        question_id, section_id = anchored.get(word_id, (None, form.sections[0].id))
        if text:
            found.append(WordComment(word_id, comment.get(W + "author", "").strip() or "Word reviewer",
                                     _parse_date(comment.get(W + "date", "")), text, question_id, section_id,
                                     parents.get(word_id)))
    return found
