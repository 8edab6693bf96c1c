"""Make the signing screenshots: `python -m tools.screenshots.signing OUTDIR [--laptop]`.

Offscreen, on throwaway data folders and key stores (never the user's). The committee's team signs off the
example; an outsider's committee signs off a copy; Sam Okafor, a project lead elsewhere in the organisation,
imports the organisation's trusted-signers list and checks the documents. Saves the Trusted signers window,
the side-by-side fingerprint comparison, and the three outcomes of Verify. `--laptop` takes them as a
1280×720 laptop at 125 % scaling with a 14 pt font shows them (each window at the size it opens at).
"""

from __future__ import annotations

import os
import sys
import zipfile
from pathlib import Path

ORGANISATION = "NHS Leicester, Leicestershire and Rutland ICB"
TEAM = (("Amira Patel", "lead"), ("Priya Sharma", "reviewer"), ("Grace Adeyemi", "committee"))
OUTSIDERS = (("Jo Bloggs", "lead"), ("Lee Grant", "reviewer"), ("Mark Ellis", "committee"))
DIALOG_SIZE = (1000, 620)


def _team(folder: Path, people, organisation: str):
    """Someone's own app (database and key store in `folder`) holding these identities."""
    from idmf.services.context import open_app
    from idmf.signing.keystore import KeyStore

    context = open_app(f"sqlite:///{folder / 'idmf.sqlite3'}", keys=KeyStore(folder / "signing", file_only=True))
    return context, {name: context.signing.create_identity(name, role, organisation) for name, role in people}


def _signed_docx(context, cards, admin, folder: Path, names) -> Path:
    """Trust the team through their own list, sign the example off, and export the signed document."""
    from idmf.signing.trustlist import make_trust_list
    from tools.signed_example import sign_off_example

    listed = folder / "team.idmf-trust"
    listed.write_text(make_trust_list(admin, ORGANISATION, [(cards[n], r) for n, r in names]), encoding="utf-8")
    context.signing.import_list(listed, admin.fingerprint)
    item = sign_off_example(context, *(n for n, _ in names))
    return context.documents.export(item.id, "docx", folder / "day-case-unit-signed.docx")


def _edited(signed: Path, out: Path) -> Path:
    """The signed document with "not" taken out of the title, as someone with a zip tool would."""
    with zipfile.ZipFile(signed) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in source.namelist():
            data = source.read(name)
            if name == "word/document.xml":
                data = data.replace(b"Proposal not to proceed", b"Proposal to proceed")
            target.writestr(name, data)
    return out


def _viewer(folder: Path, admin, cards, outsider_cards):
    """Sam Okafor's app: the organisation's list imported, Tom trusted one by one, Mark seen on a file."""
    from idmf.services.context import open_app
    from idmf.signing.identity import Identity
    from idmf.signing.trustlist import make_trust_list

    sam = open_app()
    sam.signing.create_identity("Sam Okafor", "lead", ORGANISATION)
    listed = folder / "trusted-signers.idmf-trust"
    listed.write_text(make_trust_list(admin, ORGANISATION, [(cards[n], r) for n, r in TEAM]), encoding="utf-8")
    sam.signing.import_list(listed, admin.fingerprint)
    tom = Identity.new("Tom Hughes", "reviewer", "University Hospitals of Leicester NHS Trust").card
    sam.signing.trust(tom, "reviewer", tom.fingerprint)
    sam.signing.remember(outsider_cards["Mark Ellis"])
    return sam


def make_screenshots(out: Path) -> None:
    """Build the data and save the signing screenshots into `out`."""
    from PySide6.QtWidgets import QApplication

    from idmf.signing.identity import Identity
    from idmf.ui.app import create_application
    from idmf.ui.signing.dialogs import CompareFingerprintsDialog
    from idmf.ui.signing.trusted import TrustedSignersDialog
    from idmf.ui.signing.verify import VerifyResultDialog
    from tools.screenshots.base import _save

    app = create_application([sys.argv[0]])
    app.setStyle("Fusion")
    if os.environ.get("IDMF_SCREENSHOT_FONT_PT"):  # checking the layout with a larger font
        font = app.font()
        font.setPointSizeF(float(os.environ["IDMF_SCREENSHOT_FONT_PT"]))
        app.setFont(font)
    data = Path(os.environ["IDMF_DATA_DIR"])
    admin, elsewhere = Identity.new("EDI Team", "admin", ORGANISATION), Identity.new("Admin", "admin", "Elsewhere")
    committee, cards = _team(data / "committee", TEAM, ORGANISATION)
    outsider, outsider_cards = _team(data / "outsider", OUTSIDERS, "Another Trust")
    signed = _signed_docx(committee, cards, admin, data / "committee", TEAM)
    foreign = _signed_docx(outsider, outsider_cards, elsewhere, data / "outsider", OUTSIDERS)
    sam = _viewer(data, admin, cards, outsider_cards)
    laptop = bool(os.environ.get("IDMF_SCREENSHOT_FONT_PT"))
    try:
        _save(TrustedSignersDialog(sam), out, "17-trusted-signers", "opened" if laptop else DIALOG_SIZE)
        _save(CompareFingerprintsDialog(sam.signing.my_cards()[0], outsider_cards["Mark Ellis"]), out,
              "18-trust-compare-fingerprints", "natural")
        for name, path in (("19-verify-verified", signed), ("20-verify-untrusted", foreign),
                           ("21-verify-not-verified", _edited(signed, data / "day-case-unit-edited.docx"))):
            _save(VerifyResultDialog(sam, path, sam.review.verify_docx(path)), out, name, "natural")
        QApplication.processEvents()
    finally:
        for context in (sam, committee, outsider):
            context.close()


def _laptop_screen() -> None:
    """An offscreen 1280×720 screen at 125 % (1024×576 logical) and a 14 pt font."""
    import json
    import tempfile

    config = Path(tempfile.mkdtemp(prefix="idmf-screen-")) / "screen.json"
    config.write_text(json.dumps({"screens": [{"name": "laptop", "x": 0, "y": 0, "width": 1024, "height": 576,
                                               "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1.25}]}))
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
    os.environ["IDMF_SCREENSHOT_FONT_PT"] = "14"


def run_with_laptop_option(module: str, make, argv: list[str] | None = None) -> int:
    """A screenshot script's command line: the folder to write the PNG files into, and --laptop."""
    import argparse

    from tools.screenshots.base import run_isolated

    parser = argparse.ArgumentParser(prog=f"python -m {module}")
    parser.add_argument("out", type=Path, help="folder for the PNG files")
    parser.add_argument("--laptop", action="store_true", help="a 1280x720 screen at 125 %% and a 14 pt font")
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    if args.laptop:
        _laptop_screen()
    return run_isolated(make, args.out)


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point: the folder to write the PNG files into, and --laptop."""
    return run_with_laptop_option("tools.screenshots.signing", make_screenshots, argv)


if __name__ == "__main__":
    sys.exit(main())
