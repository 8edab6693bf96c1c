"""Is an answer still to come? A small classifier over sentences, tested on a phrase corpus
(tests/review/corpus/phrases.yaml; precision and recall by benchmarks/readiness_precision.py).

A sentence is "still to come" when it has one of these shapes, never because of one word alone:

- a template placeholder: [insert …], <…>, {…}, XX for a number, DD/MM/YYYY, lorem ipsum, "enter … here",
  or an answer that is only "TBC", "?", "-", "placeholder"…;
- a marker of something unfinished, with what makes it one: "to be added/confirmed/…", "to follow",
  "pending analysis", "results are awaited", "not yet known", "yet to", "still being drafted",
  "under review", "work in progress", "is ongoing", "in due course", "being finalised"…;
- a promise about the answer itself: the answer's content as subject with a future passive ("the findings
  will be added", "questions will be agreed"), or someone promising to write it ("we will write up the
  findings", "we plan to capture the findings once…"), or writing promised after a condition ("we will
  complete this section after the engagement ends").

Ordinary plans in the future tense ("we will monitor…", "we will provide translated letters", "the bus will
stop outside") have none of these shapes. `promises=False` keeps only placeholders: an action plan is future
by nature.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

PLACEHOLDER, PENDING = "placeholder", "pending"

# The content of an answer (what a promise to write it later talks about).
_CONTENT = (r"(?:(?:the|our|this|these|a|any|full|key|final|further|more|engagement|survey|consultation|detailed|main|duty)\s+)*"
            r"(?:findings?|results?|questions?|rationale|justification|narrative|section|details?|themes?|"
            r"write-?up|responses|summary|answers?|evidence|analysis|key points|text|"
            r"this|it)")
_PP = (r"(?:added|updated|confirmed|completed|provided|written(?: up)?|shared|reported|summari[sz]ed|recorded|"
       r"captured|finali[sz]ed|developed|drafted|included|agreed|decided|determined|populated|inserted|"
       r"copied in|filled in|circulated|analy[sz]ed)")
_VERB = (r"(?:add|update|complete|provide|write(?: up)?|share|report|summari[sz]e|record|capture|finali[sz]e|"
         r"develop|draft|include|agree|decide|populate|insert|fill in|confirm|have|analy[sz]e|feed ?back)")
_FUTURE = r"(?:will|shall|'ll|(?:is|are|am) going to|intend to|plan to|hope to|aim to|expect to|are to)"
_LATER = (r"(?:once|after|when|following|in due course|later|shortly|soon|by the end|nearer the time|"
          r"at a later (?:date|stage)|in the next version|before the)")
_AWAITED = (r"(?:the outcome|outcome|results?|feedback|advice|sign-?off|legal|confirmation|approval|analysis|"
            r"the report|report|a decision|decision|responses|data|the findings|findings|agreement|review)")
_ELSEWHERE = re.compile(r"\b(?:added|included|published)\s+(?:to|in)\s+the\s+(?:\w+\s+){0,2}"
                        r"(?:report|dashboard|plan|newsletter|website|bulletin)\b", re.I)

_PLACEHOLDERS: tuple[tuple[str, re.Pattern[str]], ...] = tuple((name, re.compile(p, re.I)) for name, p in (
    ("[…]", r"\[[^\]\n]{0,60}\]"),
    ("<…>", r"<\s*(?:insert|add|enter|type|name|date|text|tbc|details|findings|narrative|rationale|title|xx)\b"
            r"[^<>\n]{0,40}>"),
    ("{…}", r"\{[^{}\n]{1,40}\}"),
    ("XX", r"(?<![\w£$])(?:X{2,}|x{2,})(?![\w])"),
    ("DD/MM/YYYY", r"\b[dD]{1,2}\s*[/.\-]\s*[mM]{1,2}\s*[/.\-]\s*[yY]{2,4}\b"),
    ("lorem ipsum", r"\blorem ipsum\b"),
    ("… here", r"^\W*(?:add|enter|type|insert|write|put)\b[^.\n]{0,60}\bhere\b"),
    ("draft", r"^\W*draft\s*[-–—:]"),
))
_WHOLE = re.compile(r"^\W*(?:tbc|tba|tbd|n/?a|na|placeholder|to follow|to come|draft|see above|pending|"
                    r"awaited|x+|\?+|\.+|…|-+)\W*$", re.I)

_MARKERS: tuple[tuple[str, re.Pattern[str]], ...] = tuple((name, re.compile(p, re.I)) for name, p in (
    ("TBC", r"\b(?:tbc|tba|tbd)\b"),
    ("to be …", rf"\bto be {_PP}\b"),
    ("to follow", r"\bto follow\b\s*(?:$|[.,;:)–—-]|after|once|when|following|shortly|later)"),
    ("to come", r"\bto come\s*[.!]?\s*$"),
    ("pending", rf"(?:^\W*pending\b|\bpending\s*[.!]?\s*$|\bpending\s+(?:further\s+)?{_AWAITED}|"
                r"\bpending\s+(?:planning|the|completion|sign)\b)"),
    ("awaited", r"\b(?:is|are|being|still)\s+awaited\b|\bawaited\s*[.!]?\s*$"),
    ("awaiting", rf"(?:^\W*awaiting\b|\b(?:is|are|am|currently|still|we are)\s+awaiting\b|\bawaiting\s+{_AWAITED})"),
    ("not yet", r"\bnot\s+yet\b(?!\s+(?:registered|eligible|diagnosed|old enough))"),
    ("not … yet", r"\bnot\s+(?:been\s+)?(?:decided|agreed|finali[sz]ed|confirmed|written|drafted|completed|started|"
                  r"done|held|analy[sz]ed|happened)\s+yet\b"),
    ("not known", r"\b(?:not|un)\s*known\b[^.]{0,25}\b(?:at (?:this|the) (?:stage|moment|time)|at present|yet)\b|"
                  r"^\W*(?:not (?:yet )?known|unknown)\W*$"),
    ("yet to", r"\b(?:is|are|has|have|was|were)\s+(?:still\s+)?yet to\b"),
    ("still …", r"\bstill\s+(?:being|to be|to come|waiting|underway|in progress|in development|in draft|"
                r"under)\b"),
    ("under review", r"\bunder\s+(?:development|review|discussion|consideration|construction)\b"),
    ("in progress", r"\b(?:work|still|currently)\s+in progress\b|^\W*in progress\W*$"),
    ("ongoing", r"\b(?:is|are|remains?)\s+(?:still\s+)?(?:ongoing|underway|on-going)\b"),
    ("in due course", r"\b(?:in due course|at a later (?:date|stage)|nearer the time)\b"),
    ("being …", r"\b(?:is|are|currently|still)\s+(?:currently\s+)?being\s+(?:drafted|developed|finali[sz]ed|"
                r"worked on|sought|analy[sz]ed|prepared|written|agreed|collated|compiled|reviewed|considered)\b"),
    ("… due", rf"\b{_AWAITED}\b[^.]{{0,40}}\b(?:is|are)\s+due\b"),
    ("waiting for", r"\b(?:we are|we're|still|currently)\s+(?:still\s+)?waiting\s+(?:for|on)\b"),
    ("will follow", rf"\b{_CONTENT}\s+(?:will|shall)\s+follow\b"),
    ("will update", r"\bwill\s+(?:update|confirm|follow|add)\s*[.!]?\s*$"),
    ("will be …", rf"^\W*(?:will|to)\s+be\s+{_PP}\b"),
))

# A promise about the answer itself: its content will be written (passive), or someone will write it.
_SUBJECT_PROMISE = re.compile(rf"(?:^\W*|\b){_CONTENT}\s+(?:(?:is|are)\s+)?(?:{_FUTURE}|to)\s+be\s+{_PP}\b",
                              re.I)
_ACTIVE_PROMISE = re.compile(rf"\b(?:we|i|the (?:\w+\s+)?(?:team|lead|group))\s+(?:\w+\s+)?{_FUTURE}\s+"
                             rf"{_VERB}\b(?P<rest>[^.;]*)", re.I)
_CONTENT_NEAR = re.compile(rf"^\s*(?:\S+\s+){{0,3}}?{_CONTENT}\b", re.I)
_CONDITION = re.compile(rf"\b{_LATER}\b", re.I)


@dataclass(frozen=True)
class Verdict:
    """Why a text reads as not finished: the kind, the pattern's name, and the words that showed it."""

    kind: str  # PLACEHOLDER or PENDING
    pattern: str
    words: str


def sentences(text: str) -> Iterator[str]:
    """The sentences (and lines) of a text."""
    for line in text.splitlines():
        for part in re.split(r"(?<=[.!?])\s+(?=[A-Z\"“(\[<{])", line.strip()):
            if part.strip():
                yield part.strip()


def _placeholder(sentence: str) -> Verdict | None:
    if _WHOLE.match(sentence):
        return Verdict(PLACEHOLDER, "whole answer", sentence.strip())
    for name, pattern in _PLACEHOLDERS:
        if found := pattern.search(sentence):
            return Verdict(PLACEHOLDER, name, found.group(0).strip())
    return None


def _promise(sentence: str) -> Verdict | None:
    if _ELSEWHERE.search(sentence):
        return None  # "the findings will be added to the annual report": written somewhere else, later, by design
    for name, pattern in _MARKERS:
        if found := pattern.search(sentence):
            return Verdict(PENDING, name, found.group(0).strip(" .,;"))
    if found := _SUBJECT_PROMISE.search(sentence):
        return Verdict(PENDING, "content will be …", found.group(0).strip(" .,;:"))
    for found in _ACTIVE_PROMISE.finditer(sentence):
        rest = found.group("rest")
        if _CONTENT_NEAR.search(rest) or _CONDITION.search(rest):
            return Verdict(PENDING, "we will write …", found.group(0).strip(" .,;"))
    return None


# Every pattern above needs one of these words or signs; a sentence with none is finished (checked first for speed).
_ANY_CUE = re.compile(r"will|shall|'ll|going to|intend|plan|hope|aim to|expect|are to|to be|tb[cad]|pending|"
                      r"await|yet|still|under|progress|ongoing|on-going|underway|due\b|course|later|being|waiting|"
                      r"follow|to come|known|[\[<{]|xx|\bd{1,2}\s*[/.\-]|lorem|here|draft|placeholder|^\W*\w{0,3}\W*$",
                      re.I)


def classify_sentence(sentence: str, promises: bool = True) -> Verdict | None:
    """The verdict on one sentence (None when it reads as a finished answer)."""
    if not _ANY_CUE.search(sentence) and not _WHOLE.match(sentence):
        return None
    return _placeholder(sentence) or (_promise(sentence) if promises else None)


def not_final(text: str, promises: bool = True) -> Verdict | None:
    """The first sentence of a text that is a placeholder or says the answer is still to come, if any."""
    for sentence in sentences(text or ""):
        if verdict := classify_sentence(sentence, promises):
            return verdict
    return None
