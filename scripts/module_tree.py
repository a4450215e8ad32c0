"""Print every module of the package with its size and the first line of its docstring.

    python scripts/module_tree.py            # the table in docs/architecture.md
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1] / "src" / "moteleder"


def main() -> None:
    for path in sorted(ROOT.rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        doc = ast.get_docstring(ast.parse(source)) or ""
        first = doc.strip().split("\n\n")[0].replace("\n", " ")
        print(f"| `{path.relative_to(ROOT).as_posix()}` | {source.count(chr(10))} | {first} |")


if __name__ == "__main__":
    main()
