"""Signing and verifying benchmark: median times for the example (10 pages) and the large assessment of
export_bench (40 groups, 100 action rows).

    PYTHONPATH=src python benchmarks/signing_bench.py [--runs N]

sign       what signing adds once the Word document is rendered (export_bench measures rendering): the RFC 8785
           hash of the assessment, the hash of the document's visible text, the claim and its Ed25519 signature
verify     `idmf-cli verify FILE.docx` without starting the process: open the file, read the signature, the
           embedded assessment and word/document.xml, hash both, check the signature, the database's record
           and the signer's trust
stored     `idmf-cli verify ID`: the same for a stored version, with its kept document and its audit log
approve    the whole approval in the service, for the example: the backup of the database file, render, sign,
           embed, save, store, lock (one run)
Runs on throwaway data; keys in a throwaway file key store.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import tempfile
import time
import uuid
from io import BytesIO
from pathlib import Path

sys.path.insert(1, str(Path(__file__).resolve().parents[1]))  # the repository root, for tools/ and tests/


def _median_ms(work, runs: int) -> tuple[float, float]:
    """(median wall-clock ms, median CPU ms of this process): on a shared machine the second shows the work
    itself, the first also the waiting for a core."""
    work()  # warm-up: imports, caches
    wall, cpu = [], []
    for _ in range(runs):
        started, started_cpu = time.perf_counter(), time.process_time()
        work()
        wall.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    return statistics.median(wall) * 1000, statistics.median(cpu) * 1000


def _signed(context, item, identity, folder: Path) -> Path:
    """The item rendered and signed as approval does (with the audit head of a one-entry log)."""
    from idmf.review.audit import AuditEntry
    from idmf.services.signoffs import sealer

    entry = AuditEntry(1, "approve", "ready_for_committee", "approved", identity.name, "committee", "",
                       dt.datetime.now(dt.timezone.utc), "0" * 64, "a" * 64)
    seal = sealer(context.store.form_for, identity)(item, entry, "ICB Board", dt.date(2026, 1, 13), "Dr A",
                                                    dt.datetime.now(dt.timezone.utc))
    path = folder / f"{item.uid}.docx"
    path.write_bytes(seal.document)
    return path


def _sign_only(context, item, identity):
    """The signing step alone, on an already rendered document."""
    from idmf.export.visible import visible_text_sha256
    from idmf.export.writer import build_document
    from idmf.interchange import jsonio
    from idmf.interchange.content import content_sha256
    from idmf.signing.signoff import SignoffClaim, sign_signoff

    buffer = BytesIO()
    build_document(item, context.store.form_for(item)).save(buffer)
    rendered = buffer.getvalue()

    def sign():
        claim = SignoffClaim(assessment_uid=item.uid, version_number=item.version_number, title=item.title,
                             content_sha256=content_sha256(jsonio.to_document(item)),
                             visible_text_sha256=visible_text_sha256(rendered), committee="ICB Board",
                             meeting_date=dt.date(2026, 1, 13), approver="Dr A",
                             signed_at=dt.datetime.now(dt.timezone.utc), audit_head="a" * 64, audit_count=1)
        return sign_signoff(identity, claim)

    return sign


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args(argv)
    data = Path(tempfile.mkdtemp(prefix="idmf-signing-bench-"))
    os.environ.update(IDMF_DATA_DIR=str(data), IDMF_KEY_STORE="file",
                      IDMF_DATABASE_URL=f"sqlite:///{data / 'idmf.sqlite3'}")
    from export_bench import large  # noqa: E402 - benchmarks/ is the script's folder
    from idmf.services.context import open_app
    from tests.people import enrol
    from tools.signed_example import APPROVER, COMMITTEE, MEETING, example_at_committee

    context = open_app()
    enrol(context, data / "lists")
    secretary = context.signing.identity("Committee Person")
    example = example_at_committee(context, "Lead Person", "Reviewer Person")
    started = time.perf_counter()
    context.review.approve(example.id, COMMITTEE, MEETING, APPROVER, secretary.name, today=MEETING)
    approve_ms = (time.perf_counter() - started) * 1000
    example = context.assessments.get(example.id)
    form = context.store.form_for(example)
    other = large(example, form).model_copy(update={"uid": uuid.uuid4().hex})  # not the version signed off here
    cases = {"example": example, "large": other}
    print(f"{'case':<8} {'sign (wall / CPU)':>20} {'verify .docx (wall / CPU)':>28}")
    for name, item in cases.items():
        path = (context.documents.export(item.id, "docx", data / "example.docx") if name == "example"
                else _signed(context, item, secretary, data))
        sign_ms = _median_ms(_sign_only(context, item, secretary), args.runs)
        verify_ms = _median_ms(lambda: context.review.verify_docx(path), args.runs)
        result = context.review.verify_docx(path)
        assert result.ok, result.message
        print(f"{name:<8} {sign_ms[0]:>8.1f} / {sign_ms[1]:4.1f} ms {verify_ms[0]:>15.1f} / {verify_ms[1]:4.1f} ms"
              f"  ({path.stat().st_size // 1024} KiB)")
    stored_ms = _median_ms(lambda: context.review.verify_stored(example.id), args.runs)
    assert context.review.verify_stored(example.id).ok
    print(f"verify a stored version (example, with its audit log): {stored_ms[0]:.1f} / {stored_ms[1]:.1f} ms")
    print(f"approve the example in the service (backup, render, sign, embed, save, store, lock; one run): "
          f"{approve_ms:.0f} ms")
    context.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
