"""CSV for spreadsheets: semicolon-separated, and no cell a spreadsheet would run as a formula.

A cell that begins with `=`, `+`, `-` or `@` (or a tab or carriage return, which some
spreadsheets skip before looking) is read by Excel and LibreOffice as a formula, so a
name typed as `=HYPERLINK(…)` could run when the coordinating unit opens the file. Such a
cell gets a leading apostrophe, as OWASP advises: the spreadsheet shows the text as text.
Every CSV moteleder writes goes through `csv_writer`.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import TextIO

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> str:
    """The cell's text, with `'` in front if a spreadsheet would take it for a formula.

    A carriage return inside a cell becomes a newline: the writer ends rows with a newline,
    so a lone CR would not be quoted, and a spreadsheet would start a new row there.
    """
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_START):
        text = "'" + text
    return text.replace("\r\n", "\n").replace("\r", "\n")


class SafeCsvWriter:
    """A csv writer whose every cell has passed through `safe_cell`."""

    def __init__(self, out: TextIO, *, delimiter: str = ";") -> None:
        self._writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")

    def writerow(self, row: Iterable[object]) -> None:
        self._writer.writerow([safe_cell(cell) for cell in row])


def csv_writer(out: TextIO, *, delimiter: str = ";") -> SafeCsvWriter:
    return SafeCsvWriter(out, delimiter=delimiter)
