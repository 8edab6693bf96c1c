"""Page furniture and document properties: header (proposal title, DRAFT marking), footer (version,
export date, app version, page X of Y), a DRAFT watermark on unapproved assessments, and the Word
document properties (title, author, subject…)."""

from __future__ import annotations

import datetime as dt

from docx.oxml import parse_xml
from docx.text.paragraph import Paragraph

from idmf import __version__
from idmf.domain.answer_text import date_text
from idmf.domain.assessment import Status
from idmf.export import docxkit, texts
from idmf.export.blocks import FULL_WIDTH, RenderContext
from idmf.export.sanitize import clean

SUBJECT = "IDMF Equality Analysis – Part B"

# Word's own watermark shape (Design > Watermark): VML text on a path, behind the text, on every page.
_WATERMARK = """<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
 xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office"
 xmlns:w10="urn:schemas-microsoft-com:office:word"><w:pict>
<v:shapetype id="_x0000_t136" coordsize="21600,21600" o:spt="136" adj="10800" path="m@7,l@8,m@5,21600l@6,21600e">
<v:formulas><v:f eqn="sum #0 0 10800"/><v:f eqn="prod #0 2 1"/><v:f eqn="sum 21600 0 @1"/><v:f eqn="sum 0 0 @2"/>
<v:f eqn="sum 21600 0 @3"/><v:f eqn="if @0 @3 0"/><v:f eqn="if @0 21600 @1"/><v:f eqn="if @0 0 @2"/>
<v:f eqn="if @0 @4 21600"/><v:f eqn="mid @5 @6"/><v:f eqn="mid @8 @5"/><v:f eqn="mid @7 @8"/><v:f eqn="mid @6 @7"/>
<v:f eqn="sum @6 0 @5"/></v:formulas>
<v:path textpathok="t" o:connecttype="custom" o:connectlocs="@9,0;@10,10800;@11,21600;@12,10800"
 o:connectangles="270,180,90,0"/><v:textpath on="t" fitshape="t"/>
<v:handles><v:h position="#0,bottomRight" xrange="6629,14971"/></v:handles><o:lock v:ext="edit" text="t" shapetype="t"/>
</v:shapetype>
<v:shape id="IDMFDraftWatermark" o:spid="_x0000_s2049" type="#_x0000_t136"
 style="position:absolute;margin-left:0;margin-top:0;width:440pt;height:130pt;rotation:315;z-index:-251654144;mso-position-horizontal:center;mso-position-horizontal-relative:margin;mso-position-vertical:center;mso-position-vertical-relative:margin"
 alt="" o:allowincell="f" fillcolor="#F2C4C4" stroked="f"><v:fill opacity=".45"/>
<v:textpath style="font-family:&quot;Arial&quot;;font-size:1pt;font-weight:bold" string="DRAFT"/>
<w10:wrap anchorx="margin" anchory="margin"/></v:shape></w:pict></w:r>"""


def is_draft(ctx: RenderContext) -> bool:
    """Everything not approved is a draft."""
    return ctx.assessment.status != Status.APPROVED


def exported_text(ctx: RenderContext) -> str:
    """The export time as printed (local time, DD/MM/YYYY HH:MM)."""
    return ctx.exported_at.astimezone().strftime("%d/%m/%Y %H:%M")


def header_and_footer(ctx: RenderContext) -> None:
    """The page furniture of every page: header, then footer."""
    header(ctx)
    footer(ctx)


def header(ctx: RenderContext) -> list[Paragraph]:
    """Proposal title and status (DRAFT in words while not approved) and, on a draft, the watermark."""
    section = ctx.doc.sections[0]
    made = texts.render(section.header, "header", title=ctx.assessment.title or "Untitled assessment",
                        draft=is_draft(ctx), status=ctx.assessment.status.label)
    docxkit.right_tab(made[0], FULL_WIDTH)
    if is_draft(ctx):  # decorative (empty alt text): the header's words say DRAFT on every page
        made[0]._p.append(parse_xml(_WATERMARK))
    return made


def footer(ctx: RenderContext) -> list[Paragraph]:
    """Version, export date, app version and page X of Y, then, once signed off, who signed it off and their
    key's short fingerprint. Further footer lines are added after these, with texts.render(…footer, …)."""
    made = texts.render(ctx.doc.sections[0].footer, "footer", version=ctx.assessment.version_number,
                        exported=exported_text(ctx), app=__version__)
    docxkit.right_tab(made[0], FULL_WIDTH)
    if ctx.signed_by:
        made += texts.render(ctx.doc.sections[0].footer, "signed_footer", signed=ctx.signed_by)
    return made


def draft_banner(ctx: RenderContext) -> None:
    """The boxed DRAFT line under the title block (absent once approved)."""
    if is_draft(ctx):
        texts.render(ctx.doc, "draft_banner", status=ctx.assessment.status.label,
                     version=ctx.assessment.version_number, exported=exported_text(ctx))


def _utc_naive(moment: dt.datetime) -> dt.datetime:
    return moment.astimezone(dt.timezone.utc).replace(tzinfo=None) if moment.tzinfo else moment


def core_properties(ctx: RenderContext) -> None:
    """Word's File > Info properties: title, author, subject, status, dates, keywords."""
    item, props = ctx.assessment, ctx.doc.core_properties
    props.title = clean(item.title or "Untitled assessment", "the title")[:255]
    props.author = clean(item.lead or item.organisation or "IDMF Desktop", "the lead's name")[:255]
    props.subject = SUBJECT
    props.category = "Equality impact assessment"
    props.keywords = "IDMF; equality analysis; EIA; " + item.status.label
    props.content_status = item.status.label
    props.version = str(item.version_number)
    props.revision = max(1, item.version_number)
    props.identifier = item.uid
    props.comments = (f"Version {item.version_number} ({item.status.label}), exported by IDMF Desktop "
                      f"{__version__} on {exported_text(ctx)}.")
    props.last_modified_by = f"IDMF Desktop {__version__}"
    props.created = _utc_naive(item.created_at)
    props.modified = _utc_naive(ctx.exported_at)
    props.language = "en-GB"
    if item.review_date:
        props.comments += f" Review by {date_text(item.review_date)}."
