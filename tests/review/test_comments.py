"""Comments: anchored to a question or a step, threaded, resolved and reopened; markers per question."""

from __future__ import annotations

import json

import pytest

from idmf.cli.main import main
from idmf.review.comments import add_comment, open_counts, reopen, reply, resolve, step_anchor, threads
from idmf.review.errors import CommentError


def test_threads_replies_and_resolution(context, ready):
    first = add_comment(context.store, ready.id, "pc_age", "Which evidence shows older patients travel further?",
                        author="Esi EDI", role="reviewer")
    answer = reply(context.store, first.id, "The travel-time analysis in Step 2.", author="Jo Lead", role="lead")
    again = reply(context.store, answer.id, "Thanks, please link it.", author="Esi EDI", role="reviewer")
    add_comment(context.store, ready.id, step_anchor("engagement"), "Add the carers' session.", author="Esi EDI")
    (thread,) = threads(context.store, ready.id, anchor="pc_age")
    assert thread.comment == first and [r.id for r in thread.replies] == [answer.id, again.id]
    assert again.parent_id == first.id  # a reply to a reply joins the thread
    assert open_counts(context.store, ready.id) == {"pc_age": 1, "step:engagement": 1}
    resolved = resolve(context.store, again.id, person="Esi EDI")
    assert resolved.id == first.id and resolved.resolved and resolved.resolved_by == "Esi EDI"
    assert open_counts(context.store, ready.id) == {"step:engagement": 1}
    assert len(threads(context.store, ready.id, include_resolved=False)) == 1
    assert not reopen(context.store, first.id).resolved and open_counts(context.store, ready.id)["pc_age"] == 1


def test_aims_step_and_aims_question_are_different_anchors(context, ready):
    add_comment(context.store, ready.id, "aims", "On the question", author="E")
    add_comment(context.store, ready.id, step_anchor("aims"), "On the step", author="E")
    assert open_counts(context.store, ready.id) == {"aims": 1, "step:aims": 1}


@pytest.mark.parametrize(("anchor", "body", "message"), [
    ("no_such_question", "Hello", "no question 'no_such_question'"),
    ("pc_age", "   ", "cannot be empty"),
    ("pc_age", "x" * 20_001, "at most 20,000 characters"),
])
def test_bad_comments_are_refused(context, ready, anchor, body, message):
    with pytest.raises(CommentError, match=message):
        add_comment(context.store, ready.id, anchor, body, author="E")


def test_cli_comment_reply_and_list(capsys, ready):
    assert main(["review", "comment", str(ready.id), "--question", "pc_race", "--text", "Interpreters?",
                 "--person", "Esi EDI"]) == 0
    first = int(capsys.readouterr().out)
    assert main(["review", "comment", str(ready.id), "--reply-to", str(first), "--text", "Yes, booked.",
                 "--as", "lead", "--person", "Jo"]) == 0
    assert main(["review", "comment", str(ready.id), "--step", "options", "--text", "Why adjust?"]) == 0
    capsys.readouterr()
    assert main(["review", "comments", str(ready.id), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [(t["anchor"], len(t["replies"])) for t in data] == [("pc_race", 1), ("step:options", 0)]
    assert main(["review", "comment", str(ready.id), "--text", "Where?"]) == 2
    assert "--question ID or --step ID" in capsys.readouterr().err
