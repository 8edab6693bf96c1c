"""The assessment inside the Word file: its versioned JSON (`jsonio.to_document`) as a custom XML part,
so a colleague who only received the .docx can import it back into IDMF Desktop; and, once signed off,
the committee's signed statement as a second custom XML part (`embed_signature`, `read_signature`).

The JSON is stored ASCII-escaped (`\\uXXXX`), which is the same JSON document but can never contain a
character XML refuses; Word and LibreOffice keep custom XML parts when they re-save a document.
"""

from __future__ import annotations

import json
import uuid
import zipfile
import zlib
from io import BytesIO
from pathlib import Path

from docx.document import Document
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from lxml import etree

from idmf import __version__
from idmf.domain.assessment import Assessment
from idmf.domain.limits import (
    MAX_ZIP_ENTRIES,
    MAX_ZIP_PART_BYTES,
    MAX_ZIP_RATIO,
    RATIO_FLOOR,
    mb,
)
from idmf.files import ZipPartTooLarge, read_zip_part
from idmf.interchange import jsonio
from idmf.interchange.jsonio import InterchangeError

NAMESPACE = "urn:idmf-desktop:assessment"
ROOT = f"{{{NAMESPACE}}}assessment"
SIGNOFF_NAMESPACE = "urn:idmf-desktop:signoff"
SIGNOFF_ROOT = f"{{{SIGNOFF_NAMESPACE}}}signoff"
_DATASTORE = "http://schemas.openxmlformats.org/officeDocument/2006/customXml"
_SAFE_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)


class DocxImportError(InterchangeError):
    """A .docx that cannot be imported; the message is one plain sentence."""


class NothingEmbedded(DocxImportError):
    """A Word document that holds no assessment of the app's (written in Word, not exported by the app)."""


def payload(assessment: Assessment) -> bytes:
    """The custom XML part: the assessment's JSON document in one element."""
    root = etree.Element(ROOT, nsmap={"idmf": NAMESPACE})
    root.set("format", jsonio.FORMAT)
    root.set("format_version", str(jsonio.FORMAT_VERSION))
    root.set("app_version", __version__)
    root.text = json.dumps(jsonio.to_document(assessment), ensure_ascii=True, indent=2, sort_keys=True)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _properties(item_id: str, namespace: str) -> bytes:
    root = etree.Element(f"{{{_DATASTORE}}}datastoreItem", nsmap={"ds": _DATASTORE})
    root.set(f"{{{_DATASTORE}}}itemID", item_id)
    refs = etree.SubElement(root, f"{{{_DATASTORE}}}schemaRefs")
    etree.SubElement(refs, f"{{{_DATASTORE}}}schemaRef").set(f"{{{_DATASTORE}}}uri", namespace)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=False)


def _embed(doc: Document, data: bytes, namespace: str) -> None:
    """Add a custom XML part /customXml/itemN.xml (with its properties part) to the document."""
    package = doc.part.package
    item_name = package.next_partname("/customXml/item%d.xml")
    item = Part(item_name, "application/xml", data, package)
    doc.part.relate_to(item, RT.CUSTOM_XML)
    number = item_name.idx
    props_name = PackURI(f"/customXml/itemProps{number}.xml")
    props = Part(props_name, CT.OFC_CUSTOM_XML_PROPERTIES,
                 _properties("{%s}" % str(uuid.uuid4()).upper(), namespace), package)
    item.relate_to(props, RT.CUSTOM_XML_PROPS)


def embed_assessment(doc: Document, assessment: Assessment) -> None:
    """Add the assessment's JSON to the document."""
    _embed(doc, payload(assessment), NAMESPACE)


def embed_signature(doc: Document, statement: str) -> None:
    """Add the committee's signed statement (JSON text, ASCII) to the document."""
    root = etree.Element(SIGNOFF_ROOT, nsmap={"idmf": SIGNOFF_NAMESPACE})
    root.text = statement
    _embed(doc, etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True), SIGNOFF_NAMESPACE)


def _candidates(archive: zipfile.ZipFile) -> list[str]:
    return [name for name in archive.namelist()
            if name.lower().startswith("customxml/") and name.lower().endswith(".xml")
            and "itemprops" not in name.lower() and "/_rels/" not in name.lower()]


def read_docx_part(path: Path, archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """One part of a Word file, decompressed no further than the limits (DocxImportError past them)."""
    try:
        return read_zip_part(archive, info, MAX_ZIP_PART_BYTES, MAX_ZIP_RATIO, RATIO_FLOOR)
    except ZipPartTooLarge as exc:
        raise DocxImportError(f"{path.name} is refused: {exc.reason}, far more than a Word file exported by IDMF "
                              f"Desktop holds (at most {mb(MAX_ZIP_PART_BYTES)} a part, compressed at most "
                              f"{MAX_ZIP_RATIO}:1).") from None


def open_docx(path: Path, data: bytes | None = None) -> zipfile.ZipFile:
    """The Word file (at `path`, or its `data` in memory) as a zip archive, refused when its table of contents is
    implausibly long."""
    archive = zipfile.ZipFile(BytesIO(data) if data is not None else path)
    if len(archive.infolist()) > MAX_ZIP_ENTRIES:
        archive.close()
        raise DocxImportError(f"{path.name} is refused: it holds more than {MAX_ZIP_ENTRIES:,} parts, far more "
                              "than any Word document.")
    return archive


def _embedded(source: Path | bytes, tag: str) -> list[str]:
    """The text of every custom XML part of a .docx (a path or its bytes) whose root element is `tag`."""
    found = []
    path = source if isinstance(source, Path) else Path("The Word document")
    try:
        with open_docx(path, source if isinstance(source, bytes) else None) as archive:
            for name in _candidates(archive):
                try:
                    root = etree.fromstring(read_docx_part(path, archive, archive.getinfo(name)), _SAFE_PARSER)
                except etree.XMLSyntaxError:
                    continue
                if root.tag == tag and root.text:
                    found.append(root.text)
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError, OSError) as exc:
        if isinstance(exc, FileNotFoundError):
            raise DocxImportError(f"The file {path} was not found.") from None
        raise DocxImportError(f"{path.name} is not a Word document (.docx) that can be opened.") from None
    return found


def read_signature(source: Path | bytes) -> list[str]:
    """Every sign-off statement inside a .docx (a signed-off export holds exactly one)."""
    return _embedded(source if isinstance(source, bytes) else Path(source), SIGNOFF_ROOT)


def read_embedded_json(source: Path | bytes) -> str:
    """The assessment JSON inside an exported .docx (a path or its bytes); DocxImportError (one sentence) when
    there is none."""
    source = source if isinstance(source, bytes) else Path(source)
    found = _embedded(source, ROOT)
    if found:
        return found[0]
    name = source.name if isinstance(source, Path) else "The Word document"
    raise NothingEmbedded(f"{name} has no IDMF assessment inside it: only Word files exported by "
                          "IDMF Desktop can be imported (ask the sender for the .docx export or the .json file).")
