"""The topic guard's calm banner on the shared screen, with the leader's two choices."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Static

from moteleder.session import Flag


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
        from moteleder.guard.texts import ASK_PHRASE, how_sure

        self.display = flag is not None
        if flag is None:
            return
        self.set_class(flag.level == "ask", "-ask")
        if flag.level == "ask":
            title = Content.styled(f"Kan dette være {ASK_PHRASE[flag.category]}?", "bold")
        else:
            title = Content.assemble((TOPIC_NAME[flag.category], "bold"), f" — {how_sure(flag.confidence)}")
        self.query_one("#guard-text", Static).update(Content.assemble(title, "\n", GUIDANCE[flag.category]))
