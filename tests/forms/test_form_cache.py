"""The validated form kept as JSON in the cache folder: used when made from the very same YAML, rebuilt when the
YAML changed, and ignored (rebuilt from the YAML) when the cache file is damaged, truncated or foreign."""

from __future__ import annotations

import json
import shutil

import pytest

from idmf.forms import cache, loader
from idmf.forms.loader import DEFAULT_FORM_FILE, FormError, load_form
from idmf.paths import forms_dir


@pytest.fixture
def form_file(tmp_path, monkeypatch):
    """A copy of the bundled form in a local forms folder (IDMF_FORMS_DIR), free to edit."""
    folder = tmp_path / "forms"
    folder.mkdir()
    path = folder / DEFAULT_FORM_FILE
    shutil.copy(forms_dir() / DEFAULT_FORM_FILE, path)
    monkeypatch.setenv("IDMF_FORMS_DIR", str(folder))
    return path


@pytest.fixture
def yaml_parses(monkeypatch):
    """How many times the YAML was parsed and validated."""
    calls = []
    real = loader.load_form_text
    monkeypatch.setattr(loader, "load_form_text", lambda *a, **k: calls.append(a[1:]) or real(*a, **k))
    return calls


def test_a_second_load_comes_from_the_cache_and_equals_the_yaml(form_file, yaml_parses):
    first = load_form(form_file)
    assert len(yaml_parses) == 1 and cache.cache_file(form_file.stem).is_file()
    second = load_form(form_file)
    assert len(yaml_parses) == 1  # not parsed again
    assert second == first and second is not first
    assert [q.id for s in second.sections for q in s.questions] == [q.id for s in first.sections for q in s.questions]


def test_a_changed_yaml_is_read_again_not_the_cache(form_file, yaml_parses):
    load_form(form_file)
    text = form_file.read_text(encoding="utf-8")
    title = load_form(form_file).sections[0].title
    form_file.write_text(text.replace(f"title: {title}", "title: Step 1 renamed by the EDI team", 1),
                         encoding="utf-8")
    changed = load_form(form_file)
    assert len(yaml_parses) == 2
    assert changed.sections[0].title == "Step 1 renamed by the EDI team"


def test_a_cache_made_by_another_app_version_is_not_used(form_file, yaml_parses, monkeypatch):
    load_form(form_file)
    monkeypatch.setattr(cache, "cache_key", lambda text: "made-by-version-9.9")
    load_form(form_file)
    assert len(yaml_parses) == 2


@pytest.mark.parametrize("damage", [
    lambda text: text[: len(text) // 2],  # truncated mid-write
    lambda text: "\x00\x01 not json at all",
    lambda text: "[]",
    lambda text: json.dumps({**json.loads(text), "key": "another form's key"}),  # foreign
    lambda text: json.dumps({**json.loads(text), "form": {"id": "idmf-part-b", "sections": "?"}}),  # invalid form
    lambda text: "[" * 100_000,  # nested past the parser's depth
])
def test_a_damaged_or_foreign_cache_is_ignored_and_rewritten(form_file, yaml_parses, damage):
    good = load_form(form_file)
    stored = cache.cache_file(form_file.stem)
    stored.write_text(damage(stored.read_text(encoding="utf-8")), encoding="utf-8")
    assert load_form(form_file) == good
    assert len(yaml_parses) == 2  # rebuilt from the YAML
    assert json.loads(stored.read_text(encoding="utf-8"))["key"] == cache.cache_key(form_file.read_text("utf-8"))


def test_the_cache_file_is_plain_json_that_runs_no_code(form_file):
    load_form(form_file)
    text = cache.cache_file(form_file.stem).read_text(encoding="utf-8")
    stored = json.loads(text)
    assert set(stored) == {"key", "form"} and stored["form"]["id"] == "idmf-part-b"


def test_a_bad_form_is_still_refused_and_nothing_is_cached(form_file):
    form_file.write_text("id: idmf-part-b\nsections: [\n", encoding="utf-8")
    with pytest.raises(FormError, match="cannot be read"):
        load_form(form_file)
    assert not cache.cache_file(form_file.stem).exists()


def test_a_cache_folder_that_cannot_be_written_still_loads_the_form(form_file, monkeypatch, tmp_path):
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the cache folder would be", encoding="utf-8")
    monkeypatch.setattr(cache, "cache_file", lambda name: blocked / "forms" / f"{name}.json")
    assert load_form(form_file).id == "idmf-part-b"
