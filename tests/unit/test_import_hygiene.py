"""The core is plain Python: no module outside `moteleder.app` and `moteleder.cli` loads
Textual or rich when imported; the command line loads rich (its consoles), never Textual; and
rich is imported nowhere else outside the app."""

from __future__ import annotations

import ast
import json
import os
import pkgutil
import subprocess
import sys
from pathlib import Path

import moteleder

# The command line's printing (rich) lives in this package and nowhere else outside the app.
COMMAND_LINE = "moteleder.cli"


def _in_package(name: str, package: str) -> bool:
    return name == package or name.startswith(package + ".")


def _modules(*, command_line: bool) -> list[str]:
    """The core's modules (command_line=False) or the command line's (True); never the app's."""
    names = []
    for info in pkgutil.walk_packages(moteleder.__path__, "moteleder."):
        if _in_package(info.name, "moteleder.app"):
            continue
        if info.name == "moteleder.__main__":  # runs the command line when imported
            continue
        if _in_package(info.name, COMMAND_LINE) == command_line:
            names.append(info.name)
    return sorted(names)


def _core_modules() -> list[str]:
    return _modules(command_line=False)


def _first_to_load(modules: list[str], heavy: tuple[str, ...]) -> dict[str, str]:
    """Import the modules in a fresh interpreter: for each heavy package, the first that loaded it."""
    code = (
        "import importlib, json, sys\n"
        f"culprits = {{}}\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "    for heavy in " + repr(heavy) + ":\n"
        "        if heavy in sys.modules and heavy not in culprits:\n"
        "            culprits[heavy] = name\n"
        "print(json.dumps(culprits))\n"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True, timeout=120)
    return json.loads(result.stdout)


def test_every_core_module_imports_without_textual_or_rich():
    modules = _core_modules()
    assert {"moteleder.session", "moteleder.store", "moteleder.lease", "moteleder.minute",
            "moteleder.guard.engine", "moteleder.profiles.rules"} <= set(modules)
    assert not any(_in_package(name, COMMAND_LINE) for name in modules)
    assert _first_to_load(modules, ("textual", "rich")) == {}, "the first core module that loaded it"


def test_the_command_line_imports_without_textual():
    """`moteleder --help` and every subcommand start without the app's toolkit."""
    modules = _modules(command_line=True)
    assert {"moteleder.cli", "moteleder.cli.entry", "moteleder.cli.output"} <= set(modules)
    assert "textual" not in _first_to_load(modules, ("textual",))


# Imports of rich outside the app and the command line that are known, each with its reason.
KNOWN_RICH_ELSEWHERE: dict[str, str] = {}


def test_rich_is_imported_only_by_the_app_and_the_command_line():
    """Read, not run: an import of rich inside a function is found too."""
    root = Path(moteleder.__file__).parent
    found = set()
    for path in sorted(root.rglob("*.py")):
        relative = path.relative_to(root).as_posix()
        if relative.startswith(("app/", "cli/")):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else (
                [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            if any(name == "rich" or name.startswith("rich.") for name in names):
                found.add(relative)
    assert found <= set(KNOWN_RICH_ELSEWHERE), sorted(found - set(KNOWN_RICH_ELSEWHERE))
