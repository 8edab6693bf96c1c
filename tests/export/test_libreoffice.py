"""LibreOffice opens the export and lays it out as a multi-page PDF (converted once per session: it is slow)."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from tests.export.conftest import MOMENT

pytestmark = pytest.mark.skipif(shutil.which("soffice") is None and shutil.which("libreoffice") is None,
                                reason="LibreOffice (soffice) is not installed; .ci/run installs libreoffice-writer")


@pytest.fixture(scope="session")
def example_pdf(tmp_path_factory):
    """The example assessment exported and converted to PDF once for the whole session."""
    from idmf.export import export_docx
    from tools.export_sample import convert_to_pdf, load_example
    from idmf.forms import FormRegistry

    forms = FormRegistry()
    item = load_example(forms)
    work = tmp_path_factory.mktemp("libreoffice")
    docx = export_docx(item, forms.get(item.form_id, item.form_version), work / "day-case-unit.docx",
                       exported_at=MOMENT)
    return item, convert_to_pdf(docx, work)


def test_libreoffice_converts_the_export_to_a_multi_page_pdf(example_pdf):
    from tools.export_sample import page_count

    _, pdf = example_pdf
    assert pdf.stat().st_size > 20_000
    assert 4 <= page_count(pdf) <= 16


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler's pdftotext is not installed")
def test_the_pdf_shows_the_headings_and_resolved_page_numbers(example_pdf):
    from tools.export_sample import page_count

    item, pdf = example_pdf
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    for heading in ("1. Aims", "4. Equality Impact Assessment", "6. Monitoring, Re-Evaluation, and Publishing",
                    "Approval", "What Next?"):
        assert heading in text
    pages = page_count(pdf)
    assert f"Page {pages} of {pages}" in text  # PAGE / NUMPAGES fields were laid out, not left as placeholders
    assert "Not answered" not in text
