"""The portfolio: what an EDI lead needs to see across every assessment they can see.

Which groups keep being rated negative (and how many of those have no mitigation, by the readiness check's own
rule), overdue and upcoming actions by their lead, review dates due in 30/60/90 days, assessments by status and
organisation, and the time assessments spend in each status; filtered by organisation, responsible director (the
form's nearest thing to a directorate: each director answers for theirs) and start date. Pure computation over
each assessment's facts (worked out from its answers and status changes by `facts_of`, true whatever the day);
idmf.services.portfolio loads them and keeps the facts, so it is the same on SQLite and on a team server.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Iterable

from idmf.domain.assessment import Assessment, Status
from idmf.domain.questions import ACTION_PLAN, COL_ACTION, COL_LEAD, COL_OUTCOME, COL_TARGET_DATE, DIRECTOR, TITLE
from idmf.forms.relevance import names_in
from idmf.forms.schema import FormDefinition
from idmf.review.readiness import RATED_TYPES, RULES, RuleContext

UPCOMING_DAYS = 30
REVIEW_WINDOWS = (30, 60, 90)
MITIGATION_RULE = "negative-no-mitigation"


@dataclass(frozen=True)
class PortfolioFilter:
    """Which assessments the portfolio covers: an organisation (None: all), a responsible director (None: all, "":
    those naming none; compared as `director_key` does), started between two dates."""

    organisation: str | None = None
    started_from: dt.date | None = None
    started_to: dt.date | None = None
    director: str | None = None

    def admits(self, entry: Entry) -> bool:
        """Whether the filter keeps an entry; one whose facts are not worked out yet passes the director test
        (the caller filters again once they are)."""
        started = entry.created_at.date()
        return ((self.organisation is None or entry.organisation == self.organisation)
                and (self.started_from is None or started >= self.started_from)
                and (self.started_to is None or started <= self.started_to)
                and (self.director is None or entry.facts is None
                     or director_key(entry.facts.director) == director_key(self.director)))


def director_key(name: str) -> str:
    """What makes two answers name the same director: case and spacing aside ("Dr A Shah,  Chief Nurse" and
    "dr a shah, chief nurse" are one person, as a reader would take them)."""
    return _tidy(name).casefold()


def _tidy(text: str) -> str:
    """Text with its spacing tidied: no leading or trailing space, one space wherever there were several."""
    return " ".join(text.split())


@dataclass(frozen=True)
class NegativeImpact:
    """One group rated negative in one assessment; `section_id` is where it is answered."""

    assessment_id: int
    title: str
    organisation: str
    group: str
    mitigated: bool
    section_id: str


@dataclass(frozen=True)
class GroupHarm:
    """How often one group is rated negative across the portfolio, and how often without mitigation."""

    group: str
    negative: int
    unmitigated: int


@dataclass(frozen=True)
class ActionDue:
    """An action of an action plan that is overdue (target date passed, no outcome) or due within 30 days."""

    assessment_id: int
    title: str
    action: str
    lead: str
    target_date: dt.date
    overdue: bool
    section_id: str


@dataclass(frozen=True)
class ReviewDue:
    """An approved assessment whose review date falls within 30, 60 or 90 days (or has passed: 0)."""

    assessment_id: int
    title: str
    organisation: str
    review_date: dt.date
    within_days: int


@dataclass(frozen=True)
class StatusTime:
    """The average days assessments spent in one status (counting the time so far in the current one)."""

    status: Status
    average_days: float
    assessments: int


@dataclass(frozen=True)
class Portfolio:
    """Everything the portfolio view shows, for one filter, on one day."""

    today: dt.date
    assessments: int
    negatives: tuple[NegativeImpact, ...]
    actions: tuple[ActionDue, ...]
    reviews: tuple[ReviewDue, ...]
    by_status: dict[tuple[str, Status], int] = field(default_factory=dict)  # (organisation, status) -> count
    time_in_status: tuple[StatusTime, ...] = ()
    directors: tuple[str, ...] = ()  # each responsible director named once, "" when some assessment names none

    @property
    def groups(self) -> list[GroupHarm]:
        """Groups most often rated negative first (then the most unmitigated, then by name)."""
        negative, unmitigated = Counter(), Counter()
        for n in self.negatives:
            negative[n.group] += 1
            unmitigated[n.group] += not n.mitigated
        return sorted((GroupHarm(g, negative[g], unmitigated[g]) for g in negative),
                      key=lambda h: (-h.negative, -h.unmitigated, h.group.lower()))

    @property
    def organisations(self) -> list[str]:
        return sorted({org for org, _ in self.by_status})


def questions_read(form: FormDefinition) -> set[str]:
    """The answers the portfolio reads on this form: the title, the impact blocks and added groups, the action
    plan, and every answer that decides whether one of those applies. Only these are loaded for the portfolio."""
    chosen = [q for q in form.questions()
              if q.id in (TITLE, DIRECTOR, ACTION_PLAN) or q.type in RATED_TYPES]
    return {q.id for q in chosen}.union(*(names_in(q.relevant) for q in chosen if q.relevant))


def section_ids(form: FormDefinition) -> dict[str, str]:
    """The id of the section holding each question (section_of walks the form: thousands of times per build)."""
    found: dict[str, str] = {}
    for section in form.sections:
        for question in section.all_questions():
            found.setdefault(question.id, section.id)  # the first, as section_of finds it
    return found


def rated_questions(form: FormDefinition) -> frozenset[str]:
    """The questions whose answers can hold a rating: impact blocks and added groups."""
    return frozenset(q.id for q in form.questions() if q.type in RATED_TYPES)


@dataclass(frozen=True)
class Facts:
    """What one assessment gives any portfolio on any day, worked out from its answers and status changes: its
    title, each group rated negative as (group, mitigated, section id), each open action with a target date as
    (action, lead, target date, section id), its status changes as (seconds since the epoch, new status), oldest
    first, and its responsible director as answered (spacing tidied; "" when none). Kept in the database
    (portfolio_facts) until its answers or status change."""

    title: str
    negatives: tuple[tuple[str, bool, str], ...] = ()
    actions: tuple[tuple[str, str, dt.date, str], ...] = ()
    statuses: tuple[tuple[float, str], ...] = ()  # seconds: read back for 2,000 assessments per portfolio
    director: str = ""

    def to_json(self) -> str:
        return json.dumps({"t": self.title, "n": self.negatives,
                           "a": [(a, lead, when.isoformat(), s) for a, lead, when, s in self.actions],
                           "s": self.statuses, "d": self.director},
                          separators=(",", ":"))  # ASCII: any text a database can hold

    @classmethod
    def from_json(cls, text: str) -> Facts:
        """The facts as stored; ValueError when the text is not what to_json writes."""
        try:
            data = json.loads(text)
            return cls(str(data["t"]), tuple((str(g), bool(m), str(s)) for g, m, s in data["n"]),
                       tuple((str(a), str(lead), dt.date.fromisoformat(w), str(s)) for a, lead, w, s in data["a"]),
                       tuple((_seconds(at), _status(status)) for at, status in data["s"]), _text(data["d"]))
        except (TypeError, KeyError, ValueError) as exc:  # JSONDecodeError is a ValueError
            raise ValueError(f"stored portfolio facts are not readable: {exc}") from None


@dataclass(frozen=True)
class Entry:
    """One assessment as the portfolio counts it: its row's columns and its facts (None until worked out)."""

    id: int
    organisation: str
    status: Status
    created_at: dt.datetime
    review_date: dt.date | None
    facts: Facts | None


_STATUSES = frozenset(s.value for s in Status)


def _status(value: str) -> str:
    """A status value as stored, checked (a set lookup: the portfolio checks thousands)."""
    if value not in _STATUSES:
        raise ValueError(f"not a status: {value!r}")
    return value


def _text(value) -> str:
    if not isinstance(value, str):
        raise ValueError(f"not text: {value!r}")
    return value


def _seconds(value) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValueError(f"not a time in seconds: {value!r}")
    return float(value)


def facts_of(item: Assessment, form: FormDefinition, statuses: Iterable[tuple[dt.datetime, str]] = (),
             rated: frozenset[str] | None = None, sections: dict[str, str] | None = None) -> Facts:
    """One assessment's facts from its answers and status changes (aware time, new status; oldest first)
    (`rated`: the form's rated_questions, `sections`: its section_ids, when the caller has them)."""
    sections = sections if sections is not None else section_ids(form)
    director = item.answers.get(DIRECTOR)
    return Facts(item.title, tuple(_negatives(item, form, rated, sections)), tuple(_open_actions(item, sections)),
                 tuple((at.timestamp(), _status(status)) for at, status in statuses),
                 _tidy(director) if isinstance(director, str) else "")


def _negatives(item: Assessment, form: FormDefinition, rated: frozenset[str] | None,
               sections: dict[str, str]) -> list[tuple[str, bool, str]]:
    if rated is not None and rated.isdisjoint(item.answers):
        return []  # nothing rated at all (most drafts): no need to walk the form
    # The mitigation rule reads links and reasons, never the date: the facts hold on any day.
    ctx = RuleContext(item, form, dt.date.today())
    if not ctx.negatives:
        return []  # most assessments: no need to run the mitigation rule
    # The rule itself, on the context already built (check() would build it again and sort its findings).
    unmitigated = {(hit.question_id, hit.row) for hit in RULES[MITIGATION_RULE].function(ctx)}
    return [(n.display_name, (n.question_id, n.row) not in unmitigated, sections[n.question_id])
            for n in ctx.negatives]


def _open_actions(item: Assessment, sections: dict[str, str]) -> list[tuple[str, str, dt.date, str]]:
    """Actions with a target date and no outcome yet (whether due soon is decided on the day)."""
    rows = item.answers.get(ACTION_PLAN)
    if not isinstance(rows, list) or not rows:
        return []
    found = []
    for row in rows:
        target = _date(row.get(COL_TARGET_DATE)) if isinstance(row, dict) else None
        if target is None or str(row.get(COL_OUTCOME) or "").strip():
            continue
        found.append((str(row.get(COL_ACTION) or "").strip(), str(row.get(COL_LEAD) or "").strip()
                      or "(no lead named)", target, sections[ACTION_PLAN]))
    return found


def _date(value) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def review_due(entry: Entry, today: dt.date) -> ReviewDue | None:
    """An approved assessment's review within 90 days (or overdue), with the window it falls in."""
    if entry.status != Status.APPROVED or entry.review_date is None:
        return None
    days = (entry.review_date - today).days
    window = next((w for w in REVIEW_WINDOWS if days <= w), None)
    return None if window is None else ReviewDue(entry.id, entry.facts.title, entry.organisation,
                                                 entry.review_date, 0 if days < 0 else window)


def time_in_status(items: Iterable[Entry], now: dt.datetime) -> list[StatusTime]:
    """Average days per status: from each assessment's start and its status changes (oldest first)."""
    spent: dict[str, list[float]] = defaultdict(list)
    end = now.timestamp()  # seconds as floats: datetime arithmetic was most of this on 2,000 assessments
    for item in items:
        status, since = Status.DRAFT.value, item.created_at.timestamp()
        per_item: dict[str, float] = {}
        for moment, to_status in item.facts.statuses:
            per_item[status] = per_item.get(status, 0.0) + max(0.0, moment - since)
            status, since = to_status, moment
        per_item[status] = per_item.get(status, 0.0) + max(0.0, end - since)
        for s, seconds in per_item.items():
            spent[s].append(seconds / 86400)
    return [StatusTime(s, sum(spent[s.value]) / len(spent[s.value]), len(spent[s.value]))
            for s in Status if spent.get(s.value)]


def entries(items: list[tuple[Assessment, FormDefinition, str]],
            changes: dict[int, list[tuple[dt.datetime, str]]]) -> list[Entry]:
    """Entries of loaded (assessment, its form, its organisation) triples and their status changes (by id: aware
    time, new status; oldest first), their facts worked out afresh."""
    known: dict[tuple[str, str], tuple[frozenset[str], dict[str, str]]] = {}  # per form version
    found = []
    for item, form, organisation in items:
        key = (form.id, form.version)
        if key not in known:
            known[key] = (rated_questions(form), section_ids(form))
        found.append(Entry(item.id or 0, organisation, item.status, item.created_at, item.review_date,
                           facts_of(item, form, changes.get(item.id or 0, ()), *known[key])))
    return found


def build(items: list[tuple[Assessment, FormDefinition, str]], changes: dict[int, list[tuple[dt.datetime, str]]],
          today: dt.date, now: dt.datetime) -> Portfolio:
    """The portfolio of the given (assessment, its form, its organisation) triples and their status changes."""
    return assemble(entries(items, changes), today, now)


def assemble(items: list[Entry], today: dt.date, now: dt.datetime) -> Portfolio:
    """The portfolio of the given entries, as on `today`."""
    negatives, actions, reviews, by_status = [], [], [], Counter()
    soon = today + dt.timedelta(days=UPCOMING_DAYS)
    for entry in items:
        title = entry.facts.title
        negatives += [NegativeImpact(entry.id, title, entry.organisation, group, mitigated, section)
                      for group, mitigated, section in entry.facts.negatives]
        actions += [ActionDue(entry.id, title, action, lead, target, target < today, section)
                    for action, lead, target, section in entry.facts.actions if target <= soon]
        due = review_due(entry, today)
        if due:
            reviews.append(due)
        by_status[(entry.organisation, entry.status)] += 1
    negatives.sort(key=lambda n: (n.mitigated, n.assessment_id))  # the unmitigated first: they need action
    actions.sort(key=lambda a: (not a.overdue, a.target_date, a.lead.lower()))
    reviews.sort(key=lambda r: r.review_date)
    return Portfolio(today, len(items), tuple(negatives), tuple(actions), tuple(reviews), dict(by_status),
                     tuple(time_in_status(items, now)), directors(e.facts.director for e in items))


def directors(names: Iterable[str]) -> tuple[str, ...]:
    """Each director once, as most often typed (of equals, the first in code-point order, so capitals first),
    in alphabetical order, "" first; the same whatever order the assessments come in."""
    spellings: dict[str, Counter] = defaultdict(Counter)
    for name in names:
        spellings[director_key(name)][name] += 1
    return tuple(min(spellings[key], key=lambda s: (-spellings[key][s], s)) for key in sorted(spellings))


Table = tuple[tuple[str, ...], list[tuple]]  # headers, rows


def tables(portfolio: Portfolio) -> dict[str, Table]:
    """Every part of the portfolio as a named table (the CSV and Excel exports, the view's tabs)."""
    return {
        "Groups": (("Group", "Rated negative", "Without mitigation"),
                   [(g.group, g.negative, g.unmitigated) for g in portfolio.groups]),
        "Negative impacts": (("Assessment", "Title", "Organisation", "Group", "Mitigated"),
                             [(n.assessment_id, n.title, n.organisation, n.group, "Yes" if n.mitigated else "No")
                              for n in portfolio.negatives]),
        "Actions": (("Assessment", "Title", "Action", "Lead", "Target date", "When"),
                    [(a.assessment_id, a.title, a.action, a.lead, a.target_date,
                      "Overdue" if a.overdue else f"Due within {UPCOMING_DAYS} days") for a in portfolio.actions]),
        "Reviews due": (("Assessment", "Title", "Organisation", "Review date", "Due"),
                        [(r.assessment_id, r.title, r.organisation, r.review_date,
                          "Overdue" if r.within_days == 0 else f"Within {r.within_days} days")
                         for r in portfolio.reviews]),
        "By status": (("Organisation", "Status", "Assessments"),
                      [(org or "(no organisation)", status.label, n)
                       for (org, status), n in sorted(portfolio.by_status.items(),
                                                      key=lambda kv: (kv[0][0], list(Status).index(kv[0][1])))]),
        "Time in status": (("Status", "Average days", "Assessments"),
                           [(t.status.label, round(t.average_days, 1), t.assessments)
                            for t in portfolio.time_in_status]),
    }
