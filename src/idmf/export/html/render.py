"""Render the web pages: the whole assessment, and the easy-read summary, each one self-contained HTML file."""

from __future__ import annotations

from dataclasses import dataclass, field

from jinja2 import DictLoader, Environment, StrictUndefined
from markupsafe import Markup

from idmf import __version__
from idmf.domain.assessment import Assessment
from idmf.domain.publishing import BULLET, EASY_READ_PARTS, EasyRead
from idmf.domain.questions import ORGANISATION
from idmf.domain.evidence import DEPRIVATION_HEADINGS, DEPRIVATION_KEY
from idmf.export.census import source_line
from idmf.export.findings import text_of
from idmf.export.furniture import is_draft, status_line
from idmf.export.html.model import NOT_ANSWERED, parts
from idmf.export.html.style import CSS
from idmf.export.html.templates import TEMPLATES
from idmf.export.sanitize import clean
from idmf.forms.schema import FormDefinition

CENSUS_STEP = 2  # the census profile belongs to the evidence step, as in the Word export
EASY_READ_KICKER = "Easy read summary"

_ENV = Environment(loader=DictLoader(TEMPLATES), autoescape=True, undefined=StrictUndefined,
                   finalize=lambda value: value if isinstance(value, Markup) or not isinstance(value, str)
                   else clean(value, "a web page"))
_ENV.globals.update(missing=NOT_ANSWERED, source=source_line, app=__version__, css=CSS,
                    deprivation_headings=DEPRIVATION_HEADINGS, deprivation_key=DEPRIVATION_KEY)


@dataclass
class PageOptions:
    """What every page carries besides its body: the footer lines and whether names were withheld."""

    footer: list[str] = field(default_factory=list)
    withheld: bool = False


def _common(form: FormDefinition, item: Assessment, options: PageOptions) -> dict:
    return {"organisation": text_of(form, item, ORGANISATION), "title": item.title or "Untitled assessment",
            "draft": is_draft(item), "status": status_line(item), "footer": options.footer,
            "withheld": options.withheld}


def assessment_page(form: FormDefinition, item: Assessment, options: PageOptions) -> str:
    """The whole assessment as one web page."""
    sections = parts(form, item, CENSUS_STEP)
    kicker = form.title + (f" – {form.subtitle}" if form.subtitle else "")
    return _ENV.get_template("assessment.html").render(
        **_common(form, item, options), page_title=f"{item.title or 'Untitled assessment'} – {form.title}",
        kicker=kicker, body_class="assessment", contents=[(p.anchor, p.title) for p in sections], parts=sections,
        closing=list(form.closing), closing_title=form.closing_title or "What Next?")


def easy_read_items(text: str) -> list[tuple[str, object]]:
    """A part's text as paragraphs and bullet lists: ('p', line) or ('list', [items])."""
    items: list[tuple[str, object]] = []
    for line in (raw.strip() for raw in text.splitlines()):
        if not line:
            continue
        if line.startswith(BULLET.strip()):
            entry = line[len(BULLET.strip()):].strip()
            if items and items[-1][0] == "list":
                items[-1][1].append(entry)  # type: ignore[union-attr]
            else:
                items.append(("list", [entry]))
        else:
            items.append(("p", line))
    return items


def easy_read_page(form: FormDefinition, item: Assessment, text: EasyRead, options: PageOptions) -> str:
    """The easy-read summary as one web page."""
    sections = [(name.replace("_", "-"), heading, easy_read_items(getattr(text, name)))
                for name, heading in EASY_READ_PARTS]
    return _ENV.get_template("easy_read.html").render(
        **_common(form, item, options), page_title=f"{EASY_READ_KICKER}: {item.title or 'Untitled assessment'}",
        kicker=EASY_READ_KICKER, body_class="easy-read", contents=[], parts=sections)
