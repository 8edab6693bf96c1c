"""idmf-cli export with the publishing formats: files written, wrong requests refused in one line."""

from __future__ import annotations

from idmf.cli.main import main
from idmf.export.html.checker import check_html


def test_every_publishing_format_from_the_command_line(context, example_id, tmp_path, capsys):
    for fmt, name in (("cover-sheet", "cover.docx"), ("committee-pack", "pack.docx"), ("html", "page.html"),
                      ("easy-read", "easy.docx"), ("easy-read", "easy.html")):
        assert main(["export", str(example_id), "--format", fmt, "--out", str(tmp_path / name)]) == 0
        assert (tmp_path / name).stat().st_size > 1000
    assert main(["export", str(example_id), "--format", "html", "--out", str(tmp_path / "pub.html"),
                 "--for-publishing"]) == 0
    assert "Sarah Whitmore" not in (tmp_path / "pub.html").read_text(encoding="utf-8")
    assert check_html((tmp_path / "page.html").read_text(encoding="utf-8")) == []
    assert "Wrote" in capsys.readouterr().out


def test_refusals_are_one_plain_line(context, example_id, tmp_path, capsys):
    assert main(["export", str(example_id), "--format", "cover-sheet", "--out", str(tmp_path / "c.docx"),
                 "--for-publishing"]) == 2
    assert main(["export", str(example_id), "--format", "easy-read", "--out", str(tmp_path / "e.pdf")]) == 2
    assert main(["export", str(example_id), "--format", "leaflet", "--out", str(tmp_path / "x")]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith("idmf-cli: Names are withheld only from the web page and the easy-read summary")
    assert err[1] == "idmf-cli: The easy-read export is written as .docx or .html or .htm: name the file e.docx " \
                     "instead of e.pdf."
    assert err[2].startswith("idmf-cli: unknown format 'leaflet'") and "cover-sheet" in err[2]
    assert not [p for p in tmp_path.iterdir() if p.is_file()]
