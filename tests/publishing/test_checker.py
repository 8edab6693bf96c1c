"""The structure checker finds each problem it promises to find, on pages written to break one rule each."""

from __future__ import annotations

import pytest

from idmf.export.html.checker import check_html, main

GOOD_BODY = """<a class="skip-link" href="#main">Skip</a><header><h1>Title</h1></header>
<nav aria-label="Contents"><a href="#s1">Section</a></nav>
<main id="main"><h2 id="s1">Section</h2><h3>Part</h3>
<table><caption>People</caption><thead><tr><th scope="col">Group</th><th scope="col">Answer</th></tr></thead>
<tbody><tr><th scope="row">Staff</th><td><span aria-hidden="true">☒</span> Yes</td></tr></tbody></table>
<img src="chart.png" alt="Bar chart of ages"></main><footer><p>Version 1</p></footer>"""


def page(body: str = GOOD_BODY, lang: str = ' lang="en-GB"', title: str = "A page") -> str:
    return f'<!DOCTYPE html><html{lang}><head><title>{title}</title></head><body>{body}</body></html>'


def test_a_good_page_has_no_problems():
    assert check_html(page()) == []


@pytest.mark.parametrize("html, rule, words", [
    (page(lang=""), "lang", "does not say the page is in English"),
    (page(title=""), "lang", "no title"),
    (page(GOOD_BODY.replace('<main id="main">', "<div>").replace("</main>", "</div>")), "landmarks", "0 main"),
    (page(GOOD_BODY.replace("<header>", "<div>").replace("</header>", "</div>")), "landmarks", "no banner"),
    (page(GOOD_BODY.replace("<footer>", "<div>").replace("</footer>", "</div>")), "landmarks", "no contentinfo"),
    (page(GOOD_BODY.replace(' aria-label="Contents"', "")), "landmarks", "a nav has no name"),
    (page(GOOD_BODY + "<p>Loose paragraph</p>"), "landmarks", "<p> is outside every landmark"),
    (page(GOOD_BODY.replace("<h3>Part</h3>", "<h1>Again</h1>")), "headings", "2 h1 headings"),
    (page(GOOD_BODY.replace("<h3>Part</h3>", "<h4>Part</h4>")), "headings", "h4 'Part' follows h2"),
    (page(GOOD_BODY.replace("<h3>Part</h3>", "<h3> </h3>")), "headings", "an empty h3"),
    (page(GOOD_BODY.replace("<caption>People</caption>", "")), "table headers", "has no caption"),
    (page(GOOD_BODY.replace(' scope="row"', "")), "table headers", "has no scope"),
    (page(GOOD_BODY.replace("<th ", "<td ").replace("</th>", "</td>")), "table headers", "no header cells"),
    (page(GOOD_BODY.replace(' alt="Bar chart of ages"', "")), "alt text", "'chart.png' has no alt attribute"),
    (page(GOOD_BODY.replace("</main>", '<svg role="img"></svg></main>')), "alt text", "no accessible name"),
    (page(GOOD_BODY.replace('<span aria-hidden="true">☒</span>', "☒")), "ticks", "not hidden from screen readers"),
    (page(GOOD_BODY.replace('href="#s1"', 'href="#nowhere"')), "links", "'#nowhere' leads nowhere"),
    (page(GOOD_BODY.replace('<h3>Part</h3>', '<h3 id="s1">Part</h3>')), "links", "'s1' is used more than once"),
])
def test_each_rule_catches_its_problem(html, rule, words):
    problems = check_html(html)
    assert any(p.startswith(f"{rule}:") and words in p for p in problems), problems


def test_the_command_line_names_each_problem(tmp_path, capsys):
    good, bad = tmp_path / "good.html", tmp_path / "bad.html"
    good.write_text(page(), encoding="utf-8")
    bad.write_text(page(lang=""), encoding="utf-8")
    assert main([str(good)]) == 0
    assert main([str(good), str(bad)]) == 1
    out = capsys.readouterr().out
    assert f"{good}: no problems found" in out and f"{bad}: lang:" in out
