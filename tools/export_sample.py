"""Render Word exports to PDF and PNG pages with LibreOffice and poppler (for review and the docs).

    python -m tools.export_sample [OUT_DIR]     # default: docs/export-sample/ of the source tree

exports resources/examples/day-case-unit.json (approved), converts it to PDF with `soffice --headless` and
renders every page with `pdftoppm -png -r 60` (page-NN.png); then the same assessment as a draft still in
review (DRAFT marking, the app's guidance printed, a census table attached and census figures pasted into an
answer as tab-separated text), every page again (draft-NN.png), with both Word files beside them.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from idmf.domain.assessment import Assessment, Status
from idmf.domain.evidence import CensusRow, CensusTable
from idmf.forms.loader import FormRegistry
from idmf.interchange import jsonio
from idmf.paths import resources_dir

EXAMPLE = "examples/day-case-unit.json"
SAMPLE_MOMENT = dt.datetime(2026, 1, 14, 9, 30, tzinfo=dt.timezone.utc)


class RenderError(RuntimeError):
    """LibreOffice or poppler is missing or failed."""


def convert_to_pdf(docx: Path, out_dir: Path, timeout: float = 180) -> Path:
    """Convert a .docx to PDF with LibreOffice, using a private profile (safe beside a running soffice)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        raise RenderError("LibreOffice (soffice) is not installed")
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="idmf-lo-") as profile:
        command = [soffice, f"-env:UserInstallation={Path(profile).as_uri()}", "--headless", "--norestore",
                   "--convert-to", "pdf", "--outdir", str(out_dir), str(docx)]
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)
    pdf = out_dir / (Path(docx).stem + ".pdf")
    if done.returncode != 0 or not pdf.is_file():
        raise RenderError(f"LibreOffice could not convert {docx}: {done.stderr.strip() or done.stdout.strip()}")
    return pdf


def page_count(pdf: Path) -> int:
    """Number of pages of a PDF (pdfinfo when installed, else counting page objects)."""
    if shutil.which("pdfinfo"):
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
        match = re.search(r"^Pages:\s+(\d+)", info, re.MULTILINE)
        if match:
            return int(match.group(1))
    return len(re.findall(rb"/Type\s*/Page[^s]", Path(pdf).read_bytes()))


def find_page(pdf: Path, text: str) -> int:
    """The first page of a PDF whose text contains `text` (1 when poppler's pdftotext is missing)."""
    if not shutil.which("pdftotext"):
        return 1
    for number in range(1, page_count(pdf) + 1):
        done = subprocess.run(["pdftotext", "-f", str(number), "-l", str(number), str(pdf), "-"],
                              capture_output=True, text=True, check=False)
        if text in done.stdout:
            return number
    return 1


def render_pngs(pdf: Path, out_dir: Path, prefix: str, dpi: int = 60, first: int | None = None,
                last: int | None = None) -> list[Path]:
    """PNG images of a PDF's pages (prefix-1.png, prefix-2.png…)."""
    if not shutil.which("pdftoppm"):
        raise RenderError("poppler's pdftoppm is not installed")
    command = ["pdftoppm", "-png", "-r", str(dpi)]
    command += ["-f", str(first)] if first else []
    command += ["-l", str(last)] if last else []
    subprocess.run([*command, str(pdf), str(out_dir / prefix)], check=True, capture_output=True)
    return sorted(out_dir.glob(f"{prefix}-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))


def load_example(forms: FormRegistry | None = None) -> Assessment:
    """The bundled example assessment (cancelling a planned day-case unit at Hinckley)."""
    text = (resources_dir() / EXAMPLE).read_text(encoding="utf-8")
    return jsonio.loads(text, forms or FormRegistry())


def hinckley_ethnic_group() -> CensusTable:
    """Census 2021 TS021 for Hinckley and Bosworth (for previews and tests of census rendering)."""
    counts = [("Asian, Asian British or Asian Welsh", 3147), ("Black, Black British, Black Welsh, Caribbean or "
              "African", 692), ("Mixed or Multiple ethnic groups", 1990), ("White", 107180),
              ("Other ethnic group", 632)]
    total = 113641
    return CensusTable(table_code="TS021", title="Ethnic group", characteristic="pc_race", area_code="E07000132",
                       area_name="Hinckley and Bosworth", universe="All usual residents", total=total,
                       rows=[CensusRow(category=c, count=n, percent=round(100 * n / total, 1)) for c, n in counts],
                       source="Source: ONS - 2021 Census (TS021)")


def _clear(out_dir: Path) -> None:
    for old in out_dir.glob("*.png"):
        old.unlink()


PASTED_SEX = ("Census 2021, usual residents of the district:\n"
              "Sex\tHinckley and Bosworth\t\n\tcount\t%\nTotal: All usual residents\t113,640\t100.0\n"
              "Female\t57,607\t50.7\nMale\t56,033\t49.3\nSource: ONS - 2021 Census (TS008)")


def draft_of(item: Assessment, form) -> Assessment:
    """The example while still in EDI review: a census table attached and census figures pasted into an answer."""
    draft = item.model_copy(deep=True, update={"status": Status.IN_REVIEW, "census_tables": [hinckley_ethnic_group()]})
    draft.set_answer(form, "data_sources", f"{draft.text('data_sources')}\n{PASTED_SEX}")
    return draft


def render_sample(out_dir: Path) -> list[Path]:
    """Export the example (approved) and a draft of it; return the PNGs made of every page of both."""
    from idmf.export.writer import export_docx

    forms = FormRegistry()
    item = load_example(forms)
    form = forms.get(item.form_id, item.form_version)
    out_dir.mkdir(parents=True, exist_ok=True)
    _clear(out_dir)
    made: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="idmf-sample-") as work:
        work_dir = Path(work)
        docx = export_docx(item, form, out_dir / "day-case-unit.docx", exported_at=SAMPLE_MOMENT)
        docx.chmod(0o644)  # a file for the docs, not a private export
        made += render_pngs(convert_to_pdf(docx, work_dir), out_dir, "page")
        draft_docx = export_docx(draft_of(item, form), form, out_dir / "day-case-unit-draft.docx",
                                 exported_at=SAMPLE_MOMENT, guidance=True)
        draft_docx.chmod(0o644)
        made += render_pngs(convert_to_pdf(draft_docx, work_dir), out_dir, "draft")
    return made


def main(argv: list[str] | None = None) -> int:
    """Regenerate docs/export-sample (or the folder given)."""
    args = sys.argv[1:] if argv is None else argv
    source_tree = Path(__file__).resolve().parents[1]
    if not args and not (source_tree / "pyproject.toml").is_file():
        print("Give the folder to write the sample pages to (this is not a source tree).", file=sys.stderr)
        return 2
    out_dir = Path(args[0]) if args else source_tree / "docs" / "export-sample"
    for path in render_sample(out_dir):
        print(path)
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
