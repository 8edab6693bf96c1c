"""`idmf-cli`: the commands a user types, their output, and one-line errors with a non-zero exit."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from idmf.cli.main import main


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_new_list_show(capsys):
    code, out, _ = run(capsys, "new", "--title", "Community diabetes service")
    assert code == 0
    new_id = out.strip()
    code, out, _ = run(capsys, "list")
    assert "Community diabetes service" in out and "Draft" in out
    code, out, _ = run(capsys, "show", new_id)
    assert code == 0 and "Community diabetes service" in out and "(not answered)" in out
    assert "== 1. Aims of the Proposal ==" in out


def test_show_prints_answers_in_the_word_documents_words(capsys, complete_assessment, form):
    from idmf.domain.answer_text import answer_text

    code, out, _ = run(capsys, "show", str(complete_assessment.id))
    assert code == 0
    for qid in ("start_date", "duty_human_rights", "decision_option", "impacted", "pc_age", "action_plan"):
        words = answer_text(form.question(qid), complete_assessment.answers[qid])
        assert words.replace("\n", "\n    ") in out, qid  # later lines indented under the question
    assert "/20" in out and "{" not in out  # dates DD/MM/YYYY, never JSON


def test_import_export_reimport_gives_identical_document(capsys, complete_assessment, tmp_path):
    first = tmp_path / "first.json"
    assert run(capsys, "export", str(complete_assessment.id), "--format", "json", "--out", str(first))[0] == 0

    code, out, err = run(capsys, "import", str(first))
    assert code == 2 and "already in your database" in err  # the same version is not silently duplicated

    # A colleague's fresh database: import, export, re-import, export again.
    for n in (1, 2):
        db = tmp_path / f"colleague{n}.sqlite3"
        source = first if n == 1 else tmp_path / "second.json"
        code, out, _ = run(capsys, "--database", f"sqlite:///{db}", "import", str(source))
        assert code == 0
        new_id = out.strip()
        target = tmp_path / ("second.json" if n == 1 else "third.json")
        assert run(capsys, "--database", f"sqlite:///{db}", "export", new_id, "--out", str(target))[0] == 0
    assert first.read_bytes() == (tmp_path / "second.json").read_bytes() == (tmp_path / "third.json").read_bytes()
    doc = json.loads(first.read_text(encoding="utf-8"))
    assert doc["answers"]["title"] == complete_assessment.title


def test_import_as_copy_gets_a_new_id(capsys, complete_assessment, tmp_path):
    path = tmp_path / "a.json"
    run(capsys, "export", str(complete_assessment.id), "--out", str(path))
    code, out, _ = run(capsys, "import", str(path), "--as-copy")
    assert code == 0 and int(out) != complete_assessment.id


@pytest.mark.parametrize(("args", "message"), [
    (("show", "404"), "no assessment with id 404"),
    (("export", "404", "--out", "x.json"), "no assessment with id 404"),
    (("export", "1", "--format", "pdf", "--out", "x.pdf"), "unknown format 'pdf'"),
    (("import", "missing.json"), "was not found"),
])
def test_bad_input_is_one_line_and_non_zero(capsys, tmp_path, monkeypatch, args, message):
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, *args)
    assert code != 0
    assert message in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


@pytest.mark.parametrize(("content", "message"), [
    ("{oops", "not valid JSON"),
    ('{"format": "idmf-assessment", "format_version": 1, "form": {"id": "idmf-part-b", "version": "7.0"},'
     ' "assessment": {}, "answers": {}}', "version 7.0"),
])
def test_bad_json_files_are_refused_clearly(capsys, tmp_path, content, message):
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    code, _, err = run(capsys, "import", str(path))
    assert code == 2 and message in err and len(err.strip().splitlines()) == 1


def test_installed_console_script_runs():
    """The `idmf-cli` entry point works as installed (not only through main())."""
    result = subprocess.run([sys.executable, "-m", "idmf.cli.main", "--version"], capture_output=True, text=True)
    assert result.returncode == 0 and "IDMF Desktop" in result.stdout
