"""The easy-read summary's first draft, made from the answers: what is changing, who it affects and how,
what we will do about it, who to contact.

Short sentences (under 15 words where the answers allow: long ones are split at semicolons, colons, dashes
and ", and"/", but" joins, and brackets are dropped), one idea per line, lists as bullet points. The lead
reads the score and edits the draft before it is exported; this is only where the writing starts.
"""

from __future__ import annotations

import re

from idmf.domain.assessment import Assessment
from idmf.domain.publishing import BULLET, EasyRead
from idmf.domain.questions import CHANGES, LEAD, ORGANISATION, SUMMARY
from idmf.domain.readability import LONG_SENTENCE, sentences, words
from idmf.export import findings as facts
from idmf.forms.schema import FormDefinition

MAX_SENTENCES = 3  # of an answer quoted in one part
# Where a long sentence may be split, in order of preference: (separator, what starts the second half).
_SPLITS = (("; ", ""), (": ", ""), (" – ", ""), (" — ", ""), (", and ", ""), (", but ", "But "), (", so ", "So "),
           (", while ", "And "), (", which ", "This "),
           (", where ", "There "), (" and are ", "They are "), (" and is ", "It is "), (" and have ", "They have "),
           (" and has ", "It has "))
_BRACKETS = re.compile(r"\s*\([^()]*\)")
SHORTEST_PART = 4  # words: a split never leaves a fragment shorter than this
# Plainer words for the officialese that answers are written in (after the Plain English Campaign's
# A to Z of alternative words), only where the plain word fits the same place in the sentence; whole
# words only, keeping a capital first letter.
PLAINER = {
    "additional": "extra", "approximately": "about", "assist": "help", "commence": "start", "facilitate": "help",
    "in order to": "to", "individuals": "people", "mitigate": "reduce", "obtain": "get", "prior to": "before",
    "regarding": "about", "require": "need", "requires": "needs", "residents": "people", "sufficient": "enough",
    "utilise": "use", "differential": "different", "in relation to": "about", "with regard to": "about",
}
_PLAINER = re.compile(r"\b(" + "|".join(sorted(map(re.escape, PLAINER), key=len, reverse=True)) + r")\b",
                      re.IGNORECASE)


def _sentence(text: str) -> str:
    text = text.strip().rstrip(",;:")
    if not text:
        return ""
    text = text[0].upper() + text[1:]
    return text if text[-1] in ".!?" else text + "."


def _split(sentence: str, limit: int) -> list[str]:
    head, found, tail = sentence.partition("; ")  # one idea per sentence, however short
    if found and len(words(head)) >= SHORTEST_PART and len(words(tail)) >= SHORTEST_PART:
        return _split(_sentence(head), limit) + _split(_sentence(tail), limit)
    if len(words(sentence)) <= limit:
        return [sentence]
    for separator, opening in _SPLITS:
        head, found, tail = sentence.partition(separator)
        if found and len(words(head)) >= SHORTEST_PART and len(words(tail)) >= SHORTEST_PART:
            return _split(_sentence(head), limit) + _split(_sentence(opening + tail), limit)
    return [sentence]


def plainer(text: str) -> str:
    """Text with officialese swapped for plain words ('approximately' → 'about')."""
    def swap(match: re.Match[str]) -> str:
        word = PLAINER[match.group(0).lower()]
        return word[0].upper() + word[1:] if match.group(0)[0].isupper() else word
    return _PLAINER.sub(swap, text)


def plain_sentences(text: str, limit: int = LONG_SENTENCE) -> list[str]:
    """The sentences of an answer in plainer words without brackets, long ones split at natural breaks."""
    plain = plainer(_BRACKETS.sub("", text))
    return [part for found in sentences(plain) for part in _split(_sentence(found), limit)]


def first_sentence(text: str) -> str:
    """The first sentence of a text ('' when it has none)."""
    found = sentences(text)
    return found[0] if found else ""


def _bullets(items: list[str]) -> list[str]:
    return [f"{BULLET}{_sentence(item).rstrip('.')}" for item in items if item.strip()]


def _what_is_changing(form: FormDefinition, item: Assessment) -> str:
    quoted = plain_sentences(facts.text_of(form, item, CHANGES)) or plain_sentences(facts.text_of(form, item, SUMMARY))
    lines = quoted[:MAX_SENTENCES]
    _full, short = facts.decision(form, item)
    if short:
        lines.append(f"We decided to {short[0].lower()}{short[1:]}.")
    return "\n".join(lines)


def _who_it_affects(form: FormDefinition, item: Assessment) -> str:
    yes, maybe = facts.impacted_groups(form, item)
    found = facts.findings(form, item)
    lines = (["This change affects:"] + _bullets(yes) if yes else []) + \
            (["It may also affect:"] + _bullets(maybe) if maybe else [])
    harder = [f for f in found if f.impact.negative]
    characteristics = [f.label.lower() for f in harder if f.protected]
    if characteristics:
        lines.append(f"It could be harder for some people because of their {facts.joined(characteristics, 'or')}.")
    groups = [f.label for f in harder if not f.protected]
    if groups:
        lines += ["It could also be harder for:"] + _bullets(groups)
    how = [plain_sentences(first_sentence(f.impact.narrative)) for f in harder]  # why; what is done comes later
    if any(how):
        lines += ["This is because:"] + _bullets([" ".join(s) for s in how if s])
    better = facts.labels_rated(found, "positive")
    if better:
        lines += ["It could be better for:"] + _bullets(better)
    if found and not harder:
        lines.append("We did not find that the change is worse for any group of people.")
    return "\n".join(lines)


def _what_we_will_do(item: Assessment) -> str:
    lines = []
    actions = [row for row in item.action_plan() if row.action.strip()]
    if actions:
        lines.append("We will:")
        for row in actions:
            when = f" By {facts.long_date(row.target_date)}." if row.target_date else ""
            lines += _bullets([" ".join(plain_sentences(row.action)) + when])
    lines.append("We will check how the change affects different groups of people.")
    if item.review_date:
        lines.append(f"We will look at this again by {facts.long_date(item.review_date)}.")
    return "\n".join(lines)


def _who_to_contact(form: FormDefinition, item: Assessment, names: bool) -> str:
    organisation = facts.text_of(form, item, ORGANISATION)
    lead = facts.text_of(form, item, LEAD) if names else ""
    lines = [f"Contact {lead}." if lead else f"Contact {organisation or 'us'}."]
    if lead and organisation:
        lines.append(f"{organisation}.")
    lines.append("Ask us if you need this in another format, like large print or another language.")
    return "\n".join(lines)


def draft(form: FormDefinition, item: Assessment, *, names: bool = True) -> EasyRead:
    """A first easy-read draft from the answers (`names=False` leaves the lead's name out of the contact)."""
    return EasyRead(what_is_changing=_what_is_changing(form, item), who_it_affects=_who_it_affects(form, item),
                    what_we_will_do=_what_we_will_do(item), who_to_contact=_who_to_contact(form, item, names))
