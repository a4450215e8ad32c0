"""The minute as an archive PDF (PDF/A-2a + PDF/UA-1), typeset by typst from the minute's Markdown.

The typst source is built from the Markdown's tokens (markdown-it-py, the same CommonMark with
tables the product writes), so the Markdown and the PDF cannot disagree. Every piece of text
reaches typst as a string literal made by `typst_string`, the one escaper: nothing a user typed
is ever read as typst markup or code. The typeface is DejaVu Sans, shipped beside this module
(fonts/, licence there) and embedded in every PDF; system fonts are never used, so the same
minute gives the same PDF on every machine. No Textual, no rich.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from markdown_it import MarkdownIt
from markdown_it.tree import SyntaxTreeNode

from .render import CONFIDENTIAL, TITLE

FONT_DIR = Path(__file__).resolve().parent / "fonts"
FONT_FAMILY = "DejaVu Sans"
PDF_STANDARDS = ["a-2a", "ua-1"]
KEYWORDS = ("ansvarsgruppe", "referat", "koordinerte tjenester", "taushetsbelagt")
REPLACEMENT = "\ufffd"
"""Stands in for a character none of the embedded fonts can show (PDF/A forbids a missing glyph)."""

ZERO_WIDTH_SPACE = "\u200b"
_LONG_WORD = re.compile(r"[^\s\u200b]{36,}")
_MARKDOWN = MarkdownIt("commonmark").enable("table")
_UNDISPLAYABLE = re.compile(r'the text `"((?:[^"\\]|\\.)*)"` could not be displayed')


class PdfError(Exception):
    """The PDF could not be made; the message is Norwegian."""


@dataclass(frozen=True)
class PdfInfo:
    """What the PDF says about itself: its running header and footer and its XMP metadata."""

    person_name: str
    meeting_day: date | None
    author: str
    created: datetime | None = None  # when the minute was finalized; None: now
    lang: str = "nb"
    region: str = "NO"

    @property
    def day_text(self) -> str:
        from moteleder.dates import format_date

        return format_date(self.meeting_day) if self.meeting_day else "uten dato"

    @property
    def title(self) -> str:
        return f"{TITLE} — {self.person_name.strip() or 'uten navn'} — {self.day_text}"

    @property
    def subject(self) -> str:
        return f"Referat fra møte i ansvarsgruppen for {self.person_name.strip() or 'uten navn'}, " \
               f"{self.day_text}. {CONFIDENTIAL}."


# ---------------------------------------------------------------------------- the escaper
def _escape_char(char: str) -> str:
    if char == "\\":
        return "\\\\"
    if char == '"':
        return '\\"'
    if char.isprintable() and char not in "\u2028\u2029":
        return char
    return f"\\u{{{ord(char):x}}}"  # newlines, tabs, control and format characters, unassigned


def typst_string(text: str) -> str:
    """Any text as a typst string literal, read back by typst as exactly that text."""
    return '"' + "".join(_escape_char(c) for c in text) + '"'


# ---------------------------------------------------------------------------- Markdown → typst
def _chunks(word: str, size: int) -> list[str]:
    return [word[i:i + size] for i in range(0, len(word), size)]


class _Writer:
    """Typst markup for one minute's Markdown tree; every text through `typst_string`."""

    def __init__(self, replace: frozenset[str]) -> None:
        self.replace = replace

    def text(self, value: str) -> str:
        for cluster in self.replace:
            value = value.replace(cluster, REPLACEMENT)
        # typst never breaks inside a word: a very long one gets invisible break points, or it
        # would run past the margin and out of the page.
        value = _LONG_WORD.sub(lambda m: ZERO_WIDTH_SPACE.join(_chunks(m.group(0), 20)), value)
        return f"#{typst_string(value)};" if value else ""

    def inline(self, nodes) -> str:
        out: list[str] = []
        for node in nodes:
            kind = node.type
            if kind == "text":
                out.append(self.text(node.content))
            elif kind == "softbreak":
                out.append(self.text(" "))
            elif kind == "hardbreak":
                out.append("#linebreak();")
            elif kind == "strong":
                out.append(f"#strong[{self.inline(node.children)}];")
            elif kind == "em":
                out.append(f"#emph[{self.inline(node.children)}];")
            elif kind == "code_inline":
                out.append(f"#raw({typst_string(node.content)});")
            elif node.children:
                out.append(self.inline(node.children))  # a link, an image: its text
            else:
                out.append(self.text(node.content))  # inline HTML and the like: shown as typed
        return "".join(out)

    def blocks(self, nodes) -> str:
        return "".join(self.block(node) for node in nodes)

    def block(self, node) -> str:
        kind = node.type
        if kind == "paragraph":
            return self.inline(node.children[0].children if node.children else []) + "\n\n"
        if kind == "heading":
            level = int(node.tag[1:])
            return f"#heading(level: {level})[{self.inline(node.children[0].children)}]\n\n"
        if kind == "table":
            return self.table(node)
        if kind in ("bullet_list", "ordered_list"):
            items = ", ".join(f"[{self.blocks(item.children)}]" for item in node.children)
            if kind == "bullet_list":
                return f"#list({items})\n\n"
            start = int(node.attrs.get("start", 1))
            return f"#enum(start: {start}, {items})\n\n"
        if kind == "blockquote":
            return f"#quote(block: true)[{self.blocks(node.children)}]\n\n"
        if kind in ("fence", "code_block"):
            return f"#raw({typst_string(node.content)}, block: true)\n\n"
        if kind == "hr":
            return "#line(length: 100%, stroke: 0.5pt + luma(150))\n\n"
        if node.children:
            return self.blocks(node.children)
        return self.text(node.content) + "\n\n"  # an HTML block and the like: shown as typed

    def table(self, node) -> str:
        head: list[str] = []
        body: list[str] = []
        for section in node.children:
            for row in section.children:
                cells = [f"[{self.inline(cell.children[0].children if cell.children else [])}]"
                         for cell in row.children]
                (head if section.type == "thead" else body).extend(cells)
        columns = max(1, len(head) or len(body))
        # The first column names the thing (a person, a measure): the widest; a last comment column too.
        fractions = ["2fr"] + ["1fr"] * (columns - 1)
        if columns >= 4:
            fractions[-1] = "2fr"
        widths = "(auto, 1fr)" if columns == 2 else f"({', '.join(fractions[:columns])})"
        header = f"table.header({', '.join(head)}), " if head else ""
        return f"#table(columns: {widths}, {header}{', '.join(body)})\n\n"


_PREAMBLE = """\
#set document(title: {title}, author: {author}, description: {subject}, keywords: ({keywords}))
#set text(lang: {lang}, region: {region}, font: {font}, size: 10pt)
#set page(paper: "a4", margin: (x: 2.2cm, top: 2.8cm, bottom: 2.4cm),
  header: block(width: 100%, stroke: (bottom: 0.5pt + luma(150)), inset: (bottom: 4pt),
    text(size: 8pt, weight: "bold", {marking})),
  footer: context text(size: 8pt)[#{person}; · #{day}; #h(1fr) side #counter(page).display() av \
#counter(page).final().first()])
#set par(leading: 0.62em, spacing: 0.9em)
#show heading: set block(above: 1.3em, below: 0.6em)
#show heading.where(level: 1): set text(size: 17pt)
#show heading.where(level: 2): set text(size: 12pt)
#set table(stroke: 0.5pt + luma(160), inset: 5pt, fill: (_, y) => if y == 0 {{ luma(232) }})
#show table.cell.where(y: 0): set text(weight: "bold")

"""


def typst_source(markdown: str, info: PdfInfo, *, replace: frozenset[str] = frozenset()) -> str:
    """The typst document for one minute: its metadata, running header and footer, and body."""
    writer = _Writer(replace)

    def lit(text: str) -> str:
        for cluster in replace:
            text = text.replace(cluster, REPLACEMENT)
        return typst_string(text)

    preamble = _PREAMBLE.format(
        title=lit(info.title), author=lit(info.author.strip() or "Koordinator"), subject=lit(info.subject),
        keywords=", ".join(typst_string(k) for k in KEYWORDS), lang=typst_string(info.lang),
        region=typst_string(info.region), font=typst_string(FONT_FAMILY), marking=typst_string(CONFIDENTIAL),
        person=lit(info.person_name.strip() or "Uten navn"), day=typst_string(info.day_text),
    )
    tree = SyntaxTreeNode(_MARKDOWN.parse(markdown))
    return preamble + writer.blocks(tree.children)


# ---------------------------------------------------------------------------- compiling
_local = threading.local()


def _compiler():
    """One typst compiler per thread, with only the shipped fonts (and typst's own)."""
    compiler = getattr(_local, "compiler", None)
    if compiler is None:
        import typst

        compiler = _local.compiler = typst.Compiler(font_paths=[str(FONT_DIR)], ignore_system_fonts=True)
    return compiler


def _undisplayable(error) -> frozenset[str]:
    """The texts typst says no font can show, from its diagnostic (typst's string escapes undone)."""
    found = set()
    text = f"{getattr(error, 'message', '')}\n{getattr(error, 'diagnostic', '')}"
    for match in _UNDISPLAYABLE.finditer(text):
        raw = re.sub(r"\\u\{([0-9a-fA-F]+)\}", lambda m: chr(int(m.group(1), 16)), match.group(1))
        raw = raw.replace('\\"', '"').replace("\\n", "\n").replace("\\t", "\t").replace("\\r", "\r")
        found.add(raw.replace("\\\\", "\\"))
    return frozenset(c for c in found if c)


def _timestamp(created: datetime | None):
    if created is None:
        return None
    return created if created.tzinfo else created.astimezone()  # the machine's local time, as stored


def render_pdf(markdown: str, info: PdfInfo) -> bytes:
    """The minute as PDF/A-2a + PDF/UA-1 bytes. A character no embedded font can show becomes
    U+FFFD (PDF/A forbids a missing glyph). Raises PdfError in Norwegian."""
    import typst

    replace: frozenset[str] = frozenset()
    for _attempt in range(2):
        try:
            return _compiler().compile(typst_source(markdown, info, replace=replace).encode("utf-8"),
                                       format="pdf", pdf_standards=PDF_STANDARDS,
                                       timestamp=_timestamp(info.created))
        except typst.TypstError as error:
            missing = _undisplayable(error) - replace
            if not missing:
                raise PdfError("PDF-en av referatet kunne ikke lages (feil i oppsettet av PDF-en).") from error
            replace = replace | missing
        except (KeyboardInterrupt, SystemExit):
            raise
        except BaseException as error:  # the compiler itself failed (a Rust panic is a BaseException)
            raise PdfError("PDF-en av referatet kunne ikke lages.") from error
    raise PdfError("PDF-en av referatet kunne ikke lages: teksten har tegn som ikke kan vises.")
