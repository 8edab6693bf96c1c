"""axe-core in a real headless Chromium finds no WCAG 2.2 A/AA (or best-practice) violation in the web pages.

Skipped, saying what is missing, where Chromium, ChromeDriver, selenium or axe-core is not installed; CI
installs them (.ci/run). The structure checks in tests/publishing run everywhere.
"""

from __future__ import annotations

import pytest

from tools import browser

WHY_NOT = browser.missing()
pytestmark = pytest.mark.skipif(WHY_NOT is not None, reason=f"no browser check: {WHY_NOT}")


@pytest.fixture(scope="module")
def driver():
    chromium = browser.start()
    yield chromium
    chromium.quit()


def _assert_clean(driver, page):
    violations = browser.axe_violations(driver, page)
    assert violations == [], "\n".join(f"{v['id']} ({v['impact']}): {v['help']} — {v['nodes'][:2]}"
                                       for v in violations)


def test_the_signed_off_example_page(driver, context, signed_example, tmp_path):
    assessment_id, _fingerprint = signed_example
    _assert_clean(driver, context.documents.export(assessment_id, "html", tmp_path / "page.html"))


def test_a_draft_with_gaps_and_census_tables_published_without_names(driver, context, form, tmp_path):
    from tools.export_sample import hinckley_ethnic_group

    item = context.assessments.create("Draft with gaps")
    context.assessments.attach_census(item, [hinckley_ethnic_group()])
    _assert_clean(driver, context.documents.export(item.id, "html", tmp_path / "draft.html", for_publishing=True))


def test_the_easy_read_page(driver, context, example_id, tmp_path):
    _assert_clean(driver, context.documents.export(example_id, "easy-read", tmp_path / "easy.html"))


def test_axe_does_find_a_real_problem(driver, tmp_path):
    page = tmp_path / "bad.html"
    page.write_text('<!DOCTYPE html><html><head><title>x</title></head><body><main><h1>x</h1><img src="a.png">'
                    '</main></body></html>', encoding="utf-8")
    assert {v["id"] for v in browser.axe_violations(driver, page)} >= {"html-has-lang", "image-alt"}
