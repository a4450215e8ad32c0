"""The stylesheets: in the top-level styles/ folder, shipped as moteleder.styles, none left in Python."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from importlib.resources import files
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_styles_ship_inside_the_package():
    from moteleder.app.app import STYLES, MotelederApp

    packaged = Path(str(files("moteleder.styles")))
    assert STYLES == packaged
    assert MotelederApp.CSS_PATH
    for sheet in MotelederApp.CSS_PATH:
        assert sheet.parent == packaged
        assert sheet.is_file(), sheet
        assert (files("moteleder.styles") / sheet.name).is_file()


def test_run_from_the_source_tree_the_app_finds_the_styles_beside_src():
    """With src/ first on the path (no install needed; the kill-and-resume tests run so) the
    app is imported from the source tree, where there is no moteleder.styles package: it must
    still find the top-level styles/ — whether the installed copy is editable or not."""
    code = (
        "import moteleder.app.app as a, sys; "
        "assert a.__file__.startswith(sys.argv[1]), a.__file__; "
        "print(a.STYLES); "
        "assert all((a.STYLES / n).is_file() for n in a.STYLESHEETS)"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.run([sys.executable, "-c", code, str(ROOT / "src")], capture_output=True,
                          text=True, env=env, timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr[-1500:]
    assert Path(proc.stdout.strip()).resolve() == (ROOT / "styles").resolve()


def test_the_app_loads_every_stylesheet_in_the_styles_folder():
    from moteleder.app.app import STYLESHEETS

    assert sorted(STYLESHEETS) == sorted(p.name for p in (ROOT / "styles").glob("*.tcss"))


def test_no_default_css_in_python():
    """Styles live in styles/*.tcss only: DEFAULT_CSS would be a second, lower-priority place."""
    offenders = [str(p.relative_to(ROOT)) for p in (ROOT / "src").rglob("*.py") if "DEFAULT_CSS" in p.read_text()]
    assert offenders == []


def test_the_wheel_carries_the_stylesheets(tmp_path):
    from moteleder.app.app import STYLESHEETS

    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--wheel-dir", str(tmp_path), str(ROOT)],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    (wheel,) = tmp_path.glob("moteleder-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for sheet in STYLESHEETS:
        assert f"moteleder/styles/{sheet}" in names
    assert "moteleder/styles/__init__.py" in names
