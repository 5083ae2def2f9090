"""Passes over classified lines: repairs PDF and converter damage before the walk (pass 2)."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from itertools import pairwise

import regex

from resolex.patterns import LeadMatcher
from resolex.segment.lines import (
    _GLUED_CLAUSE,
    _ITU_ITEM,
    _RUNNING_TITLE,
    _SYMBOL_ALONE,
    _WORD,
    Line,
    _as_int,
    _attach_lead,
    _sentence_like,
)


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


# What every match of _INLINE_START (_INLINE_ITU) holds: a cheap test before the full pattern.
_NUMBER = regex.compile(r"[;:.]\d{0,3}\s{1,6}(?:[A-Z][\w'-]*(?:\s+[\w'-]+){0,5}\s+)?\d{1,3}[.)]\s+[A-Z]")
_ITU_NUMBER = regex.compile(r"[;:.]\d{0,3}\s{1,6}\d{1,2}\s+(?:that|to)\b")


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
            inline = _INLINE_ITU if itu else _INLINE_START
            # the look-behind is tried at every position: look for a number in place first
            found = inline.finditer(line.text) if (_ITU_NUMBER if itu else _NUMBER).search(line.text) else ()
            for m in found:
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


def _next_non_blank(lines: list[Line], k: int) -> Line | None:
    return next((lines[j] for j in range(k + 1, len(lines)) if lines[j].kind != "blank"), None)


def _unglue_clauses(lines: list[Line], leads: LeadMatcher) -> list[Line]:
    """Split an ITU clause heading off the end of the line it was run into."""
    out: list[Line] = []
    for k, line in enumerate(lines):
        m = _GLUED_CLAUSE.search(line.text) if line.kind == "text" else None
        clause = leads.clause(m.group()) if m else None
        nxt = _next_non_blank(lines, k) if clause else None
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
    accepted = set(led)
    # Acceptance spreads from a line to the sentence-like line numbered next to it, either way. The
    # neighbours form a chain, so one sweep forwards and one backwards reach every line it spreads to
    # (sweeping both ways until nothing changed took one pass per line of a long run: quadratic).
    linked = [
        _as_int(a.number) is not None and _as_int(a.number) == (_as_int(b.number) or 0) - 1
        for a, b in pairwise(numbered)
    ]
    for k in range(1, len(numbered)):
        if linked[k - 1] and id(numbered[k - 1]) in accepted and _sentence_like(numbered[k]):
            accepted.add(id(numbered[k]))
    for k in range(len(numbered) - 2, -1, -1):
        if linked[k] and id(numbered[k + 1]) in accepted and _sentence_like(numbered[k]):
            accepted.add(id(numbered[k]))
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
