"""The committee-readiness check: a small rule engine over one assessment.

Each rule is a small named function registered with ``@rule(...)``: an id, the step (form section id)
it belongs to, a severity (blocking or warning) and a one-line title. A rule reads a `RuleContext` and
yields `Hit`s (question id + plain-English message); the engine turns them into `Finding`s that carry
the rule id, severity and the step of the question, so the wizard can show a checklist per step and
jump to the question ("take me there").

    report = check(assessment, form, today=dt.date.today())
    report.blocking        # findings that stop the assessment going to committee
    report.counts()        # {section_id: StepCount(blocking, warnings)} for the step list
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property
from typing import Any, Callable, Iterable, Iterator, NamedTuple

from idmf.domain.answer_text import group_name
from idmf.domain.answers import GroupImpact, ImpactAnswer, is_blank, to_json
from idmf.domain.assessment import Assessment
from idmf.forms.relevance import is_relevant
from idmf.forms.schema import FieldType, FormDefinition


class Severity(StrEnum):
    """How much a finding matters: blocking stops 'submit for committee'; a warning is advice."""

    BLOCKING = "blocking"
    WARNING = "warning"


class Hit(NamedTuple):
    """What a rule yields: where the problem is and what to tell the user."""

    question_id: str | None
    message: str
    row: int | None = None  # 1-based row of a table / inclusion-health group, when the problem is in one row


@dataclass(frozen=True)
class Finding:
    """One thing standing between the draft and a committee."""

    rule_id: str
    severity: Severity
    step: str  # form section id ("take me there" opens this step…)
    question_id: str | None  # …and this question
    message: str
    row: int | None = None

    @property
    def blocking(self) -> bool:
        return self.severity == Severity.BLOCKING

    def to_json(self) -> dict[str, Any]:
        """Plain JSON (CLI `check --json`, logs)."""
        return {"rule": self.rule_id, "severity": self.severity.value, "step": self.step,
                "question_id": self.question_id, "row": self.row, "message": self.message}


@dataclass(frozen=True)
class StepCount:
    """How many findings one step has (the wizard's step list shows these)."""

    blocking: int = 0
    warnings: int = 0

    @property
    def total(self) -> int:
        return self.blocking + self.warnings


@dataclass(frozen=True)
class ReadinessReport:
    """Everything the check found, in form order."""

    findings: tuple[Finding, ...]
    steps: tuple[str, ...]  # every section id of the form, in order
    step_titles: dict[str, str] = field(default_factory=dict)  # section id -> display title
    not_started: frozenset[str] = frozenset()  # steps whose findings the editor holds back (calibration.py)

    @property
    def blocking(self) -> list[Finding]:
        return [f for f in self.findings if f.blocking]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if not f.blocking]

    @property
    def ready(self) -> bool:
        """True when nothing blocks submission for committee."""
        return not self.blocking

    def for_step(self, step: str) -> list[Finding]:
        """The checklist of one step."""
        return [f for f in self.findings if f.step == step]

    def for_question(self, question_id: str) -> list[Finding]:
        """Findings anchored to one question (markers beside it in the wizard)."""
        return [f for f in self.findings if f.question_id == question_id]

    def counts(self) -> dict[str, StepCount]:
        """Blocking and warning counts for every step of the form (zeros included)."""
        return {step: StepCount(sum(f.blocking for f in self.for_step(step)),
                                sum(not f.blocking for f in self.for_step(step))) for step in self.steps}

    def summary(self, limit: int = 3) -> str:
        """One plain sentence: how many items block, with the first few."""
        blocking = self.blocking
        if not blocking:
            return "Nothing blocks this assessment from going to committee."
        noun = "item needs" if len(blocking) == 1 else "items need"
        first = "; ".join(f.message for f in blocking[:limit])
        more = f" (and {len(blocking) - limit} more)" if len(blocking) > limit else ""
        return f"{len(blocking)} {noun} fixing first: {first}{more}"

    def to_json(self) -> dict[str, Any]:
        """Plain JSON for `idmf-cli check --json`."""
        return {
            "ready": self.ready, "blocking": len(self.blocking), "warnings": len(self.warnings),
            "steps": {s: {"title": self.step_titles.get(s, s), "blocking": c.blocking, "warnings": c.warnings}
                      for s, c in self.counts().items()},
            "findings": [f.to_json() for f in self.findings],
        }


@dataclass(frozen=True)
class ImpactItem:
    """One rated group: a protected characteristic, deprivation, or an added inclusion-health group."""

    question_id: str
    name: str  # as the user typed or the form labels it: "Age", "People experiencing homelessness", ""
    impact: ImpactAnswer
    row: int | None = None  # 1-based position in the inclusion-health groups list

    @property
    def display_name(self) -> str:
        """The group's name as the document prints it (an added group without a name is numbered)."""
        return group_name(self.row, self.name) if self.row else self.name

    @property
    def where(self) -> str:
        """How a message names the group."""
        return f"“{self.display_name}”"


RATED_TYPES = (FieldType.IMPACT, FieldType.GROUP_CATALOGUE)  # the answers that can hold a rating


class RuleContext:
    """What a rule reads: the assessment, its form, today's date, and some shared helpers."""

    def __init__(self, assessment: Assessment, form: FormDefinition, today: dt.date) -> None:
        self.assessment = assessment
        self.form = form
        self.today = today
        self._questions = {q.id: q for q in form.questions()}

    def has(self, question_id: str) -> bool:
        """Whether the form has this question and it applies (relevance) to this assessment."""
        question = self._questions.get(question_id)
        if question is None:
            return False
        if not question.relevant:
            return True  # most questions always apply (the portfolio asks this thousands of times)
        return is_relevant(question.relevant, lambda qid: to_json(self.assessment.answers.get(qid)))

    def value(self, question_id: str) -> Any:
        """The stored answer (None when unanswered)."""
        return self.assessment.answers.get(question_id)

    def text(self, question_id: str) -> str:
        """A text answer, stripped ('' when unanswered or not text)."""
        value = self.value(question_id)
        return value.strip() if isinstance(value, str) else ""

    def empty(self, question_id: str) -> bool:
        return is_blank(self.value(question_id))

    def label(self, question_id: str) -> str:
        question = self._questions.get(question_id)
        return question.label if question else question_id

    def step_of(self, question_id: str | None, default: str) -> str:
        """The section holding a question (the rule's own step when it has none)."""
        if question_id and question_id in self._questions:
            return self.form.section_of(question_id).id
        return default

    @cached_property
    def impacts(self) -> list[ImpactItem]:
        """Every impact block that applies, then every added inclusion-health group, in form order."""
        items: list[ImpactItem] = []
        for question in self._questions.values():  # in form order, as form.questions() gives them
            if question.type not in RATED_TYPES or not self.has(question.id):
                continue
            if question.type == FieldType.IMPACT:
                items.append(ImpactItem(question.id, question.label, self.assessment.impact(question.id)))
            elif question.type == FieldType.GROUP_CATALOGUE:
                items.extend(_group_items(question.id, self.value(question.id)))
        return items

    @cached_property
    def negatives(self) -> list[ImpactItem]:
        """Groups with a negative impact ticked."""
        return [item for item in self.impacts if item.impact.negative]


def _group_items(question_id: str, value: Any) -> Iterator[ImpactItem]:
    for n, group in enumerate(value if isinstance(value, list) else [], start=1):
        if isinstance(group, GroupImpact):
            yield ImpactItem(question_id, group.name.strip(), group.impact, row=n)


RuleFunction = Callable[[RuleContext], Iterable[Hit]]


@dataclass(frozen=True)
class Rule:
    """A registered readiness rule."""

    id: str
    step: str
    severity: Severity
    title: str
    function: RuleFunction

    def run(self, ctx: RuleContext) -> Iterator[Finding]:
        for hit in self.function(ctx):
            yield Finding(self.id, self.severity, ctx.step_of(hit.question_id, self.step),
                          hit.question_id, hit.message, hit.row)


RULES: dict[str, Rule] = {}


def rule(rule_id: str, *, step: str, severity: Severity, title: str) -> Callable[[RuleFunction], RuleFunction]:
    """Register a rule function under an id (ids are stable: tests, the UI and `check --json` use them)."""

    def register(function: RuleFunction) -> RuleFunction:
        if rule_id in RULES:
            raise ValueError(f"readiness rule '{rule_id}' is registered twice")
        RULES[rule_id] = Rule(rule_id, step, severity, title, function)
        return function

    return register


def check(assessment: Assessment, form: FormDefinition, today: dt.date | None = None,
          rules: Iterable[str] | None = None) -> ReadinessReport:
    """Run every rule (or only the named ones) and return the findings in form order."""
    ctx = RuleContext(assessment, form, today or dt.date.today())
    chosen = [RULES[r] for r in rules] if rules is not None else list(RULES.values())
    findings = [finding for r in chosen for finding in r.run(ctx)]
    order = {s.id: n for n, s in enumerate(form.sections)}
    positions = {q.id: n for n, q in enumerate(form.questions())}
    findings.sort(key=lambda f: (order.get(f.step, len(order)), positions.get(f.question_id or "", -1),
                                 f.row or 0, f.severity != Severity.BLOCKING))
    return ReadinessReport(tuple(findings), tuple(order), {s.id: s.display_title for s in form.sections})
