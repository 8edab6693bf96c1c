"""Publishing an assessment: the board paper's cover sheet (and the committee pack), the accessible web page
and the easy-read summary; the details they need besides the answers are kept with the assessment version.

The GUI and the CLI both come through here: `DocumentService.export` hands these formats to `export`.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from idmf.domain.assessment import Assessment
from idmf.domain.publishing import EASY_READ_PARTS, CoverDetails, EasyRead
from idmf.domain.readability import Readability, score
from idmf.errors import IdmfError
from idmf.files import atomic_write, atomic_write_text
from idmf.services.changes import ChangeNotifier, Changes
from idmf.storage.store import Store

if TYPE_CHECKING:  # the document service hands itself in; importing it here would be circular
    from idmf.services.documents import DocumentService

COVER_SHEET, COMMITTEE_PACK, HTML, EASY_READ = "cover-sheet", "committee-pack", "html", "easy-read"
FORMATS = (COVER_SHEET, COMMITTEE_PACK, HTML, EASY_READ)
WORD_SUFFIX, HTML_SUFFIXES = ".docx", (".html", ".htm")


class PublishingError(IdmfError):
    """A publishing output that cannot be made as asked; the message says what to do instead."""


class PublishingService:
    """Cover-sheet details, the easy-read text and every publishing export of an assessment version."""

    def __init__(self, store: Store, changes: ChangeNotifier, documents: "DocumentService") -> None:
        self.store = store
        self.changes = changes
        self.documents = documents

    # --- the cover sheet's own details ------------------------------------------------------------------------
    def cover_details(self, assessment_id: int) -> CoverDetails:
        """The stored details, else those of the newest earlier version (asked once), else blank ones."""
        stored = self.store.publications.get(assessment_id, "cover_sheet")
        if stored is None:
            stored = self._from_earlier_version(assessment_id)
        return CoverDetails.model_validate(stored or {})

    def has_cover_details(self, assessment_id: int) -> bool:
        """Whether the details were ever given, for this version or an earlier one."""
        return self.store.publications.get(assessment_id, "cover_sheet") is not None or \
            self._from_earlier_version(assessment_id) is not None

    def _from_earlier_version(self, assessment_id: int) -> Any | None:
        item = self.store.assessments.get(assessment_id)
        for version in reversed(self.store.assessments.versions(item.uid)):
            if version.version_number < item.version_number:
                stored = self.store.publications.get(version.id, "cover_sheet")
                if stored is not None:
                    return stored
        return None

    def save_cover_details(self, assessment_id: int, details: CoverDetails | dict[str, Any]) -> CoverDetails:
        """Check and keep the cover-sheet details with this version (signed-off versions too)."""
        self.store.assessments.get(assessment_id)  # NotFoundError for a wrong id, before anything is written
        try:
            checked = CoverDetails.model_validate(details if isinstance(details, dict) else details.model_dump())
        except ValidationError as exc:
            first = exc.errors()[0]
            raise PublishingError(f"The cover-sheet details cannot be saved: {first['loc'][0]} – {first['msg']}.") \
                from None
        self.store.publications.put(assessment_id, "cover_sheet", checked.model_dump(mode="json"))
        self.changes.publish(Changes(assessment_id, publication=True))
        return checked

    def cover_sheet(self, assessment_id: int, details: CoverDetails | None = None):
        """Every cover-sheet field as it will print (with `details` as typed, before they are saved)."""
        from idmf.export.cover_text import cover_sheet

        item, form = self._item_and_form(assessment_id)
        return cover_sheet(form, item, details or self.cover_details(assessment_id))

    # --- the easy-read summary --------------------------------------------------------------------------------
    def easy_read(self, assessment_id: int) -> EasyRead:
        """The lead's saved easy-read text, else a fresh draft from the answers."""
        stored = self.store.publications.get(assessment_id, "easy_read")
        return EasyRead.model_validate(stored) if stored is not None else self.draft_easy_read(assessment_id)

    def draft_easy_read(self, assessment_id: int) -> EasyRead:
        """A new easy-read draft made from the answers (nothing is saved)."""
        from idmf.export.easy_read import draft

        item, form = self._item_and_form(assessment_id)
        return draft(form, item)

    def save_easy_read(self, assessment_id: int, text: EasyRead) -> EasyRead:
        """Keep the lead's edited easy-read text with this version."""
        self.store.assessments.get(assessment_id)
        edited = text.model_copy(update={"edited": True})
        self.store.publications.put(assessment_id, "easy_read", edited.model_dump(mode="json"))
        self.changes.publish(Changes(assessment_id, publication=True))
        return edited

    @staticmethod
    def readability(text: str) -> Readability:
        """The Flesch–Kincaid grade, reading ease and long sentences of a text."""
        return score(text)

    # --- exports ----------------------------------------------------------------------------------------------
    def export(self, assessment_id: int, fmt: str, out: Path, *, for_publishing: bool = False,
               exported_at: dt.datetime | None = None) -> Path:
        """Write one publishing output atomically; `for_publishing` withholds staff names and contact details."""
        out = Path(out)
        if fmt in (COVER_SHEET, COMMITTEE_PACK):
            if for_publishing:
                raise PublishingError("Names are withheld only from the web page and the easy-read summary: a "
                                      "board cover sheet names its authors and presenter.")
            _expect_suffix(out, (WORD_SUFFIX,), fmt)
            return self._word(assessment_id, fmt, out, exported_at)
        if fmt == HTML:
            _expect_suffix(out, HTML_SUFFIXES, fmt)
            return atomic_write_text(out, self._html(assessment_id, for_publishing, exported_at))
        if fmt == EASY_READ:
            _expect_suffix(out, (WORD_SUFFIX, *HTML_SUFFIXES), fmt)
            return self._easy_read(assessment_id, out, for_publishing, exported_at)
        raise ValueError(f"unknown publishing format '{fmt}' (known: {', '.join(FORMATS)})")

    def _item_and_form(self, assessment_id: int):
        item = self.store.assessments.get(assessment_id)
        return item, self.store.form_for(item)

    def _context(self, assessment_id: int, exported_at: dt.datetime | None, item: Assessment | None = None):
        from idmf.export.furniture import page_context

        item = item or self.store.assessments.get(assessment_id)
        return page_context(self.store.form_for(item), item, exported_at=exported_at,
                            signed_by=self.documents.signed_by(assessment_id))

    def _word(self, assessment_id: int, fmt: str, out: Path, exported_at: dt.datetime | None) -> Path:
        from idmf.export.cover_sheet import build_cover_sheet, prepend_cover_sheet

        sheet, ctx = self.cover_sheet(assessment_id), self._context(assessment_id, exported_at)
        if fmt == COVER_SHEET:
            doc = build_cover_sheet(ctx, sheet)
        else:
            doc = prepend_cover_sheet(self.documents.part_b_document(assessment_id, exported_at), ctx, sheet)
        return atomic_write(out, lambda temp: doc.save(str(temp)))

    def _published(self, assessment_id: int, for_publishing: bool):
        from idmf.export.redact import redact

        item, form = self._item_and_form(assessment_id)
        return (redact(form, item) if for_publishing else item), form, item

    def _page_options(self, assessment_id: int, form, item: Assessment, for_publishing: bool,
                      exported_at: dt.datetime | None):
        from idmf.export.furniture import footer_lines
        from idmf.export.html.render import PageOptions

        lines = footer_lines(form, item, exported_at=exported_at,
                             signed_by=self.documents.signed_by(assessment_id))
        return PageOptions(lines, withheld=for_publishing)

    def _html(self, assessment_id: int, for_publishing: bool, exported_at: dt.datetime | None) -> str:
        from idmf.export.html.render import assessment_page

        shown, form, item = self._published(assessment_id, for_publishing)
        return assessment_page(form, shown, self._page_options(assessment_id, form, item, for_publishing,
                                                                exported_at))

    def _easy_read(self, assessment_id: int, out: Path, for_publishing: bool,
                   exported_at: dt.datetime | None) -> Path:
        from idmf.export.redact import redact_text, staff_names

        shown, form, item = self._published(assessment_id, for_publishing)
        text = self.easy_read(assessment_id)
        if for_publishing:
            names = staff_names(form, item)
            text = text.model_copy(update={name: redact_text(getattr(text, name), names)
                                           for name, _heading in EASY_READ_PARTS})
        if out.suffix.lower() in HTML_SUFFIXES:
            from idmf.export.html.render import easy_read_page

            options = self._page_options(assessment_id, form, item, for_publishing, exported_at)
            return atomic_write_text(out, easy_read_page(form, shown, text, options))
        from idmf.export.easy_read_docx import build_easy_read

        doc = build_easy_read(self._context(assessment_id, exported_at, shown), text)
        return atomic_write(out, lambda temp: doc.save(str(temp)))


def _expect_suffix(out: Path, suffixes: tuple[str, ...], fmt: str) -> None:
    if out.suffix.lower() not in suffixes:
        raise PublishingError(f"The {fmt} export is written as {' or '.join(suffixes)}: name the file "
                              f"{out.stem}{suffixes[0]} instead of {out.name}.")
