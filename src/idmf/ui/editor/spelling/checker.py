"""The spell checker itself (no Qt): Hunspell, the en_GB dictionary in resources/dictionaries, and the words
the user added, kept one a line in `spelling-words.txt` in their data folder.

Hunspell (through the chunspell wheels, built for Windows, macOS and Linux with the library inside) is the
checker LibreOffice and Firefox use; the dictionary is LibreOffice's British English one (LGPL, see
resources/dictionaries/README_en_GB.txt), shipped with the app so checking works offline and in the bundle.
"""

from __future__ import annotations

import logging
import re
import time
from pathlib import Path

from idmf.paths import data_dir, resources_dir

log = logging.getLogger(__name__)

LANGUAGE = "en_GB"
USER_WORDS_FILE = "spelling-words.txt"
MAX_SUGGESTIONS = 6
# After a failed load (a virus scanner holding the dictionary file, a half-finished update), the next use this much
# later tries again: spell checking comes back without a restart, and a broken install is not retried per text box.
RETRY_AFTER_S = 60.0
# A word: letters, with inner apostrophes (don't, patients’); digits and hyphens split words.
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


def _only(words: list[str]) -> re.Pattern:
    """A pattern matching these words as whole words (not inside a longer word), longest first."""
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![^\W\d_])(?<![^\W\d_]['’])(?:{alternatives})(?![^\W\d_]|['’][^\W\d_])")


def _is_exempt(word: str) -> bool:
    """Words never flagged: acronyms and their plurals (ICB, EDI, LSOAs) and single letters."""
    return len(word) < 2 or (word[:-1] if word.endswith("s") else word).isupper()


class SpellChecker:
    """Checks words and suggests corrections; remembers each word's verdict (a long answer re-checks fast)."""

    def __init__(self, dictionary_dir: Path, user_words: Path | None = None) -> None:
        import hunspell  # the chunspell wheel's module

        # UTF-8 paths: on Windows chunspell then gives Hunspell a \\?\ path it opens as wide characters, so an
        # install folder under a user name such as "Zoë" still loads (the code page would fail on it).
        self._hunspell = hunspell.Hunspell(LANGUAGE, hunspell_data_dir=str(dictionary_dir), system_encoding="UTF-8")
        self._user_words = user_words
        self._verdicts: dict[str, bool] = {}
        for word in self.user_words():
            self._hunspell.add(word)

    @property
    def user_words_path(self) -> Path:
        """The user's word list: the given file, else spelling-words.txt in the data folder of the moment."""
        return self._user_words or data_dir() / USER_WORDS_FILE

    def user_words(self) -> list[str]:
        """The words the user added, in the order they were added (none when the list cannot be read)."""
        try:
            text = self.user_words_path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return []
        except (OSError, UnicodeError):  # a locked or unreadable data folder must not turn spell checking off
            log.warning("The words added to the spelling dictionary could not be read", exc_info=True)
            return []
        return [line.strip() for line in text.splitlines() if line.strip()]

    def is_correct(self, word: str) -> bool:
        """Whether a word is spelt right (British English, or added by the user)."""
        verdict = self._verdicts.get(word)
        if verdict is None:
            verdict = _is_exempt(word) or bool(self._hunspell.spell(word.replace("’", "'")))
            self._verdicts[word] = verdict
        return verdict

    def misspelt(self, text: str) -> list[tuple[int, int]]:
        """(start, length) of every misspelt word in a text."""
        # Each distinct word is judged once (a 5,000-character paragraph is re-checked on every key press),
        # and only the misspelt ones are then looked for, by one pattern scanned in C.
        wrong = [word for word in set(WORD.findall(text)) if not self.is_correct(word)]
        if not wrong:
            return []
        return [(m.start(), m.end() - m.start()) for m in _only(wrong).finditer(text)]

    def suggestions(self, word: str) -> list[str]:
        """Likely corrections, best first (at most MAX_SUGGESTIONS)."""
        return list(self._hunspell.suggest(word.replace("’", "'")))[:MAX_SUGGESTIONS]

    def add_word(self, word: str) -> None:
        """Accept a word from now on, here and in later sessions (kept in the user's data folder).

        Raises OSError when the word list cannot be written: the word is accepted until the app closes.
        """
        word = word.strip()
        if not word:
            return
        self._hunspell.add(word)
        self._verdicts[word] = True
        if word in self.user_words():
            return
        path = self.user_words_path
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as file:
            file.write(word + "\n")


class _Shared:
    """The app's one checker, or when the last attempt to load it failed (a monotonic time)."""

    checker: SpellChecker | None = None
    failed_at: float | None = None


_shared = _Shared()
_clock = time.monotonic


def shared_checker() -> SpellChecker | None:
    """The app's one checker, loaded on first use (about 0.1 s); None while it cannot load (logged, and tried
    again on a use RETRY_AFTER_S later)."""
    if _shared.checker is None and not load_failed():
        try:
            _shared.checker = SpellChecker(resources_dir() / "dictionaries")
            _shared.failed_at = None
        except Exception:  # noqa: BLE001 - no spell check is better than no editor; the self-test reports it
            log.exception("Spell checking is off: the checker or its dictionary could not be loaded")
            _shared.failed_at = _clock()
    return _shared.checker


def spelling_loaded() -> bool:
    """Whether the dictionary is loaded already (new text boxes then check their spelling at once)."""
    return _shared.checker is not None


def load_failed() -> bool:
    """Whether the last attempt to load the checker failed less than RETRY_AFTER_S ago."""
    return _shared.failed_at is not None and _clock() - _shared.failed_at < RETRY_AFTER_S


def forget_shared_checker() -> None:
    """Drop the loaded checker and any failure: the next use loads it again (the dictionary or word list changed)."""
    _shared.checker = None
    _shared.failed_at = None
