"""Roles are not claims: a workflow step is signed with the acting person's own key, and a reviewer's or a
committee's step needs that key to be trusted for the role in this database. `--as committee --person X` on
the command line grants nothing by itself."""

from __future__ import annotations

import pytest

from idmf.cli.main import main
from idmf.domain.assessment import Status
from idmf.review.errors import WorkflowError
from idmf.services.signing import AuthorityError
from idmf.signing.errors import SigningError
from tests.review.conftest import advance
from tests.review.helpers import TODAY, ready_answers, store

pytestmark = pytest.mark.usefixtures("message_boxes_through_statics")  # GUI cases answer QMessageBox statics


@pytest.fixture
def in_review(context, form, people):
    item = store(context, form, ready_answers(form))
    advance(context, item.id, ("submit_for_review", "lead"))
    return item


@pytest.fixture
def at_committee(context, form, people):
    item = store(context, form, ready_answers(form))
    advance(context, item.id, ("submit_for_review", "lead"), ("submit_for_committee", "reviewer"))
    return item


def _unchanged(context, item, status=Status.IN_REVIEW, entries=1):
    assert context.assessments.get(item.id).status == status and len(context.review.history(item.id)) == entries


def test_claiming_the_reviewer_role_on_the_command_line_is_refused(capsys, context, in_review, people):
    code = main(["status", str(in_review.id), "submit-for-committee", "--as", "reviewer", "--person", "Lead Person"])
    err = capsys.readouterr().err
    assert code == 2 and err == (
        "idmf-cli: Acting as EDI reviewer needs a key this database trusts for that role. The key of "
        f"{people['Lead Person'].describe()} is trusted here as project lead. Ask your EDI team to put you on the "
        "organisation's trusted-signers list as EDI reviewer, then import the new list.\n")
    _unchanged(context, in_review)


def test_claiming_the_committee_role_for_a_name_with_no_key_is_refused(capsys, context, in_review):
    code = main(["status", str(in_review.id), "send-back", "--as", "committee", "--person", "Prof. Committee Chair",
                 "--comment", "No"])
    assert code == 2 and "There is no signing key for “Prof. Committee Chair” on this computer" in \
        capsys.readouterr().err
    _unchanged(context, in_review)


def test_a_card_that_says_committee_is_still_only_a_claim(capsys, context, at_committee):
    assert main(["identity", "create", "--name", "Sam Self-Appointed", "--role", "committee"]) == 0
    capsys.readouterr()
    code = main(["approve", str(at_committee.id), "--committee", "JET", "--date", "2026-02-26", "--approver", "Dr A",
                 "--person", "Sam Self-Appointed", "--today", "2026-03-01"])
    assert code == 2 and "is not trusted here for any role" in capsys.readouterr().err
    assert not context.review.is_locked(at_committee.id)


def test_nobody_can_vouch_for_their_own_key(context, people, tmp_path):
    mine = people["Lead Person"]
    with pytest.raises(SigningError, match="You cannot vouch for your own key"):
        context.signing.trust(mine, "committee", mine.fingerprint)
    assert "committee" not in context.signing.trusted_roles(mine.key_id)


def test_the_service_refuses_too_whatever_the_front_end(context, in_review):
    with pytest.raises(AuthorityError, match="Acting as EDI reviewer needs a key this database trusts"):
        context.review.transition(in_review.id, "request_changes", "Lead Person", "x", role="reviewer", today=TODAY)
    assert isinstance(AuthorityError("x"), WorkflowError)  # the app shows it like any refused step
    _unchanged(context, in_review)


def test_a_leads_first_step_makes_their_key_in_their_login_name(context, form, monkeypatch, capsys):
    monkeypatch.setattr("getpass.getuser", lambda: "jbloggs")
    item = store(context, form, ready_answers(form))
    assert main(["status", str(item.id), "submit-for-review", "--as", "lead"]) == 0
    [entry] = context.review.history(item.id)
    [card] = context.signing.my_cards()
    assert (entry.person, entry.signer_key, card.name, card.role) == ("jbloggs", card.key_id, "jbloggs", "lead")
    capsys.readouterr()
    assert main(["identity", "list"]) == 0
    assert capsys.readouterr().out == f"* {card.describe()}\n"


def test_the_app_refuses_a_step_your_key_is_not_trusted_for(qtbot, monkeypatch, context, in_review):
    from PySide6.QtWidgets import QMessageBox

    from idmf.ui.main_window import MainWindow
    from idmf.ui.review import menu as review_menu

    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a, **k: told.append(text))
    monkeypatch.setattr(review_menu, "ask_transition", lambda *_a: ("Lead Person", "Looks fine"))
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.dashboard.refresh(select_id=in_review.id)
    window.review_menu.actions["request_changes"].trigger()
    assert told and told[0].startswith("Acting as EDI reviewer needs a key this database trusts for that role.")
    _unchanged(context, in_review)
