"""Live updates on a team database: a colleague's change reaches your views through LISTEN/NOTIFY, and only for
the organisations you may see."""

from __future__ import annotations

import threading

import pytest

from idmf.domain.questions import SUMMARY
from idmf.services.context import open_app


class Heard:
    """The assessment ids a context's change notices named, and a way to wait for one."""

    def __init__(self, context) -> None:
        self.ids: list[int] = []
        self._arrived = threading.Condition()
        context.changes.subscribe(self._on)

    def _on(self, changes) -> None:
        with self._arrived:
            self.ids.append(changes.assessment_id)
            self._arrived.notify_all()

    def wait_for(self, assessment_id: int, timeout: float = 10.0) -> bool:
        with self._arrived:
            return self._arrived.wait_for(lambda: assessment_id in self.ids, timeout)


@pytest.fixture
def opened(team):
    contexts = []

    def open_as(who: str):
        contexts.append(open_app(team.urls[who]))
        return contexts[-1]

    yield open_as
    for ctx in contexts:
        ctx.close()


def test_a_colleagues_comment_and_submit_reach_you_but_not_the_other_organisation(team, opened):
    lead, reviewer, other = opened("lead_a"), opened("reviewer_a"), opened("lead_b")
    item = lead.assessments.create("Day case unit")
    assert lead.live.start() and other.live.start()
    heard_a, heard_b = Heard(lead), Heard(other)
    reviewer.comments.add(item.id, SUMMARY, "Please name the wards.", author="ignored")
    assert heard_a.wait_for(item.id)
    theirs = other.assessments.create("Norfolk's own")  # notified after organisation A's change was
    assert heard_b.wait_for(theirs.id)
    assert heard_b.ids == [theirs.id]


def test_the_dashboard_refreshes_when_a_colleague_starts_an_assessment(team, opened, qtbot):
    from idmf.ui.dashboard import COL_TITLE, DashboardPage

    mine, colleague = opened("lead_a"), opened("lead_a")  # the same team, another computer
    mine.assessments.create("First")
    page = DashboardPage(mine)
    qtbot.addWidget(page)
    page.show()
    assert mine.live.start()
    colleague.assessments.create("Started by a colleague")
    qtbot.waitUntil(lambda: page.proxy.rowCount() == 2, timeout=10_000)
    titles = {page.proxy.index(r, COL_TITLE).data() for r in range(2)}
    assert titles == {"First", "Started by a colleague"}


def test_a_database_without_a_team_has_nothing_to_listen_to(context):
    assert context.live.start() is False


def test_the_window_says_who_you_are_from_your_login(team, opened, qtbot, tmp_path):
    from idmf.ui.main_window import MainWindow

    reviewer = opened("reviewer_a")
    window = MainWindow(reviewer)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    label = window.identity_label.text()
    assert label.startswith(f"You are Rhys Reviewer (login {team.logins['reviewer_a']}), EDI reviewer")
    assert label.endswith("seeing: Leicester ICB.")
    window.grab().save(str(tmp_path / "team-window.png"))
