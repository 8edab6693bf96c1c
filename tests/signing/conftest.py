"""Fixtures for signature tests: the example assessment signed off, its Word file, and ways to alter a file as
someone with a zip tool and a text editor would."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Callable

import pytest


@pytest.fixture
def signed(context, people):
    """The example ("Proposal not to proceed with the planned day-case unit…") signed off by Committee Person."""
    from tests.people import sign_off_example

    return sign_off_example(context)


@pytest.fixture
def signed_docx(context, signed, tmp_path) -> Path:
    """The signed-off Word document, exported as a user would."""
    return context.documents.export(signed.id, "docx", tmp_path / "signed.docx")


def entries(path: Path) -> dict[str, bytes]:
    """Every part of a zip file (a .docx or an .idmf), by name, in order."""
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def write_zip(out: Path, parts: dict[str, bytes]) -> Path:
    """A zip file with exactly these parts."""
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return out


def alter(path: Path, out: Path, part: str, change: Callable[[bytes], bytes]) -> Path:
    """A copy of `path` with one part changed (as editing it in a zip tool would)."""
    parts = entries(path)
    before = parts[part]
    parts[part] = change(before)
    assert parts[part] != before, f"the change to {part} changed nothing, so the test would prove nothing"
    return write_zip(out, parts)


def part_named(path: Path, root_tag: str) -> str:
    """The name of the custom XML part whose root element is `root_tag`."""
    from lxml import etree

    for name, data in entries(path).items():
        if name.startswith("customXml/item") and "Props" not in name:
            if etree.fromstring(data).tag == root_tag:
                return name
    raise AssertionError(f"no part {root_tag} in {path}")
