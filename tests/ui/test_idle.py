"""Idle work (panel imports, the spelling dictionary) never runs between the keys of a user typing."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from idmf.ui.idle import QUIET_MS, IdleWork


def test_idle_steps_wait_while_the_user_types_then_run_in_order(qtbot):
    box = QLineEdit()
    qtbot.addWidget(box)
    box.show()
    box.setFocus()
    ran = []
    work = IdleWork([lambda: ran.append(1), lambda: ran.append(2)])
    qtbot.keyClick(box, Qt.Key.Key_A)  # the user types: nothing runs until they pause
    work._next()
    qtbot.keyClick(box, Qt.Key.Key_B)
    work._next()
    assert ran == [] and box.text() == "ab"
    qtbot.waitUntil(lambda: ran == [1, 2], timeout=5_000)  # then each step, once, in order


def test_stopped_idle_work_runs_no_step_left(qtbot):
    from PySide6.QtWidgets import QApplication

    ran = []
    work = IdleWork([lambda: ran.append(1)])
    work.stop()  # before the loop ever turned
    qtbot.wait(2 * QUIET_MS + 200)  # nothing to wait for but time: past when a step would have run
    assert ran == [] and work not in QApplication.instance().findChildren(IdleWork)
