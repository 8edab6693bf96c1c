"""Limits: every oversized or endless input is refused with a plain message while it is read, inside a 1 GB
address space, and the database is exactly as it was (idmf-cli as a real process)."""

from __future__ import annotations

import json
import os
import time
import zipfile
from pathlib import Path

import pytest

from idmf.domain import limits
from tests.hostile.documents import docx_with_part, docx_with_spaces, export_of, write_json_text
from tests.hostile.helpers import run_cli, unchanged

MB = 1024 * 1024


def big_json(folder: Path, size: int) -> Path:
    """A JSON export padded with one long answer to `size` bytes, written in pieces."""
    path = folder / f"big-{size}.json"
    head = b'{"format": "idmf-assessment", "format_version": 1, "answers": {"summary": "'
    with open(path, "wb") as stream:
        stream.write(head)
        block = b"a" * MB
        for _ in range((size - len(head)) // MB):
            stream.write(block)
        stream.write(b'"}}')
    return path


def test_a_200_mb_json_is_refused_in_under_two_seconds(seeded, tmp_path):
    data, before = seeded
    path = big_json(tmp_path, 200 * MB)
    from idmf.services.documents import read_assessment_text
    from idmf.interchange.jsonio import InterchangeError

    started = time.perf_counter()
    with pytest.raises(InterchangeError, match=r"is refused: it is 199 MB, and an assessment export is at most 40 MB"):
        read_assessment_text(path)
    assert time.perf_counter() - started < 2.0
    run = run_cli(data, "import", str(path))
    assert run.refused("is refused", "at most 40 MB"), run.err
    assert unchanged(data, before)


@pytest.mark.parametrize("name, make, words", [
    ("just over the limit", lambda d: big_json(d, limits.MAX_ASSESSMENT_BYTES + MB), ("at most 40 MB",)),
    ("100,000 nested lists", lambda d: write_json_text(d, "deep.json", "[" * 100_000 + "]" * 100_000),
     ("nested more than 32 levels",)),
    ("a 5,000-digit number", lambda d: write_json_text(d, "digits.json", '{"n": ' + "9" * 5000 + "}"),
     ("number far too long",)),
    ("not UTF-8", lambda d: (d / "bin.json").write_bytes(b"\xff\xfe\x00garbage") and d / "bin.json", ("not text",)),
])
def test_hostile_json_files_are_refused(seeded, tmp_path, name, make, words):
    data, before = seeded
    run = run_cli(data, "import", str(make(tmp_path)))
    assert run.refused(*words), (name, run.err)
    assert unchanged(data, before)


def test_an_answer_past_a_million_characters_is_refused(seeded, tmp_path):
    data, before = seeded
    doc = export_of(data, tmp_path)
    doc["assessment"]["version_number"] = 2
    doc["answers"]["title"] = "x" * (limits.MAX_ANSWER_CHARS + 1)
    run = run_cli(data, "import", str(write_json_text(tmp_path, "long.json", json.dumps(doc))))
    assert run.refused("1,000,001 characters long", "at most 1,000,000"), run.err
    assert unchanged(data, before)


def test_answers_nested_too_deep_are_refused(seeded, tmp_path):
    data, before = seeded
    doc = export_of(data, tmp_path)
    doc["assessment"]["version_number"] = 2
    deep: list = []
    for _ in range(40):
        deep = [deep]
    doc["answers"]["summary"] = deep
    run = run_cli(data, "import", str(write_json_text(tmp_path, "deep-answer.json", json.dumps(doc))))
    assert run.refused("nested more than 32 levels"), run.err
    assert unchanged(data, before)


def test_a_pipe_or_a_device_is_not_read(seeded, tmp_path):
    data, before = seeded
    os.mkfifo(tmp_path / "pipe.json")
    (tmp_path / "zero.json").symlink_to("/dev/zero")
    for name in ("pipe.json", "zero.json"):
        run = run_cli(data, "import", str(tmp_path / name), timeout=30)
        assert run.refused("not a file"), run.err
    assert unchanged(data, before)


# --- Word files ------------------------------------------------------------------------------------------------
def test_a_word_file_whose_part_declares_300_mb_is_refused(seeded, tmp_path):
    data, before = seeded
    run = run_cli(data, "import", str(docx_with_spaces(tmp_path, "declared.docx", 300 * MB)))
    assert run.refused("is refused", "would expand to", "at most 40 MB a part"), run.err
    assert unchanged(data, before)


def test_a_word_part_compressed_past_100_to_1_is_refused(seeded, tmp_path):
    data, before = seeded
    run = run_cli(data, "import", str(docx_with_spaces(tmp_path, "ratio.docx", 16 * MB)))
    assert run.refused("is refused", "far more than its compressed size", "100:1"), run.err
    assert unchanged(data, before)


def test_a_word_file_with_thousands_of_parts_is_refused(seeded, tmp_path):
    data, before = seeded
    path = tmp_path / "parts.docx"
    with zipfile.ZipFile(path, "w") as archive:
        for n in range(limits.MAX_ZIP_ENTRIES + 1):
            archive.writestr(f"word/media/{n}.xml", "")
    run = run_cli(data, "import", str(path))
    assert run.refused("more than 5,000 parts"), run.err
    assert unchanged(data, before)


def test_a_small_word_file_with_a_hostile_but_small_part_is_still_read(seeded, tmp_path):
    data, before = seeded
    run = run_cli(data, "import", str(docx_with_part(tmp_path, "none.docx", b"<x>" + b" " * 900_000 + b"</x>")))
    assert run.refused("is not a Word document: it has no main document text"), run.err  # read, found wanting
    assert unchanged(data, before)


# --- review files ----------------------------------------------------------------------------------------------
def test_a_review_file_part_compressed_past_100_to_1_is_refused(seeded, tmp_path):
    data, before = seeded
    path = tmp_path / "bomb.idmf"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("manifest.json", "{}")
        archive.writestr("content.json", "{}")
        archive.writestr("comments.json", b" " * (12 * MB))
    run = run_cli(data, "review", "import", str(path))
    assert run.refused("is not signed"), run.err  # an unsigned file is refused before any part is unpacked
    with zipfile.ZipFile(path, "a", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("signature.json", "{}")  # claims a signature, so the parts are read (through the limits)
    run = run_cli(data, "review", "import", str(path))
    assert run.refused("is refused", "compressed at most 100:1"), run.err
    assert unchanged(data, before)


# --- census files ----------------------------------------------------------------------------------------------
HEADER = '"date","geography","geography code","Sex: All persons; measures: Value","Sex: Female; measures: Value"\n'


def census_file(folder: Path, lines: int, width: int = 5, row: str | None = None) -> Path:
    path = folder / "census2021-ts008-ltla.csv"
    with open(path, "w", encoding="utf-8") as stream:
        stream.write(HEADER if width == 5 else ",".join(f"c{n}" for n in range(width)) + "\n")
        for n in range(lines):
            stream.write(row or f"2021,Area {n},E0{n:07d},100,51\n")
    return path


@pytest.mark.parametrize("name, make, words", [
    ("34 MB", lambda d: census_file(d, 1_700_000, row="2021,A,E07000132,1,1\n"), ("it is 34 MB", "at most 32 MB")),
    ("300,000 lines", lambda d: census_file(d, 300_000), ("goes on past line",)),
    ("2,000 values on a line", lambda d: census_file(d, 1, width=2_000), ("has 2,000 values",)),
    ("a 16 MB wide file", lambda d: census_file(d, 70_000, width=5, row="2021,A,E07000132," + ",".join(["7"] * 112)
                                                 + "\n"), ("goes on past line",)),
    ("a 200,000-character value", lambda d: census_file(d, 1, row='2021,"' + "x" * 200_000 + '",E07000132,1,1\n'),
     ("cannot be read",)),
])
def test_oversized_census_files_are_refused(seeded, tmp_path, name, make, words):
    data, before = seeded
    run = run_cli(data, "census", "import", str(make(tmp_path)))
    assert run.refused("could not be imported", *words), (name, run.err)
    assert "census figures have not been changed" in run.err
    assert unchanged(data, before)
