"""Normalise: plain text or Word HTML to clean text with an offset map.

Both paths write through one :class:`~resolex.offsets.MapBuilder`, so every
character of the output knows the raw range it came from. Quote markers (``>``
at a line start, ``<blockquote>``) are removed from the text and kept as a
depth per line.

HTML is read with a small lexer over the raw markup rather than a tree: the
lexer knows the exact raw offset of every tag, entity and text run, which a
parsed tree (lxml drops positions) cannot give back without diffing.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_right
from dataclasses import dataclass

import regex

from resolex.models import OffsetMap
from resolex.offsets import MapBuilder

# One-for-one replacements: spaces, quotes and dashes that should match as ASCII.
_CHAR_MAP = {
    **dict.fromkeys(
        "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\t", " "
    ),
    **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032", "'"),
    **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033", '"'),
    **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d", "-"),
    **dict.fromkeys("\r\f\v\u2028\u2029\x85", "\n"),
    # Full-width forms of Chinese and Japanese text ("（a）", "第３５段") and the ideographic space.
    **{chr(code): chr(code - 0xFEE0) for code in range(0xFF01, 0xFF5F) if chr(code) not in "\uff0d"},
    "\u3000": " ",
    # Arabic-Indic and Extended Arabic-Indic digits ("الفقرة ٣٥") read as the digits they are.
    **{chr(0x0660 + d): str(d) for d in range(10)},
    **{chr(0x06F0 + d): str(d) for d in range(10)},
    # The Arabic comma and semicolon are the comma and semicolon of Arabic script ("الفقرتان 3، 4"):
    # lists, clause ends and "1 - تقرر …؛" read as with "," and ";". The ideographic comma "、" and
    # full stop "。" have no ASCII counterpart and stay as written (patterns.toml reads "、").
    "\u060c": ",",
    "\u061b": ";",
}
_CHAR_TABLE = str.maketrans(_CHAR_MAP)
_REPLACED = re.compile("[" + "".join(re.escape(ch) for ch in _CHAR_MAP) + "]")


def _replaced(m: re.Match[str]) -> str:
    return _CHAR_MAP[m.group()]


def _translate(chunk: str) -> str:
    """The one-for-one replacements of ``_CHAR_MAP``.

    ``str.translate`` is fast on ASCII but looks every character up in the table
    otherwise (about 17 MB/s); in other text the characters to replace are few, and a
    scan for them is ten times faster.
    """
    if chunk.isascii():
        return chunk.translate(_CHAR_TABLE)
    return _REPLACED.sub(_replaced, chunk)


# Characters that carry nothing a reader sees: soft hyphen, zero-width marks, BOM; the marks that
# steer right-to-left text (LRM, RLM, the Arabic letter mark, embeddings, overrides and isolates),
# which Arabic text copied from Word or a browser holds around numbers and Latin symbols; and the
# Arabic tatweel, a stretch of the line between letters for justification ("جنيـف" is "جنيف").
_INVISIBLE = (
    "\u00ad\u200b\u200c\u200d\u2060\ufeff"
    "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
    "\u0640"
)
_INVISIBLE_RUN = regex.compile("[" + _INVISIBLE + "]+")

_TEXT_EDITS = regex.compile(
    r"(?P<crlf>\r\n)|(?P<invisible>[" + _INVISIBLE + r"])|(?m:^(?P<quote>[ \t]{0,3}(?:>[ \t]?)+))"
)


@dataclass(frozen=True, slots=True)
class Normalized:
    """Clean text, its map back to the raw input, and quote depth per line."""

    text: str
    offsets: OffsetMap
    depth_changes: tuple[tuple[int, int], ...] = ()
    # Numbers of ordered-list items (<ol><li>, <orderedlist><listitem>), which a browser shows but
    # the text does not hold: (text position where the item begins, label, list nesting depth).
    list_labels: tuple[tuple[int, str, int], ...] = ()

    def depth_at(self, pos: int) -> int:
        """Quote depth of the text at ``pos`` (0 outside any quotation)."""
        if not self.depth_changes:
            return 0
        i = bisect_right(self.depth_changes, (pos, 1 << 30)) - 1
        return self.depth_changes[i][1] if i >= 0 else 0


def normalize_text(raw: str) -> Normalized:
    """Plain text: CRLF to LF, drop invisible characters and quote markers."""
    out = MapBuilder()
    depths: list[tuple[int, int]] = []
    cursor = 0
    for m in _TEXT_EDITS.finditer(raw):
        if m.start() > cursor:
            out.copy(_translate(raw[cursor : m.start()]), cursor)
        if m.group("crlf"):
            out.replace("\n", m.start(), m.end())
        elif m.group("quote") is not None:
            depth = m.group("quote").count(">")
            _record_depth(depths, out.length, depth)
        cursor = m.end()
        if m.group("quote") is None and out.last_char() == "\n":
            _record_depth(depths, out.length, 0)
    out.copy(_translate(raw[cursor:]), cursor)
    text = out.text()
    return Normalized(text, out.offset_map(), _line_depths(text, depths))


def _record_depth(depths: list[tuple[int, int]], pos: int, depth: int) -> None:
    """Mark the depth of the line starting at ``pos`` (every quoted line is marked: a line
    without a mark is unquoted, so a run of lines at one depth needs a mark on each)."""
    if depths and depths[-1][0] == pos:
        depths[-1] = (pos, depth)
    else:
        depths.append((pos, depth))


def _line_depths(text: str, marks: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    """Turn quote-marker positions into per-line depth runs (unquoted lines reset to 0)."""
    if not marks:
        return ()
    marked = dict(marks)
    runs: list[tuple[int, int]] = []
    start = 0
    for line in text.split("\n"):
        depth = marked.get(start, 0)
        if depth != (runs[-1][1] if runs else 0):
            runs.append((start, depth))
        start += len(line) + 1
    return tuple(runs)


# --- HTML --------------------------------------------------------------------

_HTML_TOKEN = regex.compile(
    r"""
    (?P<comment><!--.*?(?:-->|\Z))
  | (?P<cdata><!\[CDATA\[.*?(?:\]\]>|\Z))
  | (?P<markup><!\[(?:if|endif)[^\]>]{0,200}\]>|<![^>]{0,2000}>|<\?[^>]{0,2000}>)
  | (?P<tag></?(?P<name>[A-Za-z][\w:.-]{0,60})(?:[^>"']|"[^"]*"|'[^']*'){0,10000}>)
  | (?P<entity>&(?:\#[0-9]{1,7};?|\#[xX][0-9a-fA-F]{1,6};?|[A-Za-z][A-Za-z0-9]{1,31};?))
    """,
    regex.VERBOSE | regex.DOTALL,
)

# White space a browser collapses: anything but a lone space (kept as it is).
_COLLAPSIBLE = re.compile(r"[ \n]*\n[ \n]*| {2,}")  # (the standard library scans this faster)

_SKIPPED = frozenset({"script", "style", "head", "xml", "template", "noscript", "object"})
# What ends a skipped element: its end tag (a <head> left open ends where <body> begins).
_CLOSERS = {
    name: regex.compile(
        r"</" + regex.escape(name) + r"\s*>" + ("|<body\\b" if name == "head" else ""), regex.IGNORECASE
    )
    for name in _SKIPPED
}
_LINE_BLOCKS = frozenset(
    {
        "div",
        "li",
        "tr",
        "td",
        "th",
        "dt",
        "dd",
        "section",
        "article",
        "header",
        "footer",
        "address",
        "center",
        "caption",
        "form",
        "fieldset",
        "nav",
        "aside",
        "main",
        "figure",
        "body",
        "html",
    }
)
_PARAGRAPH_BLOCKS = frozenset(
    {
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "table", "ul", "ol", "dl", "pre", "hr",
        "title",
        # XML vocabularies read as markup: Akoma Ntoso, the UDHR's own schema
        "para", "article", "preamble", "recital", "recitals", "paragraph", "heading", "subheading", "intro",
        "content", "listitem", "orderedlist", "formula", "longtitle", "container", "point", "list",
        "subparagraph", "section", "part", "chapter", "hcontainer", "mainbody", "conclusions",
    }
)  # fmt: skip


class _HtmlFlattener:
    """Walks the token stream once, writing text, line breaks and quote depths."""

    def __init__(self, raw: str) -> None:
        self.raw = raw
        self.out = MapBuilder()
        self.pending = 0  # line breaks owed before the next visible character
        self.pending_at = (0, 0)  # raw range the owed breaks stand for
        self.quote = 0
        self.pre = 0
        self.depths: list[tuple[int, int]] = []
        self.lists: list[list[int | str] | None] = []  # open lists: [next number, type] or None (bullets)
        self.pending_label: str | None = None
        self.label_depth = 0
        self.labels: list[tuple[int, str, int]] = []

    def run(self) -> Normalized:
        raw = self.raw
        cursor = 0
        pos = 0
        n = len(raw)
        while pos < n:
            m = _HTML_TOKEN.search(raw, pos)
            if m is None:
                break
            if m.start() > cursor:
                self.text(raw[cursor : m.start()], cursor)
            cursor = self.token(m)
            pos = cursor
        if cursor < n:
            self.text(raw[cursor:], cursor)
        return Normalized(self.out.text(), self.out.offset_map(), tuple(self.depths), tuple(self.labels))

    def token(self, m: regex.Match[str]) -> int:
        kind = m.lastgroup  # the alternative that matched ("name" sits inside "tag", which closes last)
        if kind == "tag":
            return self.tag(m)
        if kind == "entity":
            entity = m.group()
            decoded = html.unescape(entity)
            if decoded == entity:
                self.text(decoded, m.start())
            else:
                self.visible(_translate(decoded), m.start(), m.end())
        return m.end()

    def tag(self, m: regex.Match[str]) -> int:
        name = m.group("name").lower()
        closing = self.raw[m.start() + 1] == "/"
        if not closing and name in _SKIPPED:
            return self.skip_element(name, m.end())
        if name == "br":
            self.breaks(1, m.start(), m.end(), add=True)
        elif name in _PARAGRAPH_BLOCKS:
            self.breaks(2, m.start(), m.end())
        elif name in _LINE_BLOCKS:
            self.breaks(1, m.start(), m.end())
        if name in _ORDERED or name in _UNORDERED:
            self.list_edge(name, m.group("tag"), closing=closing)
        elif name in _ITEMS and not closing:
            self.list_item(m.group("tag"))
        if name == "blockquote":
            self.quote = max(0, self.quote + (-1 if closing else 1))
        elif name == "pre":
            self.pre = max(0, self.pre + (-1 if closing else 1))
        return m.end()

    def list_edge(self, name: str, tag: str, *, closing: bool) -> None:
        """``<ol start=24 type=a>`` opens a numbered list; ``<ul>`` one without numbers."""
        if closing:
            if self.lists:
                self.lists.pop()
            return
        if name in _UNORDERED:
            self.lists.append(None)
            return
        start = _ATTR_START.search(tag)
        kind = _ATTR_TYPE.search(tag)
        self.lists.append([int(start.group(1)) if start else 1, kind.group(1) if kind else "1"])

    def list_item(self, tag: str) -> None:
        """An item of a numbered list: its number is shown by the browser, not written in the text."""
        if not self.lists or self.lists[-1] is None:
            return
        counter = self.lists[-1]
        value = _ATTR_VALUE.search(tag)
        if value:
            counter[0] = int(value.group(1))
        self.pending_label = _list_label(int(counter[0]), str(counter[1]))
        self.label_depth = sum(1 for lst in self.lists if lst is not None)
        counter[0] = int(counter[0]) + 1

    def skip_element(self, name: str, after: int) -> int:
        """Jump past a ``<style>``/``<script>``/``<head>`` element's content."""
        m = _CLOSERS[name].search(self.raw, after)
        if m is None:
            return after if name == "head" else len(self.raw)
        return m.end() if m.group().startswith("</") else m.start()

    def breaks(self, count: int, start: int, end: int, *, add: bool = False) -> None:
        if self.out.length == 0:
            return
        wanted = self.pending + count if add else max(self.pending, count)
        if wanted != self.pending:
            self.pending_at = (start, end) if self.pending == 0 else (self.pending_at[0], end)
        self.pending = min(wanted, 2)

    def flush(self) -> None:
        if not self.pending:
            return
        if self.out.last_char() == " ":
            self.out.drop_last_char()
        self.out.replace("\n" * self.pending, *self.pending_at)
        self.pending = 0

    def space(self, start: int, end: int) -> None:
        if self.pending or self.out.length == 0 or self.out.last_char() in " \n":
            return
        self.out.replace(" ", start, end)

    def text(self, chunk: str, start: int) -> None:
        """Visible text between tokens: runs of white space collapse to one space."""
        chunk = _translate(chunk)
        if self.pre:
            self.visible(chunk, start, start + len(chunk))
            return
        cursor = 0
        for m in _COLLAPSIBLE.finditer(chunk):
            if m.start() > cursor:
                self.visible(chunk[cursor : m.start()], start + cursor, start + m.start())
            self.space(start + m.start(), start + m.end())
            cursor = m.end()
        if cursor < len(chunk):
            self.visible(chunk[cursor:], start + cursor, start + len(chunk))

    def visible(self, chunk: str, start: int, end: int) -> None:
        if not chunk.isascii() and _has_invisible(chunk):  # the invisible characters are not ASCII
            if len(chunk) == end - start:  # text as written: each piece between the marks keeps its offsets
                cursor = 0
                for m in _INVISIBLE_RUN.finditer(chunk):
                    if m.start() > cursor:
                        self.visible(chunk[cursor : m.start()], start + cursor, start + m.start())
                    cursor = m.end()
                if cursor < len(chunk):
                    self.visible(chunk[cursor:], start + cursor, end)
                return
            chunk = _INVISIBLE_RUN.sub("", chunk)
        out = self.out
        if not self.pre and (self.pending or out.last_char() in ("", " ", "\n")):
            stripped = chunk.lstrip(" ")
            if len(chunk) == end - start:
                start += len(chunk) - len(stripped)
            chunk = stripped
        if not chunk:
            return
        if self.pending:
            self.flush()
        if self.quote != self._depth() and out.last_char() in ("\n", ""):
            self.depths.append((out.length, self.quote))
        if self.pending_label is not None:
            self.labels.append((out.length, self.pending_label, self.label_depth))
            self.pending_label = None
        out.replace(chunk, start, end)

    def _depth(self) -> int:
        return self.depths[-1][1] if self.depths else 0


_ORDERED = frozenset({"ol", "orderedlist"})
_UNORDERED = frozenset({"ul", "itemizedlist"})
_ITEMS = frozenset({"li", "listitem"})
_ATTR_START = regex.compile(r"\sstart\s*=\s*[\"']?(\d{1,4})", regex.IGNORECASE)
_ATTR_VALUE = regex.compile(r"\svalue\s*=\s*[\"']?(\d{1,4})", regex.IGNORECASE)
_ATTR_TYPE = regex.compile(r"\stype\s*=\s*[\"']?([1aAiI])", regex.IGNORECASE)
_ROMANS = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv")


def _list_label(n: int, kind: str) -> str:
    if kind in "aA" and 1 <= n <= 26:
        return chr(ord(kind) + n - 1)
    if kind in "iI" and 1 <= n <= len(_ROMANS):
        return _ROMANS[n - 1] if kind == "i" else _ROMANS[n - 1].upper()
    return str(n)


def _has_invisible(chunk: str) -> bool:
    return _INVISIBLE_RUN.search(chunk) is not None


def normalize_html(raw: str) -> Normalized:
    """Flatten markup: block tags become line breaks, inline tags join, entities decode."""
    return _HtmlFlattener(raw).run()
