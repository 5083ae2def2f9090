"""Segment: lines of normalised text to paragraphs, sub-paragraphs, headings and elisions.

The work is three small passes over the lines:

1. classify each line on its own (blank, numbered start, preambular start,
   elision, enacting formula, page furniture, other text);
2. decide which numbered starts really open paragraphs (a number needs a lead
   from the vocabularies, a first-person "We …" opener, or a run of numbered
   neighbours that have one);
3. walk the lines, opening, continuing and closing paragraphs, and placing
   headings; then find sub-paragraphs inside each paragraph.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from itertools import pairwise
from typing import Literal

import regex

from resolex.models import Diagnostic, Elision, Heading, Paragraph, ParagraphKind, Span, SubParagraph
from resolex.normalize import Normalized
from resolex.patterns import LeadMatcher, alternation, bodies, lead_matcher

LineKind = Literal[
    "blank",
    "numbered",
    "preambular",
    "elision",
    "enacting",
    "title",
    "closing",
    "furniture",
    "separator",
    "subitem",
    "text",
    "consumed",
    "annex",
    "opstart",
    "clause",
    "article",
]

_NUMBERED = regex.compile(
    r"(?:(?P<op>OP|PP)\s?)?(?P<num>\d{1,3}(?:\s?(?:bis|ter|quater))?)(?:[.)]|(?<=(?:OP|PP)\s?\d{1,3})[.:]?)(?=\s|$)\s*"
)
_ELISION = regex.compile(
    r"(?:\(\s*(?:\.\s*){2,}\.?\s*\)|\[\s*(?:\.\s*){2,}\.?\s*\]|\(\s*…\s*\)|\[\s*…\s*\]|…|\.{3,})"
)
_TITLE = regex.compile(
    r"(?:[A-Z]{1,3}-)?\d{1,4}/\d{1,4}(?:\s?[A-Z])?\.\s+\S"
    r"|(?:RESOLUTION|DECISION|RECOMMENDATION|Resolution|Decision|Recommendation)\s+\d{1,4}\s*\([^()]{1,40}\)$"
)
_CLOSING = regex.compile(r"\d{1,3}(?:st|nd|rd|th)\s+(?:plenary\s+)?meeting\b", regex.IGNORECASE)
_FURNITURE = regex.compile(
    r"""(?:
        \d{1,3}/\d{1,3}                              # page x/y
      | \d{2}-\d{5}\s*(?:\([A-Z]\))?(?:\s+\S+){0,3}  # job number 25-18301 (E)
      | \*\d{6,}\*                                   # barcode
      | [A-Z]{1,5}(?:/[A-Za-z0-9.\-]+){2,}(?:\s*\(\d{4}\))?  # a symbol alone: running header
      | Page\s+\d+(?:\s+of\s+\d+)?
      | -\s*\d{1,3}\s*-
    )""",
    regex.VERBOSE,
)
_ANNEX = regex.compile(
    r"(?:Annex(?:es)?|ANNEX(?:ES)?|Appendix|APPENDIX)(?:\s+(?P<n>[IVXL]{1,5}|\d{1,2}))?\.?"
)
_SYMBOL_ALONE = regex.compile(r"[A-Z]{1,5}(?:/[A-Za-z0-9.\-]+){2,}(?:\s*\(\d{4}\))?")
_RUNNING_TITLE = regex.compile(r"\S*[^\W\d_]{2}.*\s.*")  # words, not a lone number or label
_ARTICLE_HEAD = regex.compile(
    r"(?P<word>Article|ARTICLE|Artículo|ARTÍCULO|Articulo|Статья|المادة)\s+(?P<n>\d{1,3}|premier|1er|primero)\.?"
)
_STRUCTURE_NAME = regex.compile(r"(?i:preamble|préambule|preámbulo|преамбула|الديباجة|序言)\.?")
_SEPARATOR = regex.compile(r"[_\-=*]{5,}")
_SUBITEM = regex.compile(
    r"(?:\((?P<a>[a-z]{1,2}|[ivxl]{1,6}|\d{1,2})\)|(?P<b>[a-z]{1,2}|[ivxl]{1,6})\))(?:\s+|$)"
)
# An ITU operative item: "2 that WTPF …", or the number alone with the text on the next line.
_ITU_ITEM = regex.compile(r"(?P<n>[1-9]\d?)(?P<sub>\.\d{1,2})?(?:\s+(?=[a-z])|$)")
# A clause heading that a converter ran into the end of the item before it:
# "… above 6 per cent of total annual expenses, instructs the Secretary-General".
_GLUED_CLAUSE = regex.compile(
    r"(?<=[,;]\s{1,3})(?:further\s+)?(?:instructs|invites|resolves|decides|requests|urges|encourages"
    r"|recommends|authorizes)\s[^.;:]{1,120}$"
)
_ROMAN_LABEL = regex.compile(r"(?:[IVXL]{1,6}|[A-H])\.")
_ROMAN_HEADING = regex.compile(r"(?:[IVXL]{1,6}|[A-H])\.?(?:\s|$)")
_WORD = regex.compile(r"[^\W\d_][\w'-]*")
# "Strongly deploring", "Being further deeply concerned", "Gravely distressed": an opening
# participle, after adverbs, that the vocabulary does not list.
_PARTICIPLE_START = regex.compile(
    r"(?:(?:[A-Z][a-z]+ly|Further|Also|Again|Being|Remaining)\s+(?:(?:further|also|again|[a-z]+ly)\s+){0,2})?"
    r"(?!(?:During|Including|Regarding|According|Concerning|Notwithstanding|Following|Pending|Excluding"
    r"|Nothing|Something|Anything|Everything|United|Based|Red|Need|Speed|Seed|Feed)\b)"
    r"(?:(?<=\s)[a-z]+|[A-Z][a-z]+)(?:ing|ed)\b(?=\s+[a-z])"
)


@dataclass(slots=True)
class Line:
    start: int  # first non-space character
    end: int  # after the last non-space character
    text: str
    kind: LineKind = "text"
    number: str | None = None
    body_start: int = 0  # where the text after the number begins (absolute)
    rest: str = ""  # the text after the number
    lead: str | None = None
    lead_kind: ParagraphKind | None = None
    depth: int = 0
    label: str | None = None  # an item label: "a" of "a)", "2" of an ITU "2 that …"
    listed: tuple[str, int] | None = None  # the number of an <ol><li> item (not in the text), and its depth
    guessed: bool = False  # a lead found by its form (a participle), not in the vocabulary


@dataclass(slots=True)
class _Open:
    """A paragraph being built."""

    start: int
    end: int
    number: str | None
    kind: ParagraphKind
    lead: str
    body_start: int
    depth: int
    section: str | None
    last_line: str = ""
    lines: int = 1
    article: bool = False  # "Article 5": runs to the next article, across blank lines
    listing: bool = False  # after a chapeau ending in ":", items ending in ";" follow


@dataclass(slots=True)
class Segmented:
    """What segmentation found, before references are attached."""

    paragraphs: list[Paragraph] = field(default_factory=list)
    headings: list[Heading] = field(default_factory=list)
    elisions: list[Elision] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    enacting_body: str | None = None
    title: str | None = None
    number: str | None = None
    ignored: list[tuple[int, int]] = field(default_factory=list)  # page furniture, front matter


def _enacting_pattern() -> regex.Pattern[str]:
    names = [alias for body in bodies().body for alias in body.aliases if len(alias) > 4]
    return regex.compile(
        r"(?:The|La|Le|El|L')\s*(?P<body>"
        + alternation(names)
        + r"|[A-Z][\w'-]+(?:\s+(?:[A-Z][\w'-]+|of|the|and|for|on|de|du|des|la|le|y|del|et)){1,12})"
        r"(?:\s*\([^()]{1,60}\))?\s*,?"
    )


def split_lines(text: str, norm: Normalized) -> list[Line]:
    lines: list[Line] = []
    listed = {pos: (label, depth) for pos, label, depth in norm.list_labels}
    pos = 0
    for raw_line in text.split("\n"):
        stripped = raw_line.strip(" ")
        if stripped:
            start = pos + (len(raw_line) - len(raw_line.lstrip(" ")))
            line = Line(start, start + len(stripped), stripped, depth=norm.depth_at(start))
            line.listed = listed.get(start)
            lines.append(line)
        else:
            lines.append(Line(pos, pos, "", kind="blank"))
        pos += len(raw_line) + 1
    return lines


def classify(line: Line, leads: LeadMatcher, enacting: regex.Pattern[str]) -> None:
    t = line.text
    if line.kind == "blank":
        return
    if _ELISION.fullmatch(t):
        line.kind = "elision"
        return
    article = _ARTICLE_HEAD.fullmatch(t)
    if article:
        number = article.group("n")
        line.kind, line.number = "article", "1" if not number.isdigit() else number
        line.lead, line.lead_kind, line.body_start = article.group("word"), "operative", line.end
        return
    if line.listed is not None and _listed_start(line, leads):
        return
    clause = leads.clause(t)
    if clause:
        line.kind, line.lead, line.lead_kind = "clause", clause[0], clause[1]
        return
    m = _NUMBERED.match(t)
    if m:
        line.kind = "numbered"
        line.number = m.group("num").replace(" ", "")
        line.body_start = line.start + m.end()
        rest = line.rest = t[m.end() :]
        _attach_lead(line, rest, leads, pp=m.group("op") == "PP")
        return
    sub = _SUBITEM.match(t)
    if sub:
        line.kind, line.label = "subitem", sub.group("a") or sub.group("b")
        line.body_start = line.start + sub.end()
        return
    if _TITLE.match(t):
        line.kind = "title"
        return
    if _CLOSING.match(t) and len(t) < 60:
        line.kind = "closing"
        return
    if _SEPARATOR.fullmatch(t):
        line.kind = "separator"
        return
    if _FURNITURE.fullmatch(t):
        line.kind = "furniture"
        return
    if _ANNEX.fullmatch(t):
        line.kind = "annex"
        return
    lead = leads.preambular_lead(t)
    if lead:
        line.kind, line.lead, line.lead_kind, line.body_start = "preambular", lead, "preambular", line.start
        return
    lead = leads.operative_lead(t)
    if lead:
        line.kind, line.lead, line.lead_kind, line.body_start = "opstart", lead, "operative", line.start
        line.rest = t
        return
    guess = _PARTICIPLE_START.match(t)
    if guess:
        line.kind, line.lead, line.lead_kind, line.body_start = (
            "preambular",
            guess.group(),
            "preambular",
            line.start,
        )
        line.guessed = True
    if len(t) < 160 and enacting.fullmatch(t) and (t.endswith(",") or _names_body(t)):
        line.kind = "enacting"


def _listed_start(line: Line, leads: LeadMatcher) -> bool:
    """An item of a numbered HTML list: its number comes from the markup, its text is all there is."""
    assert line.listed is not None
    label, depth = line.listed
    if depth == 1 and label.isdigit() and not _NUMBERED.match(line.text):
        line.kind, line.number, line.rest, line.body_start = "numbered", label, line.text, line.start
        _attach_lead(line, line.text, leads, pp=False)
        return True
    if depth > 1 or not label.isdigit():
        line.kind, line.label, line.body_start = "subitem", label, line.start
        return True
    return False


def _names_body(text: str) -> bool:
    return any(alias in text for body in bodies().body for alias in body.aliases if len(alias) > 4)


def _attach_lead(line: Line, rest: str, leads: LeadMatcher, *, pp: bool) -> None:
    lead = leads.operative_lead(rest)
    if lead and not pp:
        line.lead, line.lead_kind = lead, "operative"
        return
    lead = leads.preambular_lead(rest)
    if lead:
        line.lead, line.lead_kind = lead, "preambular"
        return
    lead = leads.we_lead(rest)
    if lead:
        line.lead, line.lead_kind = lead, "operative"


def _merge_lone_numbers(lines: list[Line], leads: LeadMatcher) -> None:
    """ "1." alone on its line (PDF layout) takes its text from the next non-blank line."""
    for i, line in enumerate(lines):
        if line.kind != "numbered" or line.rest:
            continue
        j = i + 1
        while j < len(lines) and lines[j].kind == "blank" and j - i <= 3:
            j += 1
        if j == len(lines) or lines[j].kind in ("blank", "numbered", "elision", "separator"):
            continue
        nxt = lines[j]
        line.rest, line.body_start, line.end = nxt.text, nxt.start, nxt.end
        _attach_lead(line, nxt.text, leads, pp=False)
        for k in range(i + 1, j + 1):
            lines[k].kind = "consumed"


_INLINE_ITU = regex.compile(r"(?<=[;:.]\d{0,3}\s{1,6})(?P<head>(?!))?(?P<num>\d{1,2})\s+(?=(?:that|to)\b)")
_INLINE_START = regex.compile(
    r"(?<=[;:.]\d{0,3}\s{1,6})(?:(?P<head>[A-Z][\w'-]*(?:\s+[\w'-]+){0,5})\s+)?(?P<num>\d{1,3})[.)]\s+(?=[A-Z])"
)


def _split_run_on(lines: list[Line], leads: LeadMatcher) -> list[Line]:
    """PDF text sometimes runs numbered paragraphs together on one line: split them.

    A number inside a line opens a paragraph only when it is the next number in
    sequence, follows the end of a clause, and is followed by an operative lead
    (or, in ITU style, by "that" / "to"). A short phrase between the clause end
    and the number is a heading.
    """
    out: list[Line] = []
    expected: int | None = None
    itu = False
    for line in _unglue_clauses(lines, leads):
        pieces = [line]
        if line.kind == "numbered":
            expected, itu = (_as_int(line.number) or 0) + 1, False
        elif line.kind == "text" and (item := _ITU_ITEM.match(line.text)) and not item.group("sub"):
            expected, itu = int(item.group("n")) + 1, True
        if expected is not None and len(line.text) > 120 and line.kind in ("numbered", "text"):
            pieces = []
            current = line
            for m in (_INLINE_ITU if itu else _INLINE_START).finditer(line.text):
                rest = line.text[m.end() :]
                if _as_int(m.group("num")) != expected or not (
                    itu or leads.operative_lead(rest) or leads.we_lead(rest)
                ):
                    continue
                cut = line.start + m.start()
                pieces.append(_cut(current, current.start, _rstrip_to(current, cut)))
                if m.group("head"):
                    head_end = line.start + m.end("head")
                    pieces.append(Line(cut, head_end, line.text[m.start() : m.end("head")], depth=line.depth))
                current = _piece_from(line, m, leads, itu=itu)
                expected += 1
            pieces.append(current)
        out.extend(pieces)
    return out


def _unglue_clauses(lines: list[Line], leads: LeadMatcher) -> list[Line]:
    """Split an ITU clause heading off the end of the line it was run into."""
    out: list[Line] = []
    for k, line in enumerate(lines):
        m = _GLUED_CLAUSE.search(line.text) if line.kind == "text" else None
        nxt = next((ln for ln in lines[k + 1 :] if ln.kind != "blank"), None)
        clause = leads.clause(m.group()) if m else None
        if m is None or clause is None or nxt is None or not _ITU_ITEM.match(nxt.text):
            out.append(line)
            continue
        cut = line.start + m.start()
        out.append(_cut(line, line.start, _rstrip_to(line, cut)))
        head = Line(cut, line.end, m.group(), kind="clause", depth=line.depth)
        head.lead, head.lead_kind = clause
        out.append(head)
    return out


def _piece_from(line: Line, m: regex.Match[str], leads: LeadMatcher, *, itu: bool) -> Line:
    """The part of a split line that starts at an inline paragraph number."""
    piece = Line(line.start + m.start("num"), line.end, line.text[m.start("num") :], depth=line.depth)
    if itu:  # read as an ITU item by the walker, like "2 that …" on its own line
        return piece
    piece.kind, piece.number = "numbered", m.group("num")
    piece.rest = line.text[m.end() :]
    piece.body_start = line.start + m.end()
    _attach_lead(piece, piece.rest, leads, pp=False)
    return piece


def _rstrip_to(line: Line, cut: int) -> int:
    text = line.text[: cut - line.start].rstrip(" ")
    return line.start + len(text)


def _cut(line: Line, start: int, end: int) -> Line:
    """The first part of a line that was split (keeps its classification)."""
    rest = line.rest[: max(0, end - line.body_start)] if line.kind == "numbered" else ""
    return replace(line, start=start, end=end, text=line.text[: end - line.start], rest=rest)


def _front_matter(lines: list[Line]) -> None:
    """A leading ``---`` … ``---`` block (Markdown front matter) is metadata, not text."""
    if not lines or lines[0].text != "---":
        return
    for k, line in enumerate(lines[1:200], start=1):
        if line.text == "---":
            for ln in lines[: k + 1]:
                ln.kind = "furniture" if ln.kind != "blank" else "blank"
            return


def _accept_unled(lines: list[Line]) -> None:
    """Keep numbered lines without a lead only inside a run of accepted neighbours."""
    numbered = [ln for ln in lines if ln.kind == "numbered"]
    led = {id(ln) for ln in numbered if ln.lead_kind}
    changed = True
    accepted = set(led)
    while changed:
        changed = False
        for a, b in pairwise(numbered):
            if not (_as_int(a.number) is not None and _as_int(a.number) == (_as_int(b.number) or 0) - 1):
                continue
            for x, y in ((a, b), (b, a)):
                if id(x) in accepted and id(y) not in accepted and _sentence_like(y):
                    accepted.add(id(y))
                    changed = True
    run: list[Line] = []
    for ln in [*numbered, Line(0, 0, "")]:
        if run and (
            ln.number is None
            or _as_int(ln.number) != (_as_int(run[-1].number) or -9) + 1
            or not _sentence_like(ln)
        ):
            if len(run) >= 3 and all(_sentence_like(x, words=8) for x in run):
                accepted.update(id(x) for x in run)
            run = []
        if ln.number is not None and id(ln) not in led and _sentence_like(ln):
            run.append(ln)
    for ln in numbered:
        if id(ln) not in accepted:
            ln.kind = "text"
        elif ln.lead_kind is None:
            words = _WORD.findall(ln.rest)[:2]
            ln.lead, ln.lead_kind = " ".join(words), "operative"


def _sentence_like(line: Line, words: int = 4) -> bool:
    rest = line.rest
    return bool(rest[:1].isupper()) and len(rest.split()) >= words


def _as_int(number: str | None) -> int | None:
    if number is None:
        return None
    digits = regex.match(r"\d+", number)
    return int(digits.group()) if digits else None


def _repeated_furniture(lines: list[Line]) -> None:
    """Running page headers: short lines printed again and again, or right beside a symbol header."""
    counts = Counter(ln.text for ln in lines if ln.kind == "text" and len(ln.text) < 120)
    for ln in lines:
        if ln.kind == "text" and counts[ln.text] >= 3 and _RUNNING_TITLE.fullmatch(ln.text):
            ln.kind = "furniture"
    for k, ln in enumerate(lines):
        if ln.kind == "furniture" and _SYMBOL_ALONE.fullmatch(ln.text):
            for near in (k - 1, k + 1):
                if 0 <= near < len(lines) and lines[near].kind == "text" and len(lines[near].text) < 100:
                    lines[near].kind = "furniture"


def _terminated(text: str) -> bool:
    return text.rstrip()[-1:] in (".", ";", ":", ",", ")") if text.strip() else True


def _heading_like(line: Line) -> bool:
    t = line.text
    if _STRUCTURE_NAME.fullmatch(t):
        return False
    if len(t) > 100 or t[-1:] in (",", ";", ":") or not (t[:1].isupper() or t[:1].isdigit()):
        return False
    words = t.split()
    if len(words) > 12:
        return False
    if t.endswith(".") and len(words) > 4 and not _ROMAN_HEADING.match(t):
        return False
    return not (t[:1].isdigit() and not _ROMAN_HEADING.match(t))


def _opens_block(line: Line | None) -> bool:
    """What a heading stands above: a paragraph start (by vocabulary, not by form alone) or an elision."""
    return line is not None and line.kind in ("numbered", "preambular", "elision") and not line.guessed


def _next_meaningful(lines: list[Line], i: int) -> Line | None:
    for ln in lines[i + 1 :]:
        if ln.kind not in ("blank", "furniture", "consumed"):
            return ln
    return None


def segment(norm: Normalized, leads: LeadMatcher | None = None) -> Segmented:
    """Find paragraphs, headings and elisions in normalised text."""
    leads = leads or lead_matcher()
    text = norm.text
    enacting = _enacting_pattern()
    lines = split_lines(text, norm)
    for line in lines:
        classify(line, leads, enacting)
    _front_matter(lines)
    _merge_lone_numbers(lines, leads)
    lines = _split_run_on(lines, leads)
    _accept_unled(lines)
    _repeated_furniture(lines)
    return _Walker(text, lines, norm.list_labels).walk()


class _Walker:
    """Pass 3: opens, continues and closes paragraphs line by line."""

    def __init__(self, text: str, lines: list[Line], listed: tuple[tuple[int, str, int], ...] = ()) -> None:
        self.text = text
        self.lines = lines
        self.listed = listed
        self.out = Segmented()
        self.open: _Open | None = None
        self.section: str | None = None
        self.in_preamble = False
        self.seen_operative = False
        self.blank_before = False
        self.footnotes = False
        self.preamble_count = 0
        self.ids: Counter[str] = Counter()
        self.prefix = ""
        self.pending_prefix: str | None = None
        self.last_number: int | None = None
        self.clause: tuple[str, ParagraphKind] | None = None  # ITU style: the lead above the items
        self.skip_until = 0  # lines already read as part of a heading
        self.page_break = False  # a running header was skipped inside the open paragraph
        self.clause_items = 0

    def walk(self) -> Segmented:
        for i, line in enumerate(self.lines):
            self.step(i, line)
        self.close()
        return self.out

    def step(self, i: int, line: Line) -> None:
        if i < self.skip_until or self.passes_over(line):
            return
        was_blank, self.blank_before = self.blank_before, False
        kind = line.kind
        if kind == "clause" and (self.in_preamble or self.clause is not None):
            self.start_clause(line)
        elif self.clause is not None and self.clause_item(line, was_blank, i):
            pass
        elif self.open is not None and self.open.article and line.listed is not None:
            self.extend(line)  # the numbered paragraphs of an article are its sub-paragraphs
        elif kind in ("numbered", "article"):
            self.start_paragraph(line, line.number)
            if kind == "article" and self.open is not None:
                self.open.article = True
        elif self.opens_unnumbered(line, i):
            self.start_paragraph(line, None)
        elif kind in ("annex", "elision", "enacting", "title", "closing"):
            self.marker(line)
        elif self.open is not None and (kind == "subitem" or self.continues(line, was_blank, i)):
            self.extend(line)
        elif self.open is not None and self.interrupts(line, i):
            self.blank_before = was_blank  # a running header inside a paragraph: skip it
            self.out.ignored.append((line.start, line.end))
        else:
            self.close()
            self.try_heading(i)

    def passes_over(self, line: Line) -> bool:
        """Blank lines, page furniture and footnotes at a page foot: noted, never text of a paragraph."""
        kind = line.kind
        if kind == "blank":
            self.blank_before = True
        elif kind == "separator":
            self.footnotes = True
        elif kind == "furniture":
            self.out.ignored.append((line.start, line.end))
        elif kind != "consumed" and self.footnotes:
            if regex.match(r"\d{1,3}\s+\S", line.text) or not self.blank_before:
                self.blank_before = False
                return True  # footnote text at a page foot
            self.footnotes = False
            return False
        else:
            return kind == "consumed"
        return True

    def marker(self, line: Line) -> None:
        """Lines that shape the document without being paragraphs."""
        kind = line.kind
        if kind == "annex":
            self.close()
            label = _ANNEX.fullmatch(line.text)
            self.prefix = f"annex_{label.group('n')}__" if label and label.group("n") else "annex__"
            self.in_preamble = self.seen_operative = False
            self.pending_prefix, self.last_number, self.section = None, None, line.text
            self.out.headings.append(Heading(text=line.text, span=Span(start=line.start, end=line.end)))
        elif kind == "elision":
            self.close()
            self.out.elisions.append(Elision(text=line.text, span=Span(start=line.start, end=line.end)))
        elif kind == "enacting" and self.open is None and not self.seen_operative:
            self.out.enacting_body = _body_name(line.text)
            self.in_preamble = True
        elif kind == "title" and self.out.title is None and not self.out.paragraphs and self.open is None:
            number, dot, title = line.text.partition(". ")
            if dot and "/" in number:
                self.out.number, self.out.title = number.strip(), title.strip()
            else:
                self.out.title = line.text
            self.out.ignored.append((line.start, line.end))
        elif kind == "closing":
            self.close()
            self.in_preamble = False
        elif self.open is not None:
            self.extend(line)  # an enacting- or title-like line inside a paragraph is its text

    def start_clause(self, line: Line) -> None:
        """ITU style: "considering", "resolves", "instructs the Secretary-General" head the items below."""
        self.close()
        assert line.lead is not None
        assert line.lead_kind is not None
        self.clause = (line.lead, line.lead_kind)
        self.clause_items = 0
        if line.lead_kind == "operative":
            self.seen_operative = True
            slug = regex.sub(r"[^a-z0-9]+", "_", line.lead.lower()).strip("_")
            self.prefix = f"{slug}__"
        else:
            self.prefix = ""
        self.out.ignored.append((line.start, line.end))

    def clause_item(self, line: Line, was_blank: bool, i: int) -> bool:
        """Open or continue an item under an ITU clause; False when the line is something else."""
        assert self.clause is not None
        lead, kind = self.clause
        number: str | None = None
        if self.is_subitem_of_open(line):
            self.extend(line)
            return True
        if line.kind == "subitem" and line.label is not None:
            number = line.label
        elif line.kind == "numbered":
            number = line.number
            line.body_start = line.body_start or line.start
        elif line.kind in ("text", "preambular", "opstart"):
            item = _ITU_ITEM.match(line.text)
            if item:
                number = item.group("n")
                line.body_start = line.start + item.end()
            elif self.open is not None and (self.label_only() or self.continues(line, was_blank, i)):
                self.extend(line)
                return True
            elif self.open is None and not self.clause_items:  # the first text under the clause
                line.body_start = line.start
            else:
                return False
        else:
            return False
        line.lead, line.lead_kind = lead, kind
        self.start_paragraph(line, number)
        self.clause_items += 1
        return True

    def is_subitem_of_open(self, line: Line) -> bool:
        """Under an operative item, "a)" and "4.1" are its sub-items, not new paragraphs."""
        op = self.open
        if op is None or op.kind != "operative" or op.number is None or not op.number.isdigit():
            return False
        if line.kind == "subitem":
            return True
        item = _ITU_ITEM.match(line.text)
        return bool(item and item.group("sub") and item.group("n") == op.number)

    def label_only(self) -> bool:
        """The open item is just its label ("c)" on its own line): the next line is its text."""
        return self.open is not None and not self.text[self.open.body_start : self.open.end].strip()

    def opens_unnumbered(self, line: Line, i: int) -> bool:
        if line.kind == "preambular":
            return self.preamble_allowed(line, i)
        return line.kind == "opstart" and self.unnumbered_operative_allowed()

    def unnumbered_operative_allowed(self) -> bool:
        """A single operative paragraph is printed without a number, right after the preamble."""
        if self.seen_operative:
            return False
        return self.in_preamble or (self.open is not None and self.open.kind == "preambular")

    def preamble_allowed(self, line: Line, i: int) -> bool:
        if self.seen_operative and not self.pending_prefix:
            return False
        if line.guessed:  # by form alone: only inside a preamble, after a finished clause
            inside = self.in_preamble or (self.open is not None and self.open.kind == "preambular")
            return inside and (self.open is None or self.open.last_line.rstrip()[-1:] in (",", ";"))
        if self.in_preamble:
            return True
        if self.open is not None and self.open.kind == "preambular":
            return True
        # Quoted outside a full text: accept a complete clause ending with a comma.
        end = self._paragraph_end_guess(i)
        return len(line.text.split()) >= 6 and end.rstrip()[-1:] in (",", ";")

    def _paragraph_end_guess(self, i: int) -> str:
        for ln in self.lines[i:]:
            if ln.kind == "blank":
                break
            last = ln.text
        return last

    def interrupts(self, line: Line, i: int) -> bool:
        """A short line inside an unfinished sentence, the sentence going on after it."""
        assert self.open is not None
        if _terminated(self.open.last_line) or len(line.text) > 100:
            return False
        nxt = _next_meaningful(self.lines, i)
        if nxt is None or nxt.kind != "text" or not (_heading_like(line) or nxt.text[:1].islower()):
            return False
        self.page_break = True  # the sentence goes on after the running header, whatever its case
        return True

    def continues(self, line: Line, was_blank: bool, i: int) -> bool:
        assert self.open is not None
        if line.depth != self.open.depth:
            return False
        prev = self.open.last_line
        if prev.rstrip().endswith(":") and line.kind in ("text", "subitem"):
            self.open.listing = True  # a chapeau announces the items below it
            return True
        if (
            self.open.listing
            and line.kind in ("text", "subitem")
            and regex.search(r"[;:](?:\s*(?:and|or))?\s*$", prev)
        ):
            return True
        if self.page_break:
            self.page_break = False
            return True
        if self.open.article and line.kind in ("text", "subitem", "preambular", "opstart"):
            return True
        if _SUBITEM.fullmatch(prev.strip()):
            return True  # "(e)" alone on its line: the text of the item follows
        starts_lower = line.text[:1].islower() or line.text[:1] in "(\"'"
        if not was_blank:
            if _terminated(prev) and _heading_like(line):
                nxt = _next_meaningful(self.lines, i)
                if _opens_block(nxt):
                    return False
            return not (
                _terminated(prev)
                and prev.rstrip().endswith(".")
                and line.text[:1].isupper()
                and self.open.kind == "preambular"
            )
        return starts_lower and not prev.rstrip().endswith(".")

    def start_paragraph(self, line: Line, number: str | None) -> None:
        self.close()
        kind: ParagraphKind = line.lead_kind or "operative"
        if kind == "operative" and number is None:
            self.seen_operative = True
        elif kind == "operative":
            self.seen_operative = True
            self.in_preamble = False
            n = _as_int(number)
            if (
                self.pending_prefix is not None
                and n is not None
                and (self.last_number is None or n <= self.last_number)
            ):
                self.prefix = self.pending_prefix
            self.pending_prefix = None
            self.last_number = n if n is not None else self.last_number
        self.open = _Open(
            start=line.start,
            end=line.end,
            number=number,
            kind=kind,
            lead=line.lead or "",
            body_start=line.body_start,
            depth=line.depth,
            section=self.section,
            last_line=line.text,
        )

    def extend(self, line: Line) -> None:
        assert self.open is not None
        self.open.end = line.end
        self.open.last_line = line.text
        self.open.lines += 1

    def try_heading(self, i: int) -> None:
        """A short line, or up to three adjacent ones ("I." then its title), above a paragraph."""
        last = i
        while _heading_like(self.lines[last]) or _ROMAN_LABEL.fullmatch(self.lines[last].text):
            if _opens_block(_next_meaningful(self.lines, last)):
                self.heading(self.lines[i], self.lines[last])
                self.skip_until = last + 1
                return
            following = self.lines[last + 1] if last + 1 < len(self.lines) else None
            if following is None or following.kind != "text" or last - i >= 2:
                return
            last += 1

    def heading(self, first: Line, last: Line) -> None:
        text = self.text[first.start : last.end]
        self.out.headings.append(Heading(text=text, span=Span(start=first.start, end=last.end)))
        self.section = " ".join(text.split())
        line = first
        roman = regex.match(
            r"(?:(?:Section|Part|Chapter)\s+)?([IVXL]{1,6}|[A-H]|\d{1,2})\.?(?:\s|$)", line.text
        )
        if regex.match(r"annex\b", line.text, regex.IGNORECASE):
            self.pending_prefix = "annex__"
        elif roman:
            self.pending_prefix = (
                f"{self.prefix}sec_{roman.group(1)}__"
                if self.prefix == "annex__"
                else f"sec_{roman.group(1)}__"
            )

    def close(self) -> None:
        op = self.open
        if op is None:
            return
        self.open = None
        span = Span(start=op.start, end=op.end)
        if op.kind == "preambular" and (op.number is None or not op.number.isdigit()):
            self.preamble_count += 1
            base = f"{self.prefix}preamble__p_{self.preamble_count}"
        elif op.number is not None:
            base = f"{self.prefix}para_{op.number}"
        elif op.kind == "operative":
            base = f"{self.prefix}para_unnumbered"
        else:
            self.preamble_count += 1
            base = f"{self.prefix}preamble__p_{self.preamble_count}"
        self.ids[base] += 1
        ident = base if self.ids[base] == 1 else f"{base}__dup_{self.ids[base]}"
        listed = [(pos, label) for pos, label, _ in self.listed if op.body_start < pos < op.end]
        subs = find_subparagraphs(self.text, op.body_start, op.end, ident, number=op.number, listed=listed)
        if not op.lead:
            self.out.diagnostics.append(
                Diagnostic(
                    code="RX010",
                    severity="warning",
                    message=f"paragraph {op.number or ''} opens with no known lead",
                    span=span,
                )
            )
        elif not _is_vocabulary(op.lead):
            self.out.diagnostics.append(
                Diagnostic(
                    code="RX011",
                    severity="info",
                    message=f"paragraph {op.number or ident} opens with {op.lead!r}, in no lead vocabulary",
                    span=span,
                )
            )
        self.out.paragraphs.append(
            Paragraph(
                id=ident,
                number=op.number,
                kind=op.kind,
                lead=op.lead,
                text=self.text[op.start : op.end],
                span=span,
                section=op.section,
                subparagraphs=subs,
                quote_depth=op.depth,
            )
        )


def _is_vocabulary(lead: str) -> bool:
    leads = lead_matcher()
    if lead == "We" or leads.clause(lead):
        return True
    return bool(leads.operative_lead(lead) or leads.we_lead(lead) or leads.preambular_lead(lead))


def _body_name(line: str) -> str:
    for body in bodies().body:
        if any(alias in line for alias in body.aliases if len(alias) > 4):
            return body.name
    return regex.sub(r"^(?:The|La|Le|El|L')\s*|\s*,\s*$", "", line).strip()


# --- sub-paragraphs -------------------------------------------------------------

_SUB_MARK = regex.compile(
    r"(?:(?<=^|\n)[ ]*|(?<=[:;,.][ ]{0,3})|(?<=\s(?:and|or|et|y|ou|o)[ ]))"
    r"(?P<mark>\((?P<a>[a-z]{1,2}|[ivxl]{1,6})\)|(?P<b>[a-z]{1,2}|[ivxl]{1,6})\))(?=[ ]|\n)"
)
_ROMAN = (
    "i",
    "ii",
    "iii",
    "iv",
    "v",
    "vi",
    "vii",
    "viii",
    "ix",
    "x",
    "xi",
    "xii",
    "xiii",
    "xiv",
    "xv",
    "xvi",
    "xvii",
    "xviii",
    "xix",
    "xx",
)


def _next_letter(label: str) -> str:
    if label == "z":
        return "aa"
    if len(label) == 2 and label[0] == label[1]:
        return chr(ord(label[0]) + 1) * 2
    return chr(ord(label[-1]) + 1)


def find_subparagraphs(
    text: str,
    start: int,
    end: int,
    parent_id: str,
    *,
    number: str | None = None,
    listed: list[tuple[int, str]] | None = None,
) -> tuple[SubParagraph, ...]:
    """Lettered items (a), (b) … with roman items (i), (ii) … nested inside them.

    A label that could be either ("(i)" after "(h)", "(v)" after "(u)") is read
    by what follows it: "(ii)" next makes it roman, "(j)" next makes it a letter.
    """
    decimal = [(pos, 1, label) for pos, label in listed or []] or _decimal_items(text, start, end, number)
    if decimal:
        return _build_items(text, decimal, 0, len(decimal), level=1, end=end, parent=parent_id)
    found = [(m.start("mark"), m.group("a") or m.group("b")) for m in _SUB_MARK.finditer(text, start, end)]
    found = _restore_lost_labels(text, start, found)
    marks: list[tuple[int, int, str]] = []  # (position, level, label)
    expect_letter = "a"
    expect_roman: str | None = None
    for k, (pos, label) in enumerate(found):
        as_roman = expect_roman is not None and label == expect_roman
        as_letter = label == expect_letter
        if as_roman and as_letter:
            following = found[k + 1][1] if k + 1 < len(found) else None
            as_roman = following == _next_roman(label)
            as_letter = not as_roman
        if as_roman:
            marks.append((pos, 2, label))
            expect_roman = _next_roman(label)
        elif as_letter:
            marks.append((pos, 1, label))
            expect_letter = _next_letter(label)
            expect_roman = "i"
    if not marks or marks[0][1] != 1:
        marks = _roman_list(found)
    if not marks:
        return ()
    return _build_items(text, marks, 0, len(marks), level=1, end=end, parent=parent_id)


_LINE_START = regex.compile(r"(?<=\n[ ]*\n[ ]*)(?=\S)")


def _restore_lost_labels(text: str, start: int, found: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """PDF extraction sometimes drops the first labels: "…resources:", two bare lines, then "(c)".

    When the first label is "b" to "e" and exactly that many blank-line-separated
    lines stand between a chapeau ending in ":" and it, those lines are the
    missing items (a), (b) ….
    """
    if not found or found[0][1] not in ("b", "c", "d", "e"):
        return found
    chapeau_end = text.find(":", start, found[0][0])
    if chapeau_end < 0:
        return found
    starts = [m.start() for m in _LINE_START.finditer(text, chapeau_end, found[0][0])]
    missing = ord(found[0][1]) - ord("a")
    if len(starts) != missing:
        return found
    return [(pos, chr(ord("a") + k)) for k, pos in enumerate(starts)] + found


def _decimal_items(text: str, start: int, end: int, number: str | None) -> list[tuple[int, int, str]]:
    """ITU style "1.1", "1.2" … under paragraph 1, in sequence."""
    if number is None or not number.isdigit():
        return []
    marks: list[tuple[int, int, str]] = []
    pattern = regex.compile(
        r"(?:(?<=^|\n)[ ]*|(?<=[:;,.][ ]{1,3}))(?P<mark>" + number + r"\.(?P<n>\d{1,2}))(?=\s)"
    )
    for m in pattern.finditer(text, start, end):
        if int(m.group("n")) == len(marks) + 1:
            marks.append((m.start("mark"), 1, m.group("mark")))
    return marks if len(marks) >= 2 else []


def _roman_list(found: list[tuple[int, str]]) -> list[tuple[int, int, str]]:
    """A list numbered (i), (ii) … with no letters above it: roman items at the first level."""
    marks: list[tuple[int, int, str]] = []
    expect: str | None = "i"
    for pos, label in found:
        if label == expect:
            marks.append((pos, 1, label))
            expect = _next_roman(label)
    return marks if len(marks) >= 2 else []


def _next_roman(label: str) -> str | None:
    idx = _ROMAN.index(label)
    return _ROMAN[idx + 1] if idx + 1 < len(_ROMAN) else None


def _build_items(
    text: str, marks: list[tuple[int, int, str]], lo: int, hi: int, *, level: int, end: int, parent: str
) -> tuple[SubParagraph, ...]:
    items: list[SubParagraph] = []
    idx = [k for k in range(lo, hi) if marks[k][1] == level]
    for n, k in enumerate(idx):
        nxt = idx[n + 1] if n + 1 < len(idx) else hi
        item_end = marks[nxt][0] if nxt < hi else end
        while item_end > marks[k][0] and text[item_end - 1] in " \n":
            item_end -= 1
        ident = f"{parent}__subpara_{marks[k][2].replace('.', '-')}"
        children = (
            _build_items(text, marks, k + 1, nxt, level=level + 1, end=item_end, parent=ident)
            if level == 1
            else ()
        )
        items.append(
            SubParagraph(
                id=ident,
                label=marks[k][2],
                text=text[marks[k][0] : item_end],
                span=Span(start=marks[k][0], end=item_end),
                subparagraphs=children,
            )
        )
    return tuple(items)
