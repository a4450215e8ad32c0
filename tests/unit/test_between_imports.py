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


def test_the_text_and_lookup_helpers_import_neither_textual_nor_rich():
    """Escaping, cleaning, CSV cells and finding a group are core: rich is for command-line output only."""
    modules = ["typed_text", "markdown_text", "spreadsheet", "lookup", "minute", "store"]
    code = (
        "import sys\n"
        + "".join(f"import moteleder.{name}\n" for name in modules)
        + "print(sorted({m.split('.')[0] for m in sys.modules} & {'textual', 'rich'}))\n"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert result.stdout.strip() == "[]"
