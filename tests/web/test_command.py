"""`moteleder nett` as a command: a port in use is said in Norwegian, before any link is printed."""

from __future__ import annotations

import socket
import subprocess
import sys

from tests.web.conftest import _env


def test_a_port_in_use_is_refused_without_printing_a_link(demo_db):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(
            [sys.executable, "-m", "moteleder", "nett", "--port", str(port), "--db", str(demo_db)],
            capture_output=True, text=True, env=_env(demo_db), timeout=60,
        )
    assert result.returncode == 1
    assert f"Porten {port} er i bruk" in result.stderr
    assert "token" not in result.stdout + result.stderr
