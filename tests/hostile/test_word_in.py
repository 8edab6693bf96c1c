"""Word files coming back (edits, comments, hand-filled Part B) meet the same limits as any import: every part
read (document, styles, comments) is inflated no further than the limits, and XML entities are never expanded."""

from __future__ import annotations

import zipfile

from tests.hostile.helpers import run_cli, unchanged

MB = 1024 * 1024


def _with_part(source, target, name: str, data: bytes):
    """A copy of a Word file with one part replaced (or added)."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            if info.filename != name:
                new.writestr(info, old.read(info))
        new.writestr(name, data)
    return target


def _exported(data, tmp_path):
    out = tmp_path / "export.docx"
    run = run_cli(data, "export", "1", "--format", "docx", "--out", str(out))
    assert run.code == 0, run.err
    import docx

    doc = docx.Document(str(out))  # a comment, so the file has a comments part for the test to replace
    doc.add_comment(doc.paragraphs[0].runs, text="A comment", author="Priya Shah", initials="PS")
    doc.save(str(out))
    return out


def test_a_comments_part_that_is_a_zip_bomb_is_refused(seeded, tmp_path):
    data, before = seeded
    bomb = _with_part(_exported(data, tmp_path), tmp_path / "bomb.docx", "word/comments.xml", b" " * (12 * MB))
    for command in (["word-changes", str(bomb)], ["import", str(bomb), "--accept-word-edits"]):
        run = run_cli(data, *command)
        assert run.refused("is refused", "compressed at most 100:1"), run.err
    assert unchanged(data, before)


def test_a_document_part_that_is_a_zip_bomb_is_refused_for_a_hand_filled_import(seeded, tmp_path):
    data, before = seeded
    path = tmp_path / "handfilled-bomb.docx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("_rels/.rels", '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
                         'relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/'
                         'officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
                         '</Relationships>')
        archive.writestr("word/document.xml", b" " * (30 * MB))
    run = run_cli(data, "import", str(path))
    assert run.refused("is refused"), run.err
    assert unchanged(data, before)


def test_an_entity_in_a_comment_is_never_expanded(seeded, tmp_path):
    data, before = seeded
    xml = ('<?xml version="1.0"?><!DOCTYPE w:comments [<!ENTITY secret SYSTEM "file:///etc/hostname">]>'
           '<w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
           '<w:comment w:id="1" w:author="Mallory"><w:p><w:r><w:t>&secret;</w:t></w:r></w:p></w:comment>'
           '</w:comments>')
    path = _with_part(_exported(data, tmp_path), tmp_path / "entity.docx", "word/comments.xml", xml.encode())
    run = run_cli(data, "word-changes", str(path), "--json")
    hostname = open("/etc/hostname").read().strip()
    assert run.code == 0 and hostname not in run.out
    assert unchanged(data, before)
