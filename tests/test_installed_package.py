"""The installed app (a plain, non-editable `pip install .`) carries its forms and resources."""

from __future__ import annotations

from pathlib import Path

import pytest

import idmf
from idmf.forms import default_form
from idmf.paths import forms_dir, resources_dir

REPO = Path(__file__).resolve().parents[1]


def test_bundled_form_and_resources_are_found():
    assert (forms_dir() / "idmf-part-b.yaml").is_file()
    assert resources_dir().is_dir()
    assert default_form().id == "idmf-part-b"


def test_installed_wheel_uses_its_own_copy_of_forms():
    package = Path(idmf.__file__).resolve().parent
    if "site-packages" not in package.parts:
        pytest.skip("running from the source tree (editable or PYTHONPATH); CI runs this against the built wheel")
    assert forms_dir() == package / "_data" / "forms"
    assert resources_dir() == package / "_data" / "resources"
    assert (forms_dir() / "idmf-part-b.yaml").read_bytes() == (REPO / "forms" / "idmf-part-b.yaml").read_bytes()
