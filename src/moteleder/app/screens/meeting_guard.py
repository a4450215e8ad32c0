"""The topic guard on the meeting screen: its banner, Henvis videre (F4), Behold (F6).

A mixin for the meeting screen. The guard checks the fields typed in since last time, on a
timer (never on a keystroke); what it flags and what a referral moves out of the note is
decided by the session (`MeetingSession.check`, `.refer`, `.keep`); here it is shown and
the field's text replaced.
"""

from __future__ import annotations

from textual.widgets import Input, TextArea

from moteleder.app.screens.meeting_rows import MeasureRow, ReviewRow
from moteleder.app.widgets.guard_banner import GuardBanner
from moteleder.session import Flag


def _offset(text: str, location: tuple[int, int]) -> int:
    """A TextArea (row, column) as an offset into its text."""
    row, column = location
    lines = text.split("\n")
    return sum(len(line) + 1 for line in lines[:row]) + min(column, len(lines[row]) if row < len(lines) else 0)


class GuardOnScreen:
    """The guard's banner and the leader's answers to it (the screen's `session`, `flag` …)."""

    def _run_guard(self) -> None:
        """Check the fields typed in since last time (on a timer, never on a keystroke)."""
        if not self.guard_dirty or not self.app.guard_enabled:
            return
        dirty, self.guard_dirty = self.guard_dirty, {}
        for field, widget in dirty.items():
            flag = self.session.check(field, self._field_text(widget))
            if flag is not None:
                self._show_flag(flag)
            elif self.flag is not None and self.flag.field == field:
                self._show_flag(None)  # the flagged words are gone

    def _show_flag(self, flag: Flag | None) -> None:
        if flag == self.flag:
            return  # nothing new: leave the screen (and the footer) as it is
        self.flag = flag
        self.query_one(GuardBanner).show(flag)
        self.refresh_bindings()
        self.call_after_refresh(self._focused_into_view)

    def _focused_into_view(self) -> None:
        """Keep the field being typed in on screen when the banner takes room from the step."""
        if self.focused is not None and self.focused is not self.query_one(f"#step-{self.steps[self.step_index].key}"):
            self.focused.scroll_visible(animate=False)

    def _flagged_widget(self, field: str):
        if field.startswith("measure:"):
            return self.query_one(f"#ms-{field.split(':')[1]} .ms-what", Input)
        if field.startswith("review:"):
            return self.query_one(f"#rev-{field.split(':')[1]}-comment", Input)
        return self.query_one(f"#f-{field}")

    def _field_text(self, widget) -> str:
        return widget.text if isinstance(widget, TextArea) else widget.value

    def _replace_text(self, widget, rest: str) -> None:
        if isinstance(widget, TextArea):
            widget.text = rest
        else:
            widget.value = rest
        self.flush()
        self.notify("Temaet er flyttet til din private oppfølgingsliste. Det kommer ikke i referatet.",
                    title="Henvist videre", timeout=6)

    def action_refer(self) -> None:
        """F4: refer the flagged sentence, or — when nothing is flagged — the sentence at the
        cursor (or the selection), after asking which topic it is."""
        if self.flag is not None:
            self.action_guard_refer()
            return
        from moteleder.app.screens.refer import ReferScreen

        target = self._referable_focus()
        if target is None:
            self.notify("Sett markøren i setningen som skal henvises videre, og trykk F4.", title="Henvis tema")
            return
        field, widget, start, end = target
        if not self._field_text(widget).strip():
            self.notify("Feltet er tomt; det er ingenting å henvise.", title="Henvis tema")
            return

        def chosen(category: str | None) -> None:
            if category is not None and self.is_mounted:
                rest = self.write(self.session.refer, field, self._field_text(widget), category, start, end,
                                  manual=True)
                if isinstance(rest, str):
                    self._replace_text(widget, rest)
                widget.focus()

        self.app.push_screen(ReferScreen(), chosen)

    def _referable_focus(self):
        """(field, widget, start, end) for the text field in focus: its selection, or the cursor."""
        widget = self.focused
        if isinstance(widget, TextArea) and widget.name:
            text = widget.text
            selection = widget.selection
            ends = sorted((_offset(text, selection.start), _offset(text, selection.end)))
            return widget.name, widget, ends[0], ends[1]
        if isinstance(widget, Input):
            if widget.name and "meeting-field" in widget.classes:
                field = widget.name
            elif widget.has_class("ms-what") and isinstance(widget.parent.parent, MeasureRow):
                field = f"measure:{widget.parent.parent.measure.id}"
            elif widget.has_class("review-comment") and isinstance(widget.parent, ReviewRow):
                field = f"review:{widget.parent.measure.id}"
            else:
                return None
            start, end = sorted(widget.selection) if not widget.selection.is_empty else (
                widget.cursor_position, widget.cursor_position)
            return field, widget, start, end
        return None

    def action_guard_refer(self) -> None:
        """Move the flagged sentence out of the note into the coordinator's private follow-up list."""
        flag = self.flag
        if flag is None:
            return
        widget = self._flagged_widget(flag.field)
        rest = self.write(self.session.refer_flag, flag, self._field_text(widget))
        if rest is None:
            return  # not saved: the sentence stays in the note until it is safely in the private list
        if isinstance(rest, str):  # (True: the flagged words were gone)
            self._replace_text(widget, rest)
        self._show_flag(None)

    def action_guard_keep(self) -> None:
        """Keep the text: the leader judged it ordinary meeting talk (a false alarm)."""
        flag = self.flag
        if flag is None:
            return
        self.write(self.session.keep, flag, self._field_text(self._flagged_widget(flag.field)))
        self._show_flag(None)
