"""The App mixin for the unexpected: a private report file and a calm Norwegian message
instead of Textual's traceback (see ``moteleder.crash`` for the report and the message)."""

from __future__ import annotations

from pathlib import Path

from moteleder.crash import crash_message, default_folder, write_report


class CrashReporting:
    """Mixin for the Textual app: an unexpected exception gives a report file and a Norwegian message.

    Replaces Textual's default exit traceback, which prints local variables — and so
    could print what was typed in the meeting — onto the shared screen.
    """

    crash_folder: Path | None = None
    crash_report: Path | None = None

    def _handle_exception(self, error: Exception) -> None:  # Textual hook
        folder = self.crash_folder or default_folder()
        self.crash_report = write_report(error, folder)
        super()._handle_exception(error)  # type: ignore[misc]

    def panic(self, *renderables) -> None:  # Textual hook: also used for exceptions with __rich__
        if self.crash_report is not None or getattr(self, "_exception", None) is not None:
            self._fatal_error()
            return
        super().panic(*renderables)  # type: ignore[misc]

    def _fatal_error(self) -> None:  # Textual hook
        from rich.text import Text

        self.bell()  # type: ignore[attr-defined]
        error = getattr(self, "_exception", None)
        self._exit_renderables.append(Text(crash_message(self.crash_report, error)))  # type: ignore[attr-defined]
        self._close_messages_no_wait()  # type: ignore[attr-defined]
