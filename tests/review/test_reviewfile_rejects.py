"""Review files are read defensively and must be signed by their author; every refusal names the exact reason.
(The attacks with forged, stale and replayed replies: tests/signing/test_review_attacks.py.)"""

from __future__ import annotations

import json
import zipfile

import pytest

from idmf.cli.main import main
from idmf.review.errors import ReviewFileError
from idmf.review.reviewfile import read_review_file, sha256
from idmf.signing.review import sign_manifest
from tests.review.helpers import ready_answers, store


@pytest.fixture
def request_file(context, ready, tmp_path):
    return context.review_files.export_request(ready.id, tmp_path / "request.idmf", person="Lead Person")


@pytest.fixture
def reply_file(reviewer_context, request_file, tmp_path):
    copy_id = reviewer_context.review_files.import_file(request_file).assessment_id
    return reviewer_context.review_files.export_reply(copy_id, tmp_path / "reply.idmf")


def _entries(path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _rewrite(path, out, entries: dict[str, bytes]):
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return out


def _reforge(path, out, change_content, change_manifest=lambda m: None, signer=None):
    """A well-formed file with different content (hashes recomputed, as a careful forger would), re-signed
    with `signer`'s key when given (else it keeps the author's signature over the old manifest)."""
    entries = _entries(path)
    content = json.loads(entries["content.json"])
    change_content(content)
    entries["content.json"] = json.dumps(content).encode()
    manifest = json.loads(entries["manifest.json"])
    manifest["content_sha256"] = sha256(entries["content.json"])
    change_manifest(manifest)
    entries["manifest.json"] = json.dumps(manifest).encode()
    if signer is not None:
        entries["signature.json"] = sign_manifest(signer, manifest).encode()
    return _rewrite(path, out, entries)


def test_tampered_content_is_refused(context, reply_file, tmp_path):
    entries = _entries(reply_file)
    entries["content.json"] = entries["content.json"].replace(b"Answer", b"Answes", 1)
    bad = _rewrite(reply_file, tmp_path / "tampered.idmf", entries)
    with pytest.raises(ReviewFileError, match="content.json does not match the SHA-256 recorded in its manifest"):
        context.review_files.import_file(bad)


def test_tampered_comments_are_refused(context, reply_file, tmp_path):
    entries = _entries(reply_file)
    entries["comments.json"] = entries["comments.json"].replace(b"null", b"null ", 1)
    with pytest.raises(ReviewFileError, match="comments.json does not match"):
        context.review_files.import_file(_rewrite(reply_file, tmp_path / "c.idmf", entries))


def edit(doc):
    doc["answers"]["summary"] = "The reviewer rewrote this."


def test_reply_changed_after_signing_is_refused(context, reply_file, tmp_path):
    bad = _reforge(reply_file, tmp_path / "changed.idmf", edit)
    with pytest.raises(ReviewFileError, match="does not match its manifest: the file was changed after it was "
                                              "signed"):
        context.review_files.import_file(bad)


def test_reply_on_changed_answers_is_refused_even_when_the_reviewer_signs_it(context, reviewer_context, reply_file,
                                                                              tmp_path):
    bad = _reforge(reply_file, tmp_path / "changed.idmf", edit, signer=reviewer_context.signing.identity())
    with pytest.raises(ReviewFileError, match="carries different answers from the ones in the review request it "
                                              "answers"):
        context.review_files.import_file(bad)


def test_unsigned_file_is_refused(context, reply_file, tmp_path):
    entries = _entries(reply_file)
    del entries["signature.json"]
    with pytest.raises(ReviewFileError, match="is not signed, so nobody can tell who wrote it"):
        context.review_files.import_file(_rewrite(reply_file, tmp_path / "unsigned.idmf", entries))


def test_reply_for_another_assessment_is_refused(context, form, reviewer_context, tmp_path):
    other_lead = reviewer_context  # any other database: its assessment is foreign to the lead
    foreign = store(other_lead, form, ready_answers(form))
    path = other_lead.review_files.export_request(foreign.id, tmp_path / "foreign.idmf")
    bad = _reforge(path, tmp_path / "foreign-reply.idmf", lambda doc: None, lambda m: m.update(kind="review-reply"),
                   signer=reviewer_context.signing.identity())
    with pytest.raises(ReviewFileError, match="which is not one of your own assessments in this database"):
        context.review_files.import_file(bad)


def test_reply_for_another_version_is_refused(context, reviewer_context, reply_file, tmp_path):
    def bump(doc):
        doc["assessment"]["version_number"] = 2

    bad = _reforge(reply_file, tmp_path / "v2.idmf", bump, lambda m: m.update(version_number=2),
                   signer=reviewer_context.signing.identity())
    with pytest.raises(ReviewFileError, match="This reply is for .* version 2, which is not one of your own"):
        context.review_files.import_file(bad)


def test_manifest_and_content_about_different_assessments(context, reply_file, tmp_path):
    bad = _reforge(reply_file, tmp_path / "mixed.idmf", lambda doc: doc["assessment"].update(uid="ab" * 16))
    with pytest.raises(ReviewFileError, match="manifest and its content are about different assessments"):
        context.review_files.import_file(bad)


def test_not_a_zip(context, tmp_path):
    path = tmp_path / "letter.idmf"
    path.write_text("Dear colleague", encoding="utf-8")
    with pytest.raises(ReviewFileError, match="not a zip archive"):
        context.review_files.import_file(path)


def test_too_large_file_is_refused_before_opening(context, tmp_path):
    path = tmp_path / "huge.idmf"
    with open(path, "wb") as stream:
        stream.truncate(21 * 1024 * 1024)  # sparse: no time spent writing
    with pytest.raises(ReviewFileError, match="it is 21.0 MB; review files are at most 20.0 MB"):
        context.review_files.import_file(path)


def test_zip_bomb_is_refused_before_decompressing(context, request_file, tmp_path):
    entries = _entries(request_file)
    entries["comments.json"] = b"0" * (30 * 1024 * 1024)  # compresses to about 30 KB
    bomb = _rewrite(request_file, tmp_path / "bomb.idmf", entries)
    assert bomb.stat().st_size < 1024 * 1024
    with pytest.raises(ReviewFileError, match="would expand to 30.0 MB"):
        read_review_file(bomb)


def test_too_many_entries(context, request_file, tmp_path):
    entries = _entries(request_file) | {f"extra{n}.json": b"{}" for n in range(7)}
    with pytest.raises(ReviewFileError, match="holds 11 entries; a review file holds at most 10"):
        read_review_file(_rewrite(request_file, tmp_path / "many.idmf", entries))


@pytest.mark.parametrize("name", ["../../evil.json", "/etc/evil.json", "word/document.xml", "Manifest.JSON"])
def test_unexpected_entry_names_are_refused_and_never_written(context, request_file, tmp_path, monkeypatch, name):
    monkeypatch.chdir(tmp_path)
    entries = _entries(request_file) | {name: b"{}"}
    with pytest.raises(ReviewFileError, match="unexpected entry"):
        read_review_file(_rewrite(request_file, tmp_path / "odd.idmf", entries))
    assert not (tmp_path.parent / "evil.json").exists() and not (tmp_path / "evil.json").exists()


def test_missing_entry(context, request_file, tmp_path):
    entries = _entries(request_file)
    del entries["comments.json"]
    with pytest.raises(ReviewFileError, match="comments.json is missing"):
        read_review_file(_rewrite(request_file, tmp_path / "short.idmf", entries))


def test_newer_format_and_wrong_format(context, request_file, tmp_path):
    entries = _entries(request_file)
    manifest = json.loads(entries["manifest.json"])
    entries["manifest.json"] = json.dumps({**manifest, "format_version": 9}).encode()
    with pytest.raises(ReviewFileError, match="newer version of IDMF Desktop"):
        read_review_file(_rewrite(request_file, tmp_path / "new.idmf", entries))
    entries["manifest.json"] = json.dumps({**manifest, "format": "something-else"}).encode()
    with pytest.raises(ReviewFileError, match="not an IDMF review file"):
        read_review_file(_rewrite(request_file, tmp_path / "other.idmf", entries))


def test_own_assessment_request_is_not_imported_twice(context, request_file):
    with pytest.raises(ReviewFileError, match="your own assessment here"):
        context.review_files.import_file(request_file)


def test_cli_refusal_is_one_line(capsys, context, tmp_path):
    path = tmp_path / "letter.idmf"
    path.write_text("hello", encoding="utf-8")
    assert main(["review", "import", str(path)]) == 2
    err = capsys.readouterr().err
    assert "not a zip archive" in err and len(err.strip().splitlines()) == 1
