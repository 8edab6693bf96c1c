"""Plain-text heuristics the readiness rules share: mitigation words, "to be added later" phrases,
placeholder dates, the words that name each group, and near-identical narratives.

They are deliberately simple and listed here as data, so the EDI team can tune them in one place.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from typing import Iterable

from idmf.domain.questions import (IH_DEPRIVATION, PC_AGE, PC_DISABILITY, PC_GENDER_REASSIGNMENT, PC_MARRIAGE,
                                   PC_PREGNANCY, PC_RACE, PC_RELIGION, PC_SEX, PC_SEXUAL_ORIENTATION)

# Word lists: an entry ending in "*" matches any word starting with it ("reduc*": reduce, reduction);
# any other entry matches whole words only (a trailing "s" allowed), so "sex" does not match "Essex".

# A narrative mentioning one of these says how a negative impact will be reduced.
MITIGATION_WORDS = (
    "mitigat*", "minimis*", "minimiz*", "reduc*", "lessen*", "alleviat*", "offset*", "compensat*", "overcom*",
    "address*", "reasonable adjustment", "remove barrier", "removing barrier", "put in place", "will provide",
    "will offer", "will ensure", "will be offered", "will be provided", "support*", "alternative*",
    "interpret*", "translat*", "accessib*", "adapt*", "outreach", "action plan", "safeguard*",
)

# Findings that still say they will come later.
PENDING_PHRASES = (
    "to be added", "to be confirmed", "to be completed", "to be updated", "to be determined", "to follow",
    "after engagement", "after the engagement", "once engagement", "pending", "awaiting", "will be added",
    "will be updated", "will be completed", "not yet", "tbc", "tba", "tbd",
)

# Placeholder text left in date cells of the Word template.
_PLACEHOLDER_DATE = re.compile(r"^(?:[dmy]{1,4}[/.\- ]*){2,3}$|^(?:tbc|tba|tbd|n/?a|ongoing|\?+|-+|x+)$",
                               re.IGNORECASE)

# Words that, found in an action or the engagement plan, refer to a protected characteristic or deprivation.
GROUP_WORDS: dict[str, tuple[str, ...]] = {
    PC_AGE: ("age", "aged", "older", "elderly", "young", "younger", "youth", "child*", "teen*", "adolescen*",
             "pensioner", "over 65"),
    PC_DISABILITY: ("disab*", "wheelchair", "mobility", "deaf", "hard of hearing", "blind", "partially sighted",
                    "sensory", "autis*", "mental health", "long term condition", "reasonable adjustment",
                    "accessib*", "bsl", "easy read", "hearing loop", "send", "special educational", "special school*",
                    "impair*", "visual*", "sight*", "neurodiver*"),
    PC_SEXUAL_ORIENTATION: ("sexual orientation", "lgb*", "gay", "lesbian", "bisexual", "asexual", "pansexual",
                            "same sex"),
    PC_GENDER_REASSIGNMENT: ("gender reassignment", "gender identity", "trans", "transgender", "non binary",
                             "nonbinary", "gender diverse", "unisex"),
    PC_SEX: ("sex", "male", "female", "men", "women", "boy", "girl", "gender"),
    PC_RACE: ("race", "racial", "ethnic*", "bame", "black", "asian", "minorit*", "language", "interpret*",
              "translat*", "nationalit*", "cultur*", "migrant"),
    PC_RELIGION: ("religio*", "belief", "faith", "prayer", "ramadan", "church*", "mosque", "temple",
                  "gurdwara", "synagogue"),
    PC_PREGNANCY: ("pregnan*", "maternity", "antenatal", "postnatal", "breastfe*", "new mother", "parental leave",
                   "expectant"),
    PC_MARRIAGE: ("marriage", "married", "civil partner*", "spouse", "partnership"),
    IH_DEPRIVATION: ("depriv*", "low income", "poverty", "core20*", "imd", "homeless*", "rural", "travel cost",
                     "cost of travel", "digital exclusion", "digitally excluded"),
}

# Words too common to identify a typed-in group on their own.
_STOP = {"people", "person", "with", "from", "that", "this", "those", "their", "experiencing", "community",
         "communities", "group", "groups", "other", "living", "contact", "and", "the", "who", "are", "have",
         "including", "system", "after", "under", "over", "into", "within", "such"}


def normalise(text: str) -> str:
    """Lower case with runs of space and punctuation collapsed (for comparisons)."""
    return re.sub(r"[\W_]+", " ", text.lower()).strip()


def mentions(text: str, words: Iterable[str]) -> str | None:
    """The first word (matched at the start of a word) that the text mentions, or None."""
    plain = normalise(text)
    for word in words:
        stem = re.escape(normalise(word.rstrip("*")))
        tail = "" if word.endswith("*") else r"s?\b"
        if re.search(rf"\b{stem}{tail}", plain):
            return word.rstrip("*")
    return None


def pending_phrase(text: str) -> str | None:
    """The 'will be added later' phrase a text contains, if any."""
    return mentions(text, PENDING_PHRASES)


def words_for_group(question_id: str, name: str) -> tuple[str, ...]:
    """Words that refer to a group: the built-in list for known ids, plus the telling words of its name."""
    own = tuple(f"{w[:-1]}*" if w.endswith("s") and not w.endswith("ss") else w
                for w in normalise(name).split() if len(w) > 3 and w not in _STOP)
    return GROUP_WORDS.get(question_id, ()) + own


def is_placeholder_date(text: str) -> bool:
    """True for 'DD/MM/YYYY', 'TBC', '?' and other text that is not a date."""
    return bool(_PLACEHOLDER_DATE.match(text.strip()))


def parse_date(value: object) -> dt.date | None:
    """A date from a date, an ISO string or 'DD/MM/YYYY' (None when it is not a real date)."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    for fmt in ("%Y-%m-%d", "%d/%m/%Y", "%d/%m/%y", "%d-%m-%Y", "%d.%m.%Y"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def near_identical(texts: list[str], threshold: float = 0.85) -> bool:
    """True when every text is the same as, or nearly the same as, the first (difflib ratio)."""
    plain = [normalise(t) for t in texts]
    if not plain or not plain[0]:
        return False
    return all(difflib.SequenceMatcher(None, plain[0], other).ratio() >= threshold for other in plain[1:])
