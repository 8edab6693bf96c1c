"""`idmf --self-test` in this process: the same checks the bundle smoke test runs, without building."""

from __future__ import annotations

from pathlib import Path

import pytest

from idmf.ui import self_test
from idmf.ui.app import main


@pytest.fixture
def data(_isolated_data: Path) -> Path:
    return _isolated_data


def test_self_test_flag_passes_and_leaves_a_word_file(qapp, data, capsys):
    assert main(["idmf", "--self-test"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("IDMF Desktop ") and "self-test passed" in out
    assert "spell check found “recieve” (suggested “receive”)" in out
    assert (data / self_test.DOCUMENT_FILE).stat().st_size > 0
    assert not (data / "idmf.sqlite3").exists()  # the user's own database file is never touched


def test_self_test_can_run_twice_in_one_folder(qapp, data):
    assert self_test.run(["idmf"]) == 0
    assert self_test.run(["idmf"]) == 0


def test_failure_is_one_plain_line_and_exit_1(qapp, data, capsys, monkeypatch):
    monkeypatch.setattr(self_test, "EXAMPLE", "examples/no-such-file.json")
    assert self_test.run(["idmf"]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("IDMF Desktop self-test FAILED while creating an assessment")
    assert "\n" not in err


def test_without_a_data_folder_it_uses_and_removes_a_temporary_one(qapp, monkeypatch, capsys):
    made: list[Path] = []
    real_mkdtemp = self_test.tempfile.mkdtemp

    def mkdtemp(**kwargs) -> str:
        made.append(Path(real_mkdtemp(**kwargs)))
        return str(made[-1])

    monkeypatch.setattr(self_test.tempfile, "mkdtemp", mkdtemp)
    monkeypatch.delenv("IDMF_DATA_DIR")
    assert self_test.run(["idmf"]) == 0
    assert "self-test passed" in capsys.readouterr().out
    assert len(made) == 1 and not made[0].exists()


def test_a_missing_dictionary_fails_the_self_test_in_words(qapp, data, capsys, monkeypatch):
    from idmf.ui.editor.spelling import checker

    # The missing dictionary ends with the run: the run's window leaves work that loads the dictionary once events
    # are next processed (pytest-qt's teardown), and that load must find the real one.
    with monkeypatch.context() as patch:
        patch.setattr(checker, "LANGUAGE", "xx_NOPE")
        checker.forget_shared_checker()
        try:
            assert self_test.run(["idmf"]) == 1
        finally:
            checker.forget_shared_checker()
    assert "while checking spelling: spell checking did not load" in capsys.readouterr().err
