"""Assembled text: small Jinja2 templates (autoescape on) that produce a tiny paragraph markup.

User text only ever enters a template as a variable, is sanitised (`finalize`) and XML-escaped
(`autoescape`), so `<`, `&` and `{{ }}` in an answer come out literally and can never add markup or be
interpreted as template code. The markup is then turned into Word paragraphs:

    <p style="Style name" align="right">text <b>bold</b> <i>italic</i> <note>aside</note> <red>alert</red>
       <missing>Not answered</missing>
       <field name="PAGE"/> <tab/></p>
"""

from __future__ import annotations

from typing import Any

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt
from docx.text.paragraph import Paragraph
from jinja2 import Environment, StrictUndefined
from lxml import etree

from idmf.export import docxkit, styles
from idmf.export.sanitize import clean

TEMPLATES = {
    "title_block": (
        '{% if organisation %}<p style="IDMF Organisation">{{ organisation }}</p>'
        '{% else %}<p style="IDMF Organisation"><missing>Organisation not answered</missing></p>{% endif %}\n'
        '<p style="Title">{{ form_title }}</p>\n'
        '{% if subtitle %}<p style="Subtitle">{{ subtitle }}</p>{% endif %}\n'
        '{% if title %}<p style="IDMF Proposal Title">{{ title }}</p>'
        '{% else %}<p style="IDMF Proposal Title"><missing>Title not answered</missing></p>{% endif %}\n'),
    "draft_banner": (
        '<p style="IDMF Draft Banner">DRAFT – NOT APPROVED\n'
        '<note>Status: {{ status }} · Version {{ version }} · exported {{ exported }}. '
        'This document is final only once it is approved through governance.</note></p>\n'),
    "heat_note": '<p style="IDMF Intro"><i>{{ note }}</i></p>\n',
    "overview_step": '<p style="IDMF Intro"><b>{{ label }}</b>{{ rest }}</p>\n',
    "header": ('<p style="IDMF Header"><b>{{ title }}</b>{% if draft %}<tab/><b><red>DRAFT{% if status != "Draft" %} – {{ status }}{% endif %}</red></b>'
               '{% else %}<tab/>{{ status }}{% endif %}</p>\n'),
    "footer": ('<p style="IDMF Footer">Version {{ version }} · Exported {{ exported }} · IDMF Desktop {{ app }}'
               '<tab/>Page <field name="PAGE"/> of <field name="NUMPAGES"/></p>\n'),
    "signed_footer": '<p style="IDMF Footer">{{ signed }}</p>\n',
    "census_notes": (
        '{% if note %}<p style="IDMF Small Print">{{ note }}</p>{% endif %}\n'
        '{% if caveat %}<p style="IDMF Small Print"><i>{{ caveat }}</i></p>{% endif %}\n'
        '{% for line in notes %}<p style="IDMF Small Print">{{ line }}</p>\n{% endfor %}'
        '{% if best_fit %}<p style="IDMF Small Print">Figures for {{ area }} are summed from best-fit local '
        'authorities.</p>{% endif %}\n'
        '<p style="IDMF Small Print"><b>{{ source }}</b>{% if origin %} ({{ origin }}){% elif retrieved %} '
        '(retrieved {{ retrieved }}){% endif %}</p>\n'),
}

_ENV = Environment(autoescape=True, undefined=StrictUndefined, keep_trailing_newline=True,
                   finalize=lambda value: clean(value, "a generated line") if isinstance(value, str) else value)
_COMPILED = {name: _ENV.from_string(source) for name, source in TEMPLATES.items()}
_ALIGN = {"right": WD_ALIGN_PARAGRAPH.RIGHT, "center": WD_ALIGN_PARAGRAPH.CENTER}


def render_markup(name: str, **values: Any) -> str:
    """The markup a named template produces for the given values."""
    return _COMPILED[name].render(**values)


def render(container, name: str, **values: Any) -> list[Paragraph]:
    """Render a named template into a document body, table cell, header or footer."""
    root = etree.fromstring(f"<doc>{render_markup(name, **values)}</doc>".encode("utf-8"))
    made = []
    for element in root.iterchildren("p"):
        paragraph = docxkit.paragraph_in(container, element.get("style", styles.ANSWER))
        if element.get("align") in _ALIGN:
            paragraph.alignment = _ALIGN[element.get("align")]
        _fill(paragraph, element, {})
        made.append(paragraph)
    return made


def _fill(paragraph: Paragraph, element, formatting: dict[str, bool]) -> None:
    """Add the runs of one markup element (recursively for nested formatting)."""
    _run(paragraph, element.text, formatting)
    for child in element:
        if child.tag == "field":
            docxkit.add_field(paragraph, child.get("name", "PAGE"))
        elif child.tag == "tab":
            paragraph.add_run("\t")
        elif child.tag == "missing":
            docxkit.add_text(paragraph, child.text or "", style=styles.NOT_ANSWERED)
        else:
            _fill(paragraph, child, {**formatting, child.tag: True})
        _run(paragraph, child.tail, formatting)


def _run(paragraph: Paragraph, text: str | None, formatting: dict[str, bool]) -> None:
    if not text:
        return
    run = paragraph.add_run(text)
    run.bold = formatting.get("b") or None
    run.italic = formatting.get("i") or None
    if formatting.get("red"):
        run.font.color.rgb = styles.ALERT_RED
    if formatting.get("note"):
        run.bold, run.italic, run.font.size = False, True, Pt(9)
        run.font.color.rgb = styles.DARK_GREY
