"""Nothing lost: the app in a real terminal (tmux), text typed into a meeting, the process killed
with SIGKILL, the app started again — everything typed up to a second before is there, and the
meeting is offered to continue at the same step."""

from __future__ import annotations

import os
import shlex
import shutil
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from moteleder.demo import create_demo_group
from moteleder.store import Store

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="needs tmux")

SRC = str(Path(__file__).resolve().parents[2] / "src")


class Terminal:
    """One tmux session running moteleder, driven like a user at a keyboard."""

    def __init__(self, db: Path, *args: str) -> None:
        self.name = f"moteleder-test-{uuid.uuid4().hex[:8]}"
        command = " ".join(shlex.quote(part) for part in (
            "exec", "env", f"PYTHONPATH={SRC}", "TERM=xterm-256color", "LANG=C.UTF-8", sys.executable,
            "-m", "moteleder", "--db", str(db), *args,
        ))
        subprocess.run(["tmux", "new-session", "-d", "-s", self.name, "-x", "140", "-y", "50", command],
                       check=True)
        subprocess.run(["tmux", "set-option", "-t", self.name, "remain-on-exit", "on"], capture_output=True)

    def screen(self) -> str:
        result = subprocess.run(["tmux", "capture-pane", "-p", "-t", self.name], capture_output=True, text=True)
        return result.stdout

    def wait_for(self, text: str, timeout: float = 20.0) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.1)
        raise AssertionError(f"{text!r} never appeared on screen:\n{self.screen()}")

    def keys(self, *keys: str) -> None:
        subprocess.run(["tmux", "send-keys", "-t", self.name, *keys], check=True)

    def type(self, text: str) -> None:
        subprocess.run(["tmux", "send-keys", "-t", self.name, "-l", text], check=True)

    def pid(self) -> int:
        out = subprocess.run(["tmux", "display-message", "-p", "-t", self.name, "#{pane_pid}"],
                             capture_output=True, text=True, check=True).stdout
        return int(out.strip())

    def close(self) -> None:
        subprocess.run(["tmux", "kill-session", "-t", self.name], capture_output=True)


@pytest.fixture
def demo_db(tmp_path: Path) -> tuple[Path, int]:
    path = tmp_path / "data" / "moteleder.db"
    store = Store.open(path, create_folder=True)
    group_id = create_demo_group(store)
    store.close()
    return path, group_id


def test_sigkill_loses_nothing_typed_a_second_before(demo_db):
    db, group_id = demo_db
    typed = "Tiril forteller at hun liker den nye klassen"
    terminal = Terminal(db, "--gruppe", str(group_id))
    try:
        terminal.wait_for("Åpning")
        terminal.keys("F8")
        terminal.wait_for("Forrige referat")
        terminal.keys("F8")
        terminal.wait_for("egen beskrivelse")
        terminal.type(typed)
        terminal.wait_for(typed)
        time.sleep(1.0)
        os.kill(terminal.pid(), signal.SIGKILL)
    finally:
        terminal.close()

    store = Store.open(db)
    active = store.active_meetings()
    assert len(active) == 1
    assert active[0].person_voice == typed
    assert active[0].current_step == "worked"
    store.close()

    again = Terminal(db)
    try:
        screen = again.wait_for("Fortsett møtet")
        assert "ble ikke avsluttet" in screen and "«Hva har fungert»" in screen
        again.keys("Enter")
        screen = again.wait_for(typed)
        assert "Hva har fungert" in screen
        again.keys("C-q")
    finally:
        again.close()
