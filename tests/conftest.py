"""Shared fixtures: a private database per test, an app factory, fixed time zone."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from moteleder.store import Store

os.environ.setdefault("TZ", "Europe/Oslo")

# On CI the property tests run the same examples every time (a failure there is reproducible
# from the log); on a developer's machine they explore new ones on every run.
if os.environ.get("CI"):
    from hypothesis import settings

    settings.register_profile("ci", derandomize=True)
    settings.load_profile("ci")


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "moteleder.db"


@pytest.fixture
def store(db_path: Path):
    store = Store.open(db_path, create_folder=True)
    yield store
    store.close()


@pytest.fixture
def make_app(store: Store, tmp_path: Path):
    from moteleder.app.app import make_app as factory

    def build(**kwargs):
        kwargs.setdefault("minutes_dir", tmp_path / "referater")
        kwargs.setdefault("autosave_interval", 0.1)
        return factory(store, **kwargs)

    return build


@pytest.fixture(autouse=True)
def no_cursor_blink(monkeypatch):
    """A blinking cursor makes screenshots differ from run to run."""
    from textual.widgets import Input, TextArea

    monkeypatch.setattr(Input, "cursor_blink", False)
    monkeypatch.setattr(TextArea, "cursor_blink", False)
