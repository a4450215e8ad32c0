"""The core is plain Python: no module outside `moteleder.app` loads Textual or rich when
imported (rich is loaded only inside the command-line functions that print)."""

from __future__ import annotations

import json
import os
import pkgutil
import subprocess
import sys

import moteleder


# The command line's printing (rich) lives here and nowhere else outside the app.
COMMAND_LINE_OUTPUT = {"moteleder.cli_output"}


def _core_modules() -> list[str]:
    names = []
    for info in pkgutil.walk_packages(moteleder.__path__, "moteleder."):
        if info.name == "moteleder.app" or info.name.startswith("moteleder.app."):
            continue
        if info.name == "moteleder.__main__":  # runs the command line when imported
            continue
        if info.name in COMMAND_LINE_OUTPUT:
            continue
        names.append(info.name)
    return sorted(names)


def test_every_core_module_imports_without_textual_or_rich():
    modules = _core_modules()
    assert {"moteleder.session", "moteleder.store", "moteleder.lease", "moteleder.minute",
            "moteleder.guard.engine", "moteleder.profiles.rules"} <= set(modules)
    code = (
        "import importlib, json, sys\n"
        f"culprits = {{}}\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "    for heavy in ('textual', 'rich'):\n"
        "        if heavy in sys.modules and heavy not in culprits:\n"
        "            culprits[heavy] = name\n"
        "print(json.dumps(culprits))\n"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True, timeout=120)
    assert json.loads(result.stdout) == {}, "the first core module that loaded it"
