"""The walk: opens, continues and closes paragraphs line by line (pass 3)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field

import regex

from resolex.models import Diagnostic, Elision, Heading, Paragraph, ParagraphKind, Span
from resolex.patterns import bodies, lead_matcher
from resolex.segment.items import find_subparagraphs
from resolex.segment.lines import (
    _ANNEX,
    _ITU_ITEM,
    _ROMAN_LABEL,
    _SUBITEM,
    Line,
    _as_int,
    _heading_like,
    _next_meaningful,
    _opens_block,
    _terminated,
)

# Compiled once: a pattern given to regex.match() as a string is looked up in a cache at every call.
_FOOTNOTE = regex.compile(r"\d{1,3}\s+\S")
_NOT_SLUG = regex.compile(r"[^a-z0-9]+")
_ITEM_END = regex.compile(r"[;:](?:\s*(?:and|or))?\s*$")
_SECTION_LABEL = regex.compile(r"(?:(?:Section|Part|Chapter)\s+)?([IVXL]{1,6}|[A-H]|\d{1,2})\.?(?:\s|$)")
_ANNEX_WORD = regex.compile(r"annex\b", regex.IGNORECASE)


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


class _Walker:
    """Pass 3: opens, continues and closes paragraphs line by line."""

    def __init__(self, text: str, lines: list[Line], listed: tuple[tuple[int, str, int], ...] = ()) -> None:
        self.text = text
        self.lines = lines
        self.listed = listed
        self.listed_at = [pos for pos, _label, _depth in listed]  # ascending: labels are met in text order
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
            if _FOOTNOTE.match(line.text) or not self.blank_before:
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
        elif kind == "enacting" and not self.seen_operative and (self.open is None or _organ_alone(line)):
            self.close()  # "L'Assemblée générale" right after the last preambular paragraph
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
            slug = _NOT_SLUG.sub("_", line.lead.lower()).strip("_")
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
        # Russian, Chinese and Arabic leads have no capital: inside a sentence, a wrapped line's word
        capital = (line.lead or "")[:1].isupper()
        if self.open is not None and not capital and not _terminated(self.open.last_line):
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
        lines = self.lines
        last = lines[i].text
        for j in range(i + 1, len(lines)):  # by index: a slice would copy the rest of the list
            if lines[j].kind == "blank":
                break
            last = lines[j].text
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
            and _ITEM_END.search(prev)
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
        roman = _SECTION_LABEL.match(line.text)
        if _ANNEX_WORD.match(line.text):
            self.pending_prefix = "annex__"
        elif roman:
            annex = self.prefix.split("sec_", 1)[0] if self.prefix.startswith("annex") else ""
            self.pending_prefix = f"{annex}sec_{roman.group(1)}__"  # a section of an annex stays in it

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
        first = bisect_right(self.listed_at, op.body_start)
        last = bisect_left(self.listed_at, op.end, first)
        listed = [(pos, label) for pos, label, _ in self.listed[first:last]]
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


def _organ_alone(line: Line) -> bool:
    """The whole line is an organ's name (with its article and comma), not text that mentions one."""
    name = regex.sub(r"^(?:The|La|Le|El|L'|إن)\s*|\s*,?\s*$", "", line.text)
    return any(name == alias for body in bodies().body for alias in body.aliases)


def _body_name(line: str) -> str:
    for body in bodies().body:  # a short name counts in a script without articles: "大会,"
        if any(alias in line for alias in body.aliases if len(alias) > 4 or not alias.isascii()):
            return body.name
    return regex.sub(r"^(?:The|La|Le|El|L'|إن)\s*|\s*,\s*$", "", line).strip()


# --- sub-paragraphs -------------------------------------------------------------
