"""The minute (referat): gathered from the store (``build``) and rendered as Markdown
(``render``). No Textual.
"""

from .build import build_minute, possessive
from .data import DEFAULT_DEADLINE_DAYS, Minute, ReviewedMeasure
from .render import (
    CONFIDENTIAL,
    INVITATION_CONFIDENTIAL,
    SECTION_TITLES,
    TITLE,
    render_minute,
    table,
)

__all__ = [
    "CONFIDENTIAL",
    "DEFAULT_DEADLINE_DAYS",
    "INVITATION_CONFIDENTIAL",
    "SECTION_TITLES",
    "TITLE",
    "Minute",
    "ReviewedMeasure",
    "build_minute",
    "possessive",
    "render_minute",
    "table",
]
