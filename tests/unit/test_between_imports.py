"""The between-meetings core is plain Python: importing it never loads Textual."""

from __future__ import annotations

import os
import subprocess
import sys


def test_core_modules_do_not_import_textual():
    modules = ["attention", "consent", "search", "history", "followup", "invitation", "overview"]
    code = (
        "import sys\n"
        + "".join(f"import moteleder.{name}\n" for name in modules)
        + "print('textual' in sys.modules)\n"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert result.stdout.strip() == "False"
