"""Turns an answer's Markdown into HTML once, at startup: figures filled in, blocks marked, headings listed."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from html import escape
from html.parser import HTMLParser

import markdown

from app.domain.facts import FIGURES

# Blocks are rendered by templates (they need the page's language); the body keeps a marker for each.
BLOCKS: frozenset[str] = frozenset(
    {"folkepensionsalder_table", "tidlig_pension_table", "contact_details"}
)
PLACEHOLDER = re.compile(r"\{\{\s*([a-z_]+)\s*\}\}")
_BLOCK_MARKER = re.compile(r"<p>\s*\x00BLOCK:([a-z_]+)\x00\s*</p>|\x00BLOCK:([a-z_]+)\x00")


@dataclass(frozen=True)
class Heading:
    anchor: str
    text: str
    level: int
    explicit_anchor: bool


@dataclass(frozen=True)
class Block:
    name: str


@dataclass(frozen=True)
class SectionLink:
    """After each `##` heading: the template offers a link to the section (and a copy button)."""

    anchor: str
    heading: str
    name: str = "section_link"


@dataclass(frozen=True)
class RenderedBody:
    parts: tuple[str | Block | SectionLink, ...]
    headings: tuple[Heading, ...]
    links: tuple[str, ...]
    unknown_placeholders: tuple[str, ...]
    misplaced_blocks: tuple[str, ...]

    @property
    def html(self) -> str:
        """The body as one HTML string with blocks left out (for search snippets and checks)."""
        return "".join(part for part in self.parts if isinstance(part, str))

    @property
    def text(self) -> str:
        return html_to_text(self.html)

    @cached_property  # worked out once per answer: the chat reads them on every reply
    def sections(self) -> tuple[Section, ...]:
        """Each `##` section: its anchor, heading and plain text (what comes before the first
        heading is the answer's introduction and belongs to no section)."""
        html = self.html
        found: list[Section] = []
        starts = [(match.start(), match.group(1)) for match in _H2.finditer(html)]
        headings = {heading.anchor: heading.text for heading in self.headings if heading.level == 2}
        for index, (start, anchor) in enumerate(starts):
            end = starts[index + 1][0] if index + 1 < len(starts) else len(html)
            chunk = _H2_ELEMENT.sub("", html[start:end], count=1)
            found.append(Section(anchor, headings.get(anchor, anchor), html_to_text(chunk)))
        return tuple(found)


@dataclass(frozen=True)
class Section:
    anchor: str
    heading: str
    text: str


_H2 = re.compile(r'<h2 id="([^"]+)"')
# Where the body is cut into parts: a block's marker, or the end of a `##` heading.
_PART_BREAK = re.compile(
    _BLOCK_MARKER.pattern + r'|<h2 id="(?P<anchor>[^"]+)"[^>]*>(?P<heading>.*?)</h2>',
    re.S,
)
_TABLE = re.compile(r"<table>(.*?)</table>", re.S)
_HEADER_CELL = re.compile(r"<th[^>]*>(.*?)</th>", re.S)
_ROW = re.compile(r"<tr>.*?</tr>", re.S)
_DATA_CELL = re.compile(r"<td(?=[\s>])")
_H2_ELEMENT = re.compile(r"<h2[^>]*>.*?</h2>", re.S)


def fill_placeholders(text: str) -> tuple[str, list[str], list[str]]:
    """Put figures from app/domain/facts.py in place of {{ name }}; blocks become markers for the template."""
    unknown: list[str] = []
    misplaced: list[str] = []

    def substitute(match: re.Match[str]) -> str:
        name = match.group(1)
        if name in FIGURES:
            return str(FIGURES[name].value)
        if name in BLOCKS:
            line_start = text.rfind("\n", 0, match.start()) + 1
            line_end = text.find("\n", match.end())
            line = text[line_start : None if line_end == -1 else line_end]
            if line.strip() != match.group(0):
                misplaced.append(name)
            return f"\n\n\x00BLOCK:{name}\x00\n\n"
        unknown.append(name)
        return match.group(0)

    return PLACEHOLDER.sub(substitute, text), unknown, misplaced


def fill_figures(text: str) -> str:
    """Plain text (a summary) with figures from app/domain/facts.py in place of {{ name }}."""
    return PLACEHOLDER.sub(
        lambda match: (
            str(FIGURES[match.group(1)].value) if match.group(1) in FIGURES else match.group(0)
        ),
        text,
    )


class _TextCollector(HTMLParser):
    # A heading or table cell ends a thought; in running text it gets a full stop.
    _ENDS_THOUGHT = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "td", "th"})

    def __init__(self) -> None:
        super().__init__()
        self.chunks: list[str] = []

    def handle_data(self, data: str) -> None:
        self.chunks.append(data)

    def handle_endtag(self, tag: str) -> None:
        if (
            tag in self._ENDS_THOUGHT
            and self.chunks
            and not self.chunks[-1].rstrip().endswith((".", "?", "!", ":"))
        ):
            self.chunks.append(".")


def _responsive_table(match: re.Match[str]) -> str:
    """DKFDS's table with responsive headers: on a phone each row becomes a block, each cell
    labelled with its column's header (`data-title`). Between phone and desktop widths a wide
    table scrolls sideways; the wrapper takes keyboard focus so that works without a mouse."""
    head, end_of_head, body = match.group(1).partition("</thead>")
    titles = [escape(html_to_text(cell), quote=True) for cell in _HEADER_CELL.findall(head)]

    def label_cells(row: re.Match[str]) -> str:
        remaining = iter(titles)
        return _DATA_CELL.sub(lambda _cell: f'<td data-title="{next(remaining, "")}"', row.group(0))

    return (
        '<div class="table-scroll" tabindex="0"><table class="table table--compact table--responsive-headers">'
        f"{head}{end_of_head}{_ROW.sub(label_cells, body)}</table></div>"
    )


def html_to_text(html: str) -> str:
    collector = _TextCollector()
    collector.feed(html)
    return re.sub(r"\s+([.,])", r"\1", " ".join(" ".join(collector.chunks).split()))


class _LinkCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.links.append(href)


def _headings(tokens: list[dict], markdown_text: str) -> list[Heading]:
    explicit = set(
        re.findall(r"^#{1,6}\s.*\{[^}]*#([A-Za-z0-9_-]+)[^}]*\}\s*$", markdown_text, re.M)
    )
    found: list[Heading] = []
    for token in tokens:
        found.append(Heading(token["id"], token["name"], token["level"], token["id"] in explicit))
        found.extend(_headings(token.get("children", []), markdown_text))
    return found


@lru_cache(maxsize=1)
def _converter() -> markdown.Markdown:
    # Building a converter costs more than converting an answer, so all answers share one.
    return markdown.Markdown(
        extensions=["attr_list", "tables", "sane_lists", "toc"],
        extension_configs={"toc": {"permalink": False}},
        output_format="html",
    )


def render_markdown(markdown_text: str) -> RenderedBody:
    filled, unknown, misplaced = fill_placeholders(markdown_text)
    converter = _converter()
    converter.reset()
    html = _TABLE.sub(_responsive_table, converter.convert(filled))
    parts: list[str | Block | SectionLink] = []
    position = 0
    for match in _PART_BREAK.finditer(html):
        parts.append(html[position : match.end() if match.group("anchor") else match.start()])
        if match.group("anchor"):
            parts.append(SectionLink(match.group("anchor"), html_to_text(match.group("heading"))))
        else:
            parts.append(Block(match.group(1) or match.group(2)))
        position = match.end()
    parts.append(html[position:])
    collector = _LinkCollector()
    collector.feed(html)
    return RenderedBody(
        parts=tuple(part for part in parts if part != ""),
        headings=tuple(_headings(converter.toc_tokens, filled)),  # type: ignore[attr-defined]
        links=tuple(collector.links),
        unknown_placeholders=tuple(unknown),
        misplaced_blocks=tuple(misplaced),
    )
