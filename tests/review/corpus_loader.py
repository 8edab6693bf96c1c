"""Read the reviewer corpus (tests/review/corpus/*.yaml) into assessments and their expected findings."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from idmf.domain.assessment import Assessment, Status
from idmf.domain.documents import AttachedDocument
from idmf.domain.evidence import CensusTable
from idmf.domain.links import ROW_ID
from idmf.forms.schema import FieldType, FormDefinition

CORPUS = Path(__file__).resolve().parent / "corpus"
RATINGS = ("positive", "negative", "neutral")


@dataclass(frozen=True)
class Expected:
    rule: str
    question: str | None
    row: int | None
    why: str

    @property
    def key(self) -> tuple[str, str | None, int | None]:
        return self.rule, self.question, self.row


@dataclass(frozen=True)
class CorpusCase:
    name: str
    service: str
    assessment: Assessment
    today: dt.date
    expected: tuple[Expected, ...]


def _impact(short: dict[str, Any]) -> dict[str, Any]:
    rating = short.get("rating") or []
    ratings = [rating] if isinstance(rating, str) else list(rating)
    assert set(ratings) <= set(RATINGS), ratings
    return {**{r: r in ratings for r in RATINGS}, "narrative": short.get("text", ""),
            "evidence": list(short.get("evidence") or []), "mitigated_by": list(short.get("mitigated_by") or []),
            "no_mitigation": short.get("no_mitigation", "")}


def _answer(form: FormDefinition, qid: str, value: Any) -> Any:
    kind = form.question(qid).type
    if kind == FieldType.IMPACT:
        return _impact(value)
    if kind == FieldType.GROUP_CATALOGUE:
        return [{"catalogue_id": g.get("catalogue_id"), "name": g["name"], "impact": _impact(g)} for g in value]
    if kind == FieldType.TABLE:
        return [{(ROW_ID if k == "id" else k): v for k, v in row.items()} for row in value]
    if kind == FieldType.YES_NO:
        assert isinstance(value, str), f"{qid}: quote yes/no in YAML"
    return value


def census(code: str, characteristic: str) -> CensusTable:
    """A census table attached as evidence for a characteristic (figures do not matter to the check)."""
    return CensusTable(table_code=code, title=code, characteristic=characteristic, area_code="E06000016",
                       area_name="Leicester", universe="All usual residents", total=368_571)


def load_case(path: Path, form: FormDefinition) -> CorpusCase:
    """One corpus file as an in-memory assessment (answers validated by the form) and its expected findings."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    item = Assessment.new(form)
    for qid, value in data["answers"].items():
        item.set_answer(form, qid, _answer(form, qid, value))
    item.status = Status(data.get("status", "draft"))
    item.review_date = data.get("review_date")
    item.census_tables = [census(code, pc) for pc, code in (data.get("census") or {}).items()]
    item.documents = [AttachedDocument.from_bytes(name, f"Contents of {name}".encode(), doc_id)
                      for doc_id, name in (data.get("documents") or {}).items()]
    expected = tuple(Expected(e["rule"], e.get("question"), e.get("row"), e.get("why", ""))
                     for e in data.get("expected") or [])
    return CorpusCase(path.stem, data["service"], item, data["today"], expected)


def load_corpus(form: FormDefinition) -> list[CorpusCase]:
    """Every case of the corpus, in file order."""
    return [load_case(path, form) for path in sorted(CORPUS.glob("[0-9]*.yaml"))]


def load_phrases() -> dict[str, list[str]]:
    """The phrase corpus: 'pending' and 'complete' sentences."""
    return yaml.safe_load((CORPUS / "phrases.yaml").read_text(encoding="utf-8"))
