"""A structure check for the web pages, run by every test (no browser needed); axe-core in a real browser
checks the rest where one is installed (tests/a11y).

    python -m idmf.export.html.checker PAGE.html...     # prints each problem; exit status 1 if any

Rules (WCAG 2.2 success criteria in brackets):
- lang: the html element says the page's language, English (3.1.1); the page has a non-empty title (2.4.2).
- landmarks: one main; a banner (header) and a contentinfo (footer) outside it; every nav named; nothing
  but the skip link outside the landmarks (1.3.1, 2.4.1).
- headings: exactly one h1, first; no level skipped on the way down; none empty (1.3.1, 2.4.6).
- tables: every table has a non-empty caption and header cells, every th a scope of col or row (1.3.1).
- alt text: every img has an alt attribute; every svg or role="img" an accessible name (1.1.1).
- ticks: the ☒/☐ symbols only inside aria-hidden elements, so a tick is always read as a word (1.1.1, 1.4.1).
- links and ids: ids unique, every in-page link leads to an id, no link without text (2.4.4, 4.1.1).
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}
LANDMARKS = {"header", "nav", "main", "footer", "aside", "form", "section"}
TICKS = re.compile("[\u2610\u2611\u2612]")


@dataclass
class Node:
    """One element of the parsed page (text kept in order with the children, for reading)."""

    tag: str
    attrs: dict[str, str]
    parent: "Node | None" = None
    content: list["Node | str"] = field(default_factory=list)  # child elements and text, in document order

    @property
    def children(self) -> list["Node"]:
        """The child elements."""
        return [item for item in self.content if isinstance(item, Node)]

    @property
    def text(self) -> list[str]:
        """The text directly inside this element (not its children's)."""
        return [item for item in self.content if isinstance(item, str)]

    def walk(self):
        """This element and every element inside it, in document order."""
        yield self
        for child in self.children:
            yield from child.walk()

    def all_text(self) -> str:
        """The element's text content, its children's included, in reading order."""
        return "".join(item if isinstance(item, str) else item.all_text() for item in self.content)

    def ancestors(self):
        """The elements containing this one, nearest first."""
        node = self.parent
        while node is not None:
            yield node
            node = node.parent


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {})
        self.current = self.root

    def handle_starttag(self, tag, attrs):
        node = Node(tag, {k: v or "" for k, v in attrs}, self.current)
        self.current.content.append(node)
        if tag not in VOID:
            self.current = node

    def handle_endtag(self, tag):
        for node in [self.current, *self.current.ancestors()]:
            if node.tag == tag:
                self.current = node.parent or self.root
                return

    def handle_data(self, data):
        self.current.content.append(data)


def parse(html: str) -> Node:
    """The page as a tree of elements."""
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    return builder.root


def _lang_and_title(root: Node) -> list[str]:
    problems = []
    html = next((n for n in root.walk() if n.tag == "html"), None)
    if html is None or not html.attrs.get("lang", "").lower().startswith("en"):
        problems.append("lang: the html element does not say the page is in English (lang=\"en-GB\").")
    titles = [n for n in root.walk() if n.tag == "title"]
    if not titles or not titles[0].all_text().strip():
        problems.append("lang: the page has no title.")
    return problems


def _landmarks(root: Node) -> list[str]:
    problems = []
    elements = list(root.walk())
    mains = [n for n in elements if n.tag == "main" or n.attrs.get("role") == "main"]
    if len(mains) != 1:
        problems.append(f"landmarks: the page has {len(mains)} main landmarks; it needs exactly one.")
    top = {"main", "article", "section", "aside", "nav"}
    for tag, name in (("header", "banner"), ("footer", "contentinfo")):
        if not any(n.tag == tag and not any(a.tag in top for a in n.ancestors()) for n in elements):
            problems.append(f"landmarks: there is no {name} ({tag} outside main).")
    for nav in (n for n in elements if n.tag == "nav"):
        if not (nav.attrs.get("aria-label") or nav.attrs.get("aria-labelledby")):
            problems.append("landmarks: a nav has no name (aria-label or aria-labelledby).")
    body = next((n for n in elements if n.tag == "body"), None)
    for child in body.children if body else []:
        if child.tag not in LANDMARKS and child.tag not in {"script", "style"} and "skip-link" not in \
                child.attrs.get("class", ""):
            problems.append(f"landmarks: <{child.tag}> is outside every landmark.")
    for text in (t for t in (body.text if body else []) if t.strip()):
        problems.append(f"landmarks: the text {text.strip()[:40]!r} is outside every landmark.")
    return problems


def _headings(root: Node) -> list[str]:
    problems, previous = [], 0
    headings = [n for n in root.walk() if re.fullmatch(r"h[1-6]", n.tag)]
    if sum(1 for h in headings if h.tag == "h1") != 1:
        problems.append(f"headings: the page has {sum(1 for h in headings if h.tag == 'h1')} h1 headings; "
                        "it needs exactly one.")
    for heading in headings:
        level, text = int(heading.tag[1]), " ".join(heading.all_text().split())
        if not text:
            problems.append(f"headings: an empty {heading.tag}.")
        if previous == 0 and level != 1:
            problems.append(f"headings: the first heading is {heading.tag} {text[:40]!r}, not h1.")
        elif level > previous + 1 and previous:
            problems.append(f"headings: {heading.tag} {text[:40]!r} follows h{previous} (a level is skipped).")
        previous = level
    return problems


def _tables(root: Node) -> list[str]:
    problems = []
    for number, table in enumerate((n for n in root.walk() if n.tag == "table"), start=1):
        caption = next((c for c in table.children if c.tag == "caption"), None)
        name = " ".join(caption.all_text().split()) if caption else ""
        where = f"table {number} ({name[:40]!r})" if name else f"table {number}"
        if not name:
            problems.append(f"table headers: {where} has no caption.")
        cells = [n for n in table.walk() if n.tag == "th"]
        if not cells:
            problems.append(f"table headers: {where} has no header cells.")
        for cell in cells:
            if cell.attrs.get("scope") not in ("col", "row", "colgroup", "rowgroup"):
                problems.append(f"table headers: a header cell of {where} has no scope.")
    return problems


def _alt_text(root: Node) -> list[str]:
    problems = []
    for node in root.walk():
        if node.tag == "img" and "alt" not in node.attrs:
            problems.append(f"alt text: the image {node.attrs.get('src', '')[:40]!r} has no alt attribute.")
        named = node.attrs.get("aria-label") or node.attrs.get("aria-labelledby") or \
            any(c.tag == "title" for c in node.children)
        if (node.tag == "svg" or node.attrs.get("role") == "img") and node.tag != "img" and not named and \
                node.attrs.get("aria-hidden") != "true":
            problems.append(f"alt text: a <{node.tag}> image has no accessible name.")
    return problems


def _ticks(root: Node) -> list[str]:
    problems = []
    for node in root.walk():
        if any(TICKS.search(t) for t in node.text) and node.tag not in {"style", "script", "title"}:
            if not any(n.attrs.get("aria-hidden") == "true" for n in [node, *node.ancestors()]):
                problems.append(f"ticks: a tick symbol in <{node.tag}> is not hidden from screen readers "
                                "(write the tick as a word).")
    return problems


def _links(root: Node) -> list[str]:
    problems = []
    ids = [n.attrs["id"] for n in root.walk() if "id" in n.attrs]
    for duplicate in sorted({i for i in ids if ids.count(i) > 1}):
        problems.append(f"links: the id {duplicate!r} is used more than once.")
    for link in (n for n in root.walk() if n.tag == "a" and "href" in n.attrs):
        href = link.attrs["href"]
        if href.startswith("#") and href[1:] not in ids:
            problems.append(f"links: the link to {href!r} leads nowhere.")
        if not (link.all_text().strip() or link.attrs.get("aria-label")):
            problems.append(f"links: the link to {href!r} has no text.")
    return problems


RULES = (_lang_and_title, _landmarks, _headings, _tables, _alt_text, _ticks, _links)


def check_html(html: str) -> list[str]:
    """Every structure problem of a page, each one sentence starting with its rule ('' list when none)."""
    root = parse(html)
    return [problem for rule in RULES for problem in rule(root)]


def main(argv: list[str] | None = None) -> int:
    """Check the pages named on the command line."""
    status = 0
    for name in (sys.argv[1:] if argv is None else argv):
        problems = check_html(Path(name).read_text(encoding="utf-8"))
        for problem in problems:
            print(f"{name}: {problem}")
        status |= bool(problems)
        if not problems:
            print(f"{name}: no problems found")
    return status


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
