"""Every readiness rule again, through `idmf-cli check ID --json` (exit 1 when anything blocks)."""

from __future__ import annotations

import json

import pytest

from idmf.cli.main import main
from idmf.review import RULES, Severity
from idmf.services.context import open_app
from tests.review.cases import FAILING, PASSING
from tests.review.helpers import TODAY, build, ready_answers


@pytest.fixture(scope="module")
def database(tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('cli-check') / 'check.sqlite3'}"
    ctx = open_app(url)
    yield ctx, url
    ctx.close()


def _check(capsys, database, form, case) -> tuple[int, dict]:
    ctx, url = database
    answers = ready_answers(form)
    case.change(answers)
    stored = ctx.store.assessments.add(build(form, answers, case.status, census_for=case.census_for,
                                             review_date=case.review_date))
    today = (case.today or TODAY).isoformat()
    code = main(["--database", url, "check", str(stored.id), "--json", "--today", today])
    out, err = capsys.readouterr()
    assert err == ""
    return code, json.loads(out)


@pytest.mark.parametrize("case", [c for c in FAILING if c.cli], ids=lambda c: f"{c.rule}: {c.name}")
def test_cli_reports_the_rule(capsys, database, form, case):
    code, data = _check(capsys, database, form, case)
    assert case.rule in {f["rule"] for f in data["findings"]}
    blocking = RULES[case.rule].severity == Severity.BLOCKING
    assert code == (1 if blocking else 0) and data["ready"] is not blocking


@pytest.mark.parametrize("case", [c for c in PASSING if c.cli], ids=lambda c: f"{c.rule}: {c.name}")
def test_cli_passes_the_good_answer(capsys, database, form, case):
    code, data = _check(capsys, database, form, case)
    assert case.rule not in {f["rule"] for f in data["findings"]}


def test_cli_ready_assessment_exits_0_and_prints_plain_text(capsys, database, form):
    ctx, url = database
    stored = ctx.store.assessments.add(build(form, ready_answers(form)))
    assert main(["--database", url, "check", str(stored.id), "--today", TODAY.isoformat()]) == 0
    assert "Ready for committee." in capsys.readouterr().out


def test_cli_lists_blocking_items_in_plain_text(capsys, database, form):
    ctx, url = database
    answers = ready_answers(form)
    answers.pop("duty_narrative")
    stored = ctx.store.assessments.add(build(form, answers))
    assert main(["--database", url, "check", str(stored.id), "--today", TODAY.isoformat()]) == 1
    out = capsys.readouterr().out
    assert "1 blocking" in out and "[BLOCKS ]" in out and "is not answered yet" in out
    assert "4. Equality Impact Assessment: " in out  # the step named as the step list and the document name it


def test_cli_json_names_steps_by_their_display_title(capsys, database, form):
    _, data = _check(capsys, database, form, PASSING[0])
    assert data["steps"]["aims"]["title"] == "1. Aims of the Proposal"
    assert data["steps"]["front"]["title"] == "About this assessment"


def test_cli_check_unknown_id_is_one_line(capsys, database):
    _, url = database
    assert main(["--database", url, "check", "999"]) == 2
    assert "no assessment with id 999" in capsys.readouterr().err
