"""Word files coming back: answers edited in Word, Word comments, and text that fits no answer.

`read` says what a Word file the app exported would change, without changing anything. `bring_in` applies it
as one transaction: the version the file holds (imported as a draft when it is not here yet; a new version when
it is signed off here), the accepted edits as ordinary answer changes, the Word comments as review comments, and
everything that could not be placed as a "Not placed on import" comment on its step, so no text is lost.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from idmf.domain.answers import to_json
from idmf.domain.assessment import Assessment, Status
from idmf.errors import DuplicateImportError
from idmf.interchange import jsonio
from idmf.interchange.jsonio import InterchangeError
from idmf.review import comments as review_comments
from idmf.review.workflow import Role
from idmf.services.changes import ChangeNotifier, Changes
from idmf.storage.store import Store

NOT_PLACED = "Not placed on import"
IMPORTER = "Word import"


class WordEditsPending(InterchangeError):
    """A Word file whose answers were edited in Word, brought in without accepting the edits: nothing changed."""

    def __init__(self, reading) -> None:
        super().__init__(f"{len(reading.edits)} answer(s) were changed in Word, so nothing was imported yet. Look "
                         "at the changes, then import again accepting them (idmf-cli import FILE "
                         "--accept-word-edits).")
        self.reading = reading


@dataclass
class WordImport:
    """What bringing a Word file in did."""

    assessment: Assessment
    applied: list[str] = field(default_factory=list)  # question ids changed from Word
    replaced: dict[str, Any] = field(default_factory=dict)  # question id → its JSON answer before (for undo)
    comments: int = 0  # Word comments added as review comments
    not_placed: int = 0  # pieces of text kept in "Not placed on import" comments
    new_version: bool = False  # the file's version is signed off here: the edits went into a later draft
    handfilled: bool = False  # a Part B filled in Word without the app, imported as a new draft

    def summary(self) -> str:
        """One line: '3 answers changed from Word, 2 comments added, 1 paragraph not placed'."""
        if self.handfilled:
            return (f"{len(self.applied)} answers placed, {self.not_placed} paragraph(s) not placed, "
                    f"{self.comments} comment(s) added")
        where = (f" (into version {self.assessment.version_number}: the one in the file is signed off)"
                 if self.new_version else "")
        return (f"{len(self.applied)} answer(s) changed from Word{where}, {self.comments} comment(s) added, "
                f"{self.not_placed} paragraph(s) not placed")


def _pieces(text: str) -> list[str]:
    """Text cut into comment-sized pieces (a comment holds at most MAX_BODY characters): nothing is cut off."""
    size = review_comments.MAX_BODY - 100
    return [text[n:n + size] for n in range(0, len(text), size)] or [""]


def _origin(*parts: object) -> str:
    return hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:32]


class WordInService:
    """Reads Word files the app exported and brings their edits and comments in."""

    def __init__(self, store: Store, changes: ChangeNotifier) -> None:
        self.store = store
        self.changes = changes

    def read(self, path: Path):
        """What the Word file would change (export.wordin.WordReading); DocxImportError for a file not exported
        by the app."""
        from idmf.export.embed import NothingEmbedded, read_embedded_json
        from idmf.export.wordin import read_exported, read_handfilled_file

        try:
            text = read_embedded_json(Path(path))
        except NothingEmbedded:
            return read_handfilled_file(Path(path), self.store.forms.latest())  # filled in Word without the app
        item = jsonio.loads(text, self.store.forms)
        return read_exported(Path(path), item, self.store.form_for(item))

    def bring_in(self, path: Path, accept_edits: bool = False, as_copy: bool = False, reading=None) -> WordImport:
        """Import the file with its Word edits (all of them, or `reading.edits` as the user left them), comments
        and unplaced text, as one transaction; WordEditsPending when it has edits and they were not accepted."""
        reading = reading or self.read(path)
        if reading.handfilled:
            return self._bring_in_handfilled(reading)
        if reading.edits and not accept_edits:
            raise WordEditsPending(reading)
        with self.store.transaction() as conn:
            anything = bool(reading.edits or reading.comments or reading.not_placed)
            target, new_version = self._target(reading.assessment, as_copy, anything, conn)
            done = WordImport(target, new_version=new_version)
            unplaced = self._apply_edits(target, reading, done, conn)
            self._add_comments(target, reading, done, conn)
            self._keep_unplaced(target, unplaced, done, conn)
        self.changes.publish(Changes(target.id, answers=frozenset(done.applied), comments=True, listing=True,
                                     opened=target.id))
        return done

    def _bring_in_handfilled(self, reading) -> WordImport:
        """A Part B filled in Word: a new draft with every answer found, the rest kept as notes on its steps."""
        with self.store.transaction() as conn:
            target = self.store.assessments.add(reading.assessment, conn)
            done = WordImport(target, applied=[edit.question_id for edit in reading.edits], handfilled=True)
            self._add_comments(target, reading, done, conn)
            self._keep_unplaced(target, [(p.section_id, p.text) for p in reading.not_placed], done, conn)
        self.changes.publish(Changes(target.id, comments=True, listing=True, opened=target.id))
        return done

    def _target(self, item: Assessment, as_copy: bool, anything: bool, conn) -> tuple[Assessment, bool]:
        repo = self.store.assessments
        existing = None if as_copy else repo.find_version(item.uid, item.version_number, conn)
        if existing is None:
            fresh = item.model_copy(update={"status": Status.DRAFT, "review_date": None, "archived": False})
            if as_copy:
                fresh = fresh.model_copy(update={"uid": Assessment.new(self.store.form_for(item)).uid,
                                                 "version_number": 1})
            return repo.add(fresh, conn), False
        if not anything:
            raise DuplicateImportError(
                f"This assessment (version {item.version_number}) is already in your database as id {existing.id}, "
                "and the Word file changes nothing in it. Open that one, or import with --as-copy to keep a "
                "separate copy.", existing_id=existing.id)
        if repo.is_locked(existing.id, conn):
            newest = repo.versions(item.uid, conn)[-1]
            if newest.id != existing.id and not repo.is_locked(newest.id, conn):
                return repo.get(newest.id, conn), True  # a later draft already carries on from it: there
            return repo.duplicate_as_new_version(existing.id, conn), True
        return repo.get(existing.id, conn), False

    def _apply_edits(self, target: Assessment, reading, done: WordImport, conn) -> list[tuple[str, str]]:
        form = self.store.form_for(target)
        unplaced = [(piece.section_id, piece.text) for piece in reading.not_placed]
        sections = {q.id: s.id for s in form.sections for q in s.all_questions()}
        for edit in reading.edits:
            in_file = to_json(reading.assessment.answers.get(edit.question_id))
            changed_here = to_json(target.answers.get(edit.question_id)) != in_file
            if edit.applicable and not changed_here:
                done.replaced[edit.question_id] = to_json(target.answers.get(edit.question_id))
                self.store.assessments.store_answer(target, form, edit.question_id, edit.value, conn)
                done.applied.append(edit.question_id)
                continue
            why = edit.problem or "the answer was changed in the app after this file was exported"
            unplaced.append((sections.get(edit.question_id, form.sections[0].id),
                             f"{edit.label} (changed in Word, not applied: {why}):\n{edit.after}"))
        return unplaced

    def _add_comments(self, target: Assessment, reading, done: WordImport, conn) -> None:
        ids: dict[str, int] = {}
        anchors: dict[str, str] = {}
        for comment in reading.comments:
            anchor = comment.question_id or review_comments.step_anchor(comment.section_id)
            anchor = anchors.get(comment.parent_word_id or "", anchor)  # a reply sits with its thread
            anchors[comment.word_id] = anchor
            for number, piece in enumerate(_pieces(comment.text)):
                origin = _origin(target.uid, target.version_number, comment.word_id, comment.author, comment.date,
                                 comment.text, number)
                parent = ids.get(comment.word_id if number else comment.parent_word_id or "")
                made = review_comments.add_imported(self.store, target.uid, target.version_number, anchor, piece,
                                                    comment.author, comment.date or target.updated_at, origin,
                                                    parent, conn)
                if made is not None and not number:
                    ids[comment.word_id] = made
                    done.comments += 1

    def _keep_unplaced(self, target: Assessment, unplaced: list[tuple[str, str]], done: WordImport, conn) -> None:
        by_section: dict[str, list[str]] = {}
        for section_id, text in unplaced:
            by_section.setdefault(section_id, []).append(text)
        for section_id, texts in by_section.items():
            text = f"{NOT_PLACED} (kept so nothing is lost; move it into the right answer, then resolve this):\n\n" \
                   + "\n\n".join(texts)
            parent = None
            for number, piece in enumerate(_pieces(text)):
                origin = _origin(target.uid, target.version_number, NOT_PLACED, section_id, text, number)
                made = review_comments.add_imported(self.store, target.uid, target.version_number,
                                                    review_comments.step_anchor(section_id), piece, IMPORTER,
                                                    target.updated_at, origin, parent, conn, Role.LEAD)
                parent = parent or made
            done.not_placed += len(texts)
