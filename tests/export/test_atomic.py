"""The file is written atomically: a failure part-way leaves the previous document intact and no temp file."""

from __future__ import annotations

import os

import pytest
from docx.document import Document

from idmf.export import export_docx
from tests.export.readback import Exported


def _previous(tmp_path, form, filled):
    target = tmp_path / "out" / "assessment.docx"
    export_docx(filled, form, target)
    return target, target.read_bytes()


def test_a_crash_while_saving_keeps_the_previous_file(tmp_path, form, filled, monkeypatch):
    target, before = _previous(tmp_path, form, filled)

    def half_then_fail(self, path):
        with open(path, "wb") as stream:
            stream.write(b"PK\x03\x04 half a zip")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Document, "save", half_then_fail)
    with pytest.raises(OSError, match="No space left"):
        export_docx(filled, form, target)
    assert target.read_bytes() == before
    assert os.listdir(target.parent) == [target.name]
    Exported(target)  # still opens


def test_a_failure_on_replace_leaves_no_temporary_file(tmp_path, form, filled, monkeypatch):
    target, before = _previous(tmp_path, form, filled)

    def refuse(src, dst):
        raise PermissionError(13, "The file is open in Word")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(PermissionError):
        export_docx(filled, form, target)
    assert target.read_bytes() == before
    assert os.listdir(target.parent) == [target.name]
