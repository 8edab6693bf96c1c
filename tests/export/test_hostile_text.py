"""Whatever a user types (or pastes), the export succeeds, the document opens and holds the text."""

from __future__ import annotations

import logging

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from idmf.domain import Assessment, is_blank
from idmf.export import read_embedded_json
from idmf.export.sanitize import clean, lines
from idmf.forms import FormRegistry
from idmf.interchange import jsonio

HOSTILE = ["<", ">", "&", "&amp;", "]]>", "<w:t>x</w:t>", "<p style=\"Title\">", "{{ x }}", "{% if x %}", "{# c #}",
           "{{", "}}", "\x00", "\x01", "\x08", "\x0b", "\x0c", "\x1f", "\x7f", "\ufffe", "\uffff", "\ud800",
           "\udfff", "\ud83d", "\r\n", "\r", "\n", "\n\n", "\t", "'", '"', "مرحبا بالعالم", "\u202e", "\u200f",
           "שלום", "🙂", "👩🏽‍⚕️", "🏳️‍⚧️", "ß漢", " "]

fragment = st.one_of(st.sampled_from(HOSTILE), st.text(max_size=20),
                     st.characters(min_codepoint=0, max_codepoint=0x10FFFF))
HUGE = "{{ x }}<&>\x00\ud800🙂\u202e\n" * 6_700 + "end"  # 100k characters, 6,700 lines
hostile_text = st.lists(fragment, max_size=30).map("".join)


def _words(text: str) -> list[str]:
    return "\n".join(lines(text)).split()


def _holds(exported_text: str, text: str) -> bool:
    """The text's words, in order and together, among the document's (paragraphs, cells of pasted tables)."""
    wanted, words = _words(text), exported_text.split()
    return any(words[i:i + len(wanted)] == wanted for i in range(len(words) - len(wanted) + 1))


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@example(summary=HUGE, title=HUGE, narrative=HUGE, cell=HUGE)
@example(summary="{{ 7*7 }}", title="{% if x %}\u202eשלום{% endif %}", narrative="🏳️‍⚧️\ud83d", cell="<b>&</b>\x0b")
@given(summary=hostile_text, title=hostile_text, narrative=hostile_text, cell=hostile_text)
def test_hostile_text_is_exported_and_kept(form, export, summary, title, narrative, cell):
    item = Assessment.new(form)
    item.set_answer(form, "title", title)
    item.set_answer(form, "summary", summary)
    item.set_answer(form, "lead", cell)
    item.set_answer(form, "pc_race", {"negative": True, "narrative": narrative})
    item.set_answer(form, "ih_groups", [{"name": cell, "impact": {"neutral": True, "narrative": narrative}}])
    item.set_answer(form, "action_plan", [{"action": cell, "lead": title, "outcome": summary}])
    # The domain already made the text well-formed Unicode (lone surrogates -> U+FFFD); that is "as typed".
    summary, title, cell = item.text("summary"), item.title, item.text("lead")
    narrative = item.impact("pc_race").narrative
    exported = export(item, "hostile.docx")
    for text in (summary, narrative, cell):
        if not is_blank(text):
            assert _holds(exported.text, text)
    if not is_blank(title):
        assert clean(title) in exported.header
    back = jsonio.loads(read_embedded_json(exported.path), FormRegistry.of(form))
    assert back.answers == item.answers  # the embedded JSON keeps exactly what was typed


def test_removed_characters_are_logged_not_fatal(form, export, caplog):
    item = Assessment.new(form, "Clinic\x00 list\ud800")
    with caplog.at_level(logging.WARNING, logger="idmf.export"):
        exported = export(item)
    assert "Clinic list" in exported.text
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert warnings == ["Word export: removed 1 character(s) that a Word document cannot hold from answer 'title' "
                        "(control characters or broken Unicode)."]
    assert item.title == "Clinic\x00 list\ufffd"  # the export leaves the assessment as stored
