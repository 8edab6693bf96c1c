"""How easy a text is to read: the Flesch–Kincaid grade and Flesch reading ease, and the long sentences.

Both formulas (Flesch 1948; Kincaid et al. 1975) are the ones Word's own readability statistics, the
Plain English Campaign and most NHS content teams quote, so the score means the same to the lead as it
does to the communications team that checks the easy-read version:

    reading ease = 206.835 − 1.015 × (words ÷ sentences) − 84.6 × (syllables ÷ words)
    grade        = 0.39 × (words ÷ sentences) + 11.8 × (syllables ÷ words) − 15.59

Implemented here rather than taken from `textstat`: textstat downloads the CMU pronouncing dictionary
through nltk the first time it counts syllables (the app works offline, behind NHS proxies), brings nltk
into the installer, and its sentence splitter breaks "94.3%" and "e.g." into sentences. Syllables are
counted by the usual vowel-group rule with the common English exceptions (silent final e, -ed, -es, -le);
tests/domain/test_readability.py checks it against hand-counted words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

LONG_SENTENCE = 15  # words: easy-read guidance asks for sentences shorter than this
# The threshold a summary must score below before it is published: Flesch–Kincaid grade 8 (reading age 13),
# the usual ceiling for plain English (reading ease about 60). Easy read at its best is grade 6 or lower
# (reading age 11), which the summary names as the aim; the lead gets there by editing the long sentences.
GRADE_TARGET = 8.0
EASY_READ_GRADE = 6.0

_ABBREVIATIONS = ("e.g", "i.e", "etc", "dr", "mr", "mrs", "ms", "prof", "st", "no", "vs", "approx", "inc")
_WORD = re.compile(r"\d+(?:[.,:/]\d+)*%?|[^\W\d_]+(?:['’\-][^\W\d_]+)*")
# A sentence ends at . ! ? followed by space (or the end), except after an abbreviation; a line ends one too.
_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+")
_VOWELS = re.compile(r"[aeiouy]+")
_SUFFIX = re.compile(r"(?:ly|ful|ment|ness|less)$")
_SPLIT_VOWELS = re.compile(r"(?<![tscg])i[ao]")  # "media", "ratio": two syllables (not "-tion", "social")


def words(text: str) -> list[str]:
    """The words of a text (a number such as 94.3% or 5,200 is one word; day-case is one word)."""
    return _WORD.findall(text)


def _ends_sentence(piece: str) -> bool:
    tail = piece.rstrip("\"'”’)").rstrip(".!?").split()
    return not tail or tail[-1].lower().strip("(") not in _ABBREVIATIONS


def sentences(text: str) -> list[str]:
    """The sentences of a text: split at . ! ? (not after 'e.g.', 'Dr.'…) and at line ends (bullets, headings)."""
    found: list[str] = []
    for line in text.splitlines():
        line = line.strip().lstrip("•-*").strip()
        pending = ""
        for piece in _END.split(line):
            pending = f"{pending} {piece}".strip() if pending else piece
            if _ends_sentence(pending):
                found.append(pending)
                pending = ""
        if pending:
            found.append(pending)
    return [s for s in found if words(s)]


def syllables(word: str) -> int:
    """The syllables of one word by the vowel-group rule (a number counts one per two digits)."""
    digits = re.sub(r"\D", "", word)
    if digits:
        return 1 + (len(digits) - 1) // 2
    return sum(_word_syllables(part) for part in re.split(r"[\-’']", word.lower()) if part)


def _word_syllables(word: str) -> int:
    word = re.sub(r"[^a-z]", "", word)
    if len(word) <= 3:
        return 1
    suffix = _SUFFIX.search(word)
    if suffix and len(word) - len(suffix.group(0)) >= 2:  # "likely", "statement": the stem's final e is silent
        return _word_syllables(word[:suffix.start()]) + 1
    if word.endswith("le") and len(word) > 2 and word[-3] not in "aeiouy":
        count = 1  # "table", "people": the final -le is its own syllable
        word = word[:-2]
    else:
        count = 0
        word = re.sub(r"(?:[^laeiouy]es|[^td]ed|[^l]e)$", lambda m: m.group(0)[0], word)
    count += len(_VOWELS.findall(word)) + len(_SPLIT_VOWELS.findall(word))
    return max(1, count)


@dataclass(frozen=True)
class Readability:
    """The scores of one text, and its sentences longer than LONG_SENTENCE words."""

    sentences: int
    words: int
    syllables: int
    grade: float  # Flesch–Kincaid grade level (lower is easier)
    reading_ease: float  # Flesch reading ease, 0–100 (higher is easier)
    long_sentences: tuple[str, ...]

    @property
    def reading_age(self) -> int:
        """The UK reading age the grade corresponds to (grade + 5, at least 5)."""
        return max(5, round(self.grade) + 5)

    @property
    def meets_target(self) -> bool:
        """Whether the text scores below the easy-read target grade."""
        return self.words > 0 and self.grade < GRADE_TARGET

    def summary(self) -> str:
        """The score in words, as the lead sees it."""
        if not self.words:
            return "There is no text to score yet."
        if self.grade <= EASY_READ_GRADE:
            verdict = "easy to read"
        elif self.meets_target:
            verdict = f"plain English, but easy read works best at grade {EASY_READ_GRADE:g} or lower"
        else:
            verdict = f"too hard for a public summary (it must score below grade {GRADE_TARGET:g})"
        long = len(self.long_sentences)
        extra = f" {long} sentence{'s are' if long != 1 else ' is'} longer than {LONG_SENTENCE} words." if long else ""
        return (f"Reading grade {self.grade:.1f} (reading age about {self.reading_age}), reading ease "
                f"{self.reading_ease:.0f} out of 100: {verdict}.{extra}")


def score(text: str) -> Readability:
    """Flesch–Kincaid grade, Flesch reading ease and the long sentences of a text."""
    found = sentences(text)
    counted = [words(s) for s in found]
    total_words = sum(len(w) for w in counted)
    total_syllables = sum(syllables(w) for ws in counted for w in ws)
    long = tuple(s for s, w in zip(found, counted) if len(w) > LONG_SENTENCE)
    if not total_words:
        return Readability(0, 0, 0, 0.0, 0.0, ())
    per_sentence, per_word = total_words / len(found), total_syllables / total_words
    grade = 0.39 * per_sentence + 11.8 * per_word - 15.59
    ease = 206.835 - 1.015 * per_sentence - 84.6 * per_word
    return Readability(len(found), total_words, total_syllables, round(grade, 1), round(ease, 1), long)
