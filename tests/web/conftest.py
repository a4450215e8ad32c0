"""`moteleder nett` for the browser tests: one server process per test, on a free port,
against a copy of a database that holds the demo group; and Debian's Chromium."""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"


@dataclass
class Served:
    """A running `moteleder nett`: its process, its port, the printed link and the database."""

    process: subprocess.Popen
    port: int
    url: str
    db: Path

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def token(self) -> str:
        return self.url.split("token=", 1)[1]

    def stop(self) -> int:
        """Ctrl+C, as the user does it; the exit code."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
        return self.process.wait(timeout=30)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _env(db: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["MOTELEDER_DB"] = str(db)
    return env


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("demo") / "demo.db"
    subprocess.run([sys.executable, "-m", "moteleder", "--db", str(db), "demo"], check=True,
                   capture_output=True, env=_env(db), timeout=120)
    return db


@pytest.fixture
def served(demo_db, tmp_path):
    """`moteleder nett --port N --db FIL` started as a user starts it; stopped with Ctrl+C."""
    db = tmp_path / "meeting.db"
    shutil.copy(demo_db, db)
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "moteleder", "nett", "--port", str(port), "--db", str(db)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=_env(db),
    )
    url = _wait_for_link(process)
    threading.Thread(target=process.stdout.read, daemon=True).start()  # a full pipe never blocks it
    _wait_for_port(port, process)
    server = Served(process, port, url, db)
    yield server
    server.stop()


def _wait_for_link(process: subprocess.Popen, timeout: float = 60) -> str:
    deadline = time.monotonic() + timeout
    seen = []
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            break
        seen.append(line)
        found = re.search(r"http://127\.0\.0\.1:\d+/\?token=\S+", line)
        if found:
            return found.group(0)
    process.kill()
    raise AssertionError(f"no link printed: {''.join(seen)!r}")


def _wait_for_port(port: int, process: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert process.poll() is None, "moteleder nett ended"
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.05)
    raise AssertionError(f"port {port} never opened")


def _chromium_or_skip() -> str:
    if not os.path.exists(CHROMIUM):
        pytest.skip(f"Chromium is not installed at {CHROMIUM} (.ci/run installs it with apt-get)")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        pytest.skip("playwright is not installed (pip install '.[test]')")
    return CHROMIUM


@pytest.fixture
def browser():
    """Debian's Chromium, headless, driven by Playwright (its own browser download is not used)."""
    executable = _chromium_or_skip()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, headless=True,
                                              args=["--no-sandbox"])
        try:
            yield chromium
        finally:
            chromium.close()
