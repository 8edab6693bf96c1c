"""A signed-off Word document verifies only as it was signed, by a signer the reader trusts. Each attack from
issue 14 is tried as an attacker would (a zip tool, a text editor, their own key) and must be refused in words.

    idmf-cli verify FILE.docx|ID  ->  0 Verified · 3 Signed by someone you do not trust yet · 1 Not verified
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from lxml import etree

from idmf.cli.main import main
from idmf.export.embed import ROOT, SIGNOFF_ROOT
from idmf.export.visible import visible_text_sha256
from idmf.interchange.content import content_sha256
from idmf.signing.envelope import parse_signed
from idmf.signing.identity import Identity
from idmf.signing.signoff import SignoffClaim, sign_signoff
from idmf.signing.trustlist import read_trust_list
from tests.people import ORGANISATION, second_person
from tests.signing.conftest import alter, entries, part_named, write_zip

NOT = b"Proposal not to proceed"
YES = b"Proposal to proceed"


def verify(path: Path, capsys) -> tuple[int, str]:
    """`idmf-cli verify` on this database: (exit code, what it printed)."""
    capsys.readouterr()
    code = main(["verify", str(path)])
    return code, capsys.readouterr().out.strip()


@pytest.fixture
def colleague(context, people, tmp_path):
    """Someone else's app (their own database and key store) that imported the organisation's list."""
    other, _card = second_person(tmp_path / "colleague", "Ola Colleague", "lead")
    listed = tmp_path / "lists" / "trusted.idmf-trust"
    other.signing.import_list(listed, read_trust_list(listed.read_text(encoding="utf-8")).admin.fingerprint)
    yield other
    other.close()


def test_the_signed_document_verifies_here_and_for_a_colleague_who_trusts_the_list(context, signed, signed_docx,
                                                                                   colleague, people, capsys):
    code, said = verify(signed_docx, capsys)
    assert code == 0 and said.startswith(f"Verified: version 2 of “{signed.title}” was signed off for ICB Board on "
                                         "13/01/2026 (approver: Dr Anil Mistry) by Committee Person")
    assert people["Committee Person"].fingerprint in said
    result = colleague.review.verify_docx(signed_docx)  # no sign-off in their database: the signature is the proof
    assert result.ok and result.signer == people["Committee Person"]


def test_the_footer_names_the_signer_and_their_short_fingerprint(signed_docx, people):
    from docx import Document

    footer = "\n".join(p.text for p in Document(str(signed_docx)).sections[0].footer.paragraphs)
    assert (f"Signed off for ICB Board on 13/01/2026 by Committee Person · signer's key "
            f"{people['Committee Person'].fingerprint}") in footer


def test_the_signed_document_is_issued_again_exactly_as_signed(context, signed, signed_docx, tmp_path):
    again = context.documents.export(signed.id, "docx", tmp_path / "again.docx")
    assert again.read_bytes() == signed_docx.read_bytes()


def test_editing_the_visible_text_is_not_verified_even_on_the_signing_database(signed_docx, tmp_path, capsys):
    forged = alter(signed_docx, tmp_path / "edited.docx", "word/document.xml", lambda d: d.replace(NOT, YES))
    code, said = verify(forged, capsys)
    assert code == 1
    assert said == ("Not verified: the text of edited.docx was changed after it was signed off. Ask the committee "
                    "secretary for the document as it was issued.")


def test_hiding_a_word_is_a_change_of_the_visible_text(signed_docx, tmp_path, capsys):
    hidden = b'<w:r><w:rPr><w:vanish/></w:rPr><w:t xml:space="preserve">not </w:t></w:r>'

    def hide_not(data: bytes) -> bytes:
        return data.replace(b"<w:t>" + NOT, b"<w:t>Proposal </w:t></w:r>" + hidden + b"<w:r><w:t>to proceed", 1)

    forged = alter(signed_docx, tmp_path / "hidden.docx", "word/document.xml", hide_not)
    code, said = verify(forged, capsys)
    assert code == 1 and "the text of hidden.docx was changed after it was signed off" in said


def test_changing_the_embedded_assessment_is_not_verified(signed_docx, tmp_path, capsys):
    part = part_named(signed_docx, ROOT)
    forged = alter(signed_docx, tmp_path / "json.docx", part, lambda d: d.replace(NOT, YES))
    code, said = verify(forged, capsys)
    assert code == 1 and said == ("Not verified: the assessment in json.docx is not the one that was signed off: its "
                                  "answers were changed after sign-off.")


def _remint(signed_docx: Path, out: Path, signer: Identity) -> Path:
    """What the old fingerprint let anyone do, now with a signature: change the text and the embedded answers
    alike, recompute every hash and sign the result with `signer`'s own key."""
    parts = entries(signed_docx)
    data_part, signature_part = part_named(signed_docx, ROOT), part_named(signed_docx, SIGNOFF_ROOT)
    for name in ("word/document.xml", data_part):
        parts[name] = parts[name].replace(NOT, YES)
    write_zip(out, parts)
    document = json.loads(etree.fromstring(parts[data_part]).text)
    claim = parse_signed(etree.fromstring(parts[signature_part]).text, "the file").payload
    forged_claim = SignoffClaim.model_validate({**claim, "content_sha256": content_sha256(document),
                                                "title": claim["title"].replace("not to proceed", "to proceed"),
                                                "visible_text_sha256": visible_text_sha256(out)})
    root = etree.Element(SIGNOFF_ROOT)
    root.text = sign_signoff(signer, forged_claim).to_json()
    parts[signature_part] = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
    return write_zip(out, parts)


def test_a_re_minted_sign_off_is_at_best_signed_by_someone_you_do_not_trust(context, signed_docx, colleague,
                                                                            people, tmp_path, capsys):
    # Mallory makes a key whose card says "Committee Person", committee secretary: the name is free, the key is not.
    mallory = Identity.new("Committee Person", "committee", ORGANISATION)
    forged = _remint(signed_docx, tmp_path / "reminted.docx", mallory)
    result = colleague.review.verify_docx(forged)
    assert result.outcome.exit_code == 3 and mallory.fingerprint in result.message
    assert people["Committee Person"].fingerprint not in result.message
    assert result.message.startswith("Signed by someone you do not trust yet: Committee Person (committee secretary, "
                                     f"{ORGANISATION}), key {mallory.fingerprint} signed off version 2 of “Proposal to "
                                     "proceed with the planned day-case unit")
    assert "You have not trusted this key yet." in result.message
    # The database that recorded the real sign-off knows better still.
    code, said = verify(forged, capsys)
    assert code == 1 and said == ("Not verified: reminted.docx carries a different sign-off from the one this "
                                  "database recorded for version 2.")


def test_a_sign_off_by_a_trusted_lead_is_not_a_committees(context, signed_docx, colleague, tmp_path):
    lead = context.signing.identity("Lead Person")  # on the list, as a project lead
    forged = _remint(signed_docx, tmp_path / "by-lead.docx", lead)
    result = colleague.review.verify_docx(forged)
    assert result.outcome.exit_code == 3
    assert "You trust this key as project lead, not to sign off for a committee." in result.message
    assert context.review.verify_docx(forged).outcome.exit_code == 1  # the signing database recorded another


def test_removing_or_doubling_the_signature_is_not_verified(signed_docx, tmp_path, capsys):
    parts = entries(signed_docx)
    signature_part = part_named(signed_docx, SIGNOFF_ROOT)
    unsigned = write_zip(tmp_path / "unsigned.docx", {k: v for k, v in parts.items() if k != signature_part})
    code, said = verify(unsigned, capsys)
    assert code == 1 and said.startswith("Not verified: unsigned.docx carries no sign-off signature.")
    doubled = write_zip(tmp_path / "doubled.docx", {**parts, "customXml/item9.xml": parts[signature_part]})
    code, said = verify(doubled, capsys)
    assert code == 1 and "carries 2 sign-off signatures" in said


def test_a_signer_no_longer_on_the_list_is_not_trusted_any_more(context, signed, signed_docx, people, admin,
                                                                tmp_path):
    from tests.people import publish

    assert context.review.verify_docx(signed_docx).ok
    # The EDI team publishes a newer list without the committee secretary (a lost key, someone who left).
    later = dt.datetime.now(dt.timezone.utc) + dt.timedelta(minutes=1)
    newer = publish(tmp_path / "lists", admin, [(people["Lead Person"], "lead")], "newer.idmf-trust",
                    issued_at=later)
    context.signing.import_list(newer)  # the same admin key: no fingerprint to compare again
    assert context.review.verify_docx(signed_docx).outcome.exit_code == 3
    assert context.review.verify_stored(signed.id).outcome.exit_code == 3


def test_libreoffice_re_saving_the_document_keeps_it_verified(context, signed_docx, tmp_path):
    """Opening the signed file in an office suite and saving it again changes bytes, not what people read."""
    from tools.export_sample import RenderError

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    import subprocess
    import tempfile

    out = tmp_path / "resaved"
    with tempfile.TemporaryDirectory(prefix="idmf-lo-") as profile:
        done = subprocess.run([soffice, f"-env:UserInstallation={Path(profile).as_uri()}", "--headless",
                               "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(out), str(signed_docx)],
                              capture_output=True, text=True, timeout=300)
    if done.returncode != 0:
        raise RenderError(done.stderr)
    resaved = out / signed_docx.name
    assert resaved.read_bytes() != signed_docx.read_bytes()
    from idmf.export.visible import visible_blocks

    assert visible_blocks(resaved) == visible_blocks(signed_docx)  # on failure, pytest shows what LibreOffice changed
    assert context.review.verify_docx(resaved).ok
