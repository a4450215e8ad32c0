"""What a user typed, shown exactly as typed.

Textual reads a plain `str` as markup in DataTable cells, button and checkbox labels and
notifications: a name like «Ola [/] Nordmann» would crash the screen, and
«[@click=app.quit]Kari[/]» would become a link. Statics and Labels are made with
`markup=False`; everything else that can hold typed text goes through these helpers.
"""

from __future__ import annotations

from rich.text import Text


def plain_cells(*values: object) -> list[Text]:
    """DataTable cells as literal text (a `Text` is kept as it is, with its styles)."""
    return [value if isinstance(value, Text) else Text("" if value is None else str(value)) for value in values]
