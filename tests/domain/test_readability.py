"""The readability score: the published formulas on counts checked by hand, and the edge cases of real text."""

from __future__ import annotations

import pytest

from idmf.domain.readability import GRADE_TARGET, LONG_SENTENCE, score, sentences, syllables, words

# Hand-counted syllables (a dictionary's hyphenation), the kind of words the answers use.
HAND_COUNTED = {"the": 1, "change": 1, "people": 2, "hospital": 3, "transport": 2, "every": 3, "operations": 4,
                "unit": 2, "planned": 1, "wanted": 2, "table": 2, "make": 1, "media": 3, "social": 2,
                "nation": 2, "carers": 2, "travel": 2, "because": 2, "decided": 3, "likely": 2, "safely": 2,
                "community": 4, "appointment": 3, "equality": 4, "surgery": 3, "village": 2, "letters": 2,
                "translations": 3, "deprived": 2, "families": 3, "escort": 2, "morning": 2, "assessment": 3}


def test_syllables_match_hand_counts_for_nearly_every_word():
    wrong = {w: syllables(w) for w, n in HAND_COUNTED.items() if syllables(w) != n}
    assert len(wrong) <= len(HAND_COUNTED) // 10, wrong  # the vowel-group rule is right at least 9 times in 10


def test_the_formulas_on_a_text_counted_by_hand():
    # 2 sentences, 9 words, 10 syllables ("happy" has two).
    result = score("The cat sat on the mat. It was happy.")
    assert (result.sentences, result.words, result.syllables) == (2, 9, 10)
    assert result.grade == pytest.approx(0.39 * 9 / 2 + 11.8 * 10 / 9 - 15.59, abs=0.05)
    assert result.reading_ease == pytest.approx(206.835 - 1.015 * 9 / 2 - 84.6 * 10 / 9, abs=0.05)


def test_sentences_do_not_break_at_decimals_or_abbreviations_but_at_line_ends():
    text = "We will help, e.g. with transport. Dr. Smith said 94.3% agreed.\n• A bullet\nIs it? Yes!"
    assert sentences(text) == ["We will help, e.g. with transport.", "Dr. Smith said 94.3% agreed.", "A bullet",
                               "Is it?", "Yes!"]
    assert words("5,200 day-case patients, 94.3%") == ["5,200", "day-case", "patients", "94.3%"]


def test_long_sentences_are_listed_and_hard_text_misses_the_target():
    long = ("The commissioning organisation's comprehensive reconfiguration programme necessitates "
            "substantial additional infrastructural investment, consequently precipitating considerable "
            "organisational uncertainty regarding accessibility.")
    result = score(f"{long}\nWe will help you.")
    assert result.long_sentences == (long,) and len(words(long)) > LONG_SENTENCE
    assert result.grade > GRADE_TARGET and not result.meets_target
    assert "too hard for a public summary" in result.summary() and "1 sentence is longer" in result.summary()
    easy = score("We will help you. You can ask us. We will write back.")
    assert easy.meets_target and "easy to read" in easy.summary()
    plain = score("We are not opening the new unit. You will have your operation at another hospital in the city.")
    assert plain.meets_target and "easy read works best at grade 6 or lower" in plain.summary()


def test_no_text_has_no_score():
    result = score("  \n• \n")
    assert result.words == 0 and not result.meets_target
    assert result.summary() == "There is no text to score yet."
