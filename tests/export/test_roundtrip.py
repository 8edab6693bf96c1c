"""The assessment travels inside the Word file: `idmf-cli import FILE.docx` brings it back unchanged."""

from __future__ import annotations

import json
import zipfile

import pytest

from idmf.cli.main import main
from idmf.export import read_embedded_json
from idmf.export.embed import DocxImportError
from idmf.forms import FormRegistry
from idmf.interchange import jsonio


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out.strip(), err.strip()


def test_the_docx_embeds_exactly_the_json_document(filled, export):
    exported = export(filled)
    embedded = json.loads(read_embedded_json(exported.path))
    assert embedded == json.loads(jsonio.dumps(filled))
    assert embedded == json.loads(json.dumps(jsonio.to_document(filled)))


def test_export_and_import_through_the_cli(capsys, complete_assessment, tmp_path):
    out = tmp_path / "assessment.docx"
    code, printed, _ = run(capsys, "export", str(complete_assessment.id), "--format", "docx", "--out", str(out))
    assert code == 0 and printed == f"Wrote {out}"
    original = run(capsys, "show", str(complete_assessment.id), "--json")[1]

    code, _, err = run(capsys, "import", str(out))
    assert code == 2 and "already in your database" in err and "\n" not in err

    colleague = f"sqlite:///{tmp_path / 'colleague.sqlite3'}"
    code, new_id, _ = run(capsys, "--database", colleague, "import", str(out))
    assert code == 0
    assert run(capsys, "--database", colleague, "show", new_id, "--json")[1] == original

    code, copy_id, _ = run(capsys, "import", str(out), "--as-copy")
    assert code == 0 and copy_id != str(complete_assessment.id)
    copy = json.loads(run(capsys, "show", copy_id, "--json")[1])
    assert copy["answers"] == json.loads(original)["answers"]


def test_a_docx_that_is_neither_an_export_nor_a_part_b_gives_one_clear_line(capsys, tmp_path):
    from docx import Document

    plain = tmp_path / "minutes.docx"
    Document().save(str(plain))
    code, _, err = run(capsys, "import", str(plain))
    assert code == 2
    assert err == ("idmf-cli: minutes.docx is not an IDMF Part B: none of the template's steps and questions were "
                   "found in it. Choose a Part B filled in Word, or a file IDMF Desktop exported.")


@pytest.mark.parametrize(("content", "message"), [
    (b"not a zip at all", "broken.docx is not a Word document (.docx) that can be opened."),
])
def test_a_file_that_is_not_a_docx_gives_one_clear_line(capsys, tmp_path, content, message):
    broken = tmp_path / "broken.docx"
    broken.write_bytes(content)
    code, _, err = run(capsys, "import", str(broken))
    assert (code, err) == (2, f"idmf-cli: {message}")


def test_missing_file(capsys, tmp_path):
    code, _, err = run(capsys, "import", str(tmp_path / "nowhere.docx"))
    assert code == 2 and "was not found" in err


def test_the_embedded_json_survives_a_tampered_or_renamed_part(filled, export, form, tmp_path):
    """Word renumbers custom XML parts when it re-saves; the importer looks for the content, not the name."""
    exported = export(filled)
    moved = tmp_path / "resaved.docx"
    with zipfile.ZipFile(exported.path) as source, zipfile.ZipFile(moved, "w") as target:
        for info in source.infolist():
            name = info.filename.replace("customXml/item1.xml", "customXml/item7.xml")
            target.writestr(name, source.read(info.filename))
    back = jsonio.loads(read_embedded_json(moved), FormRegistry.of(form))
    assert back.answers == filled.answers


def test_no_embedded_part_raises_a_domain_error(tmp_path):
    from docx import Document

    plain = tmp_path / "plain.docx"
    Document().save(str(plain))
    with pytest.raises(DocxImportError, match="has no IDMF assessment inside it"):
        read_embedded_json(plain)
