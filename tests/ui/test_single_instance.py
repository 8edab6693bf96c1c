"""A second start of the app hands over to the first instead of opening the database twice."""

from __future__ import annotations

from idmf.ui.single_instance import SingleInstance, server_name


def test_second_instance_reaches_the_first(qtbot):
    first = SingleInstance()
    assert first.notify_running_instance([]) is False  # nobody running yet
    assert first.become_primary()
    second = SingleInstance()
    with qtbot.waitSignal(first.sig_activation_requested, timeout=5000) as blocker:
        assert second.notify_running_instance(["review.idmf"]) is True
    assert blocker.args == [["review.idmf"]]
    first.close()


def test_each_data_folder_has_its_own_instance(tmp_path, monkeypatch):
    name = server_name()
    monkeypatch.setenv("IDMF_DATA_DIR", str(tmp_path / "other"))
    assert server_name() != name
