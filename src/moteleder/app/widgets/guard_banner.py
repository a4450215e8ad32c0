"""The topic guard's calm banner on the shared screen, with the leader's two choices."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Static


@dataclass(frozen=True)
class Flag:
    """A flagged topic in one field of the meeting."""

    field: str  # the meeting column, or "measure:ID:what" / "review:ID"
    category: str
    phrase: str
    start: int
    end: int


class GuardBanner(Vertical):
    """`Klage på vedtak følger ordinær klageadgang — ikke ansvarsgruppemøtet.` [Henvis videre] [Behold]"""

    def compose(self) -> ComposeResult:
        yield Static("", id="guard-text", markup=False)
        # Compact (one line each), so the banner takes as little as possible from the step.
        with Horizontal(id="guard-buttons"):
            yield Button("Henvis videre (F4)", id="guard-refer", variant="warning", compact=True)
            yield Button("Behold (F6)", id="guard-keep", compact=True)

    def show(self, flag: Flag | None) -> None:
        from moteleder.guard import GUIDANCE, TOPIC_NAME

        self.display = flag is not None
        if flag is not None:
            self.query_one("#guard-text", Static).update(
                Content.assemble((TOPIC_NAME[flag.category], "bold"), "\n", GUIDANCE[flag.category])
            )
