"""Structure: leads (RX010, RX011), preamble then operative part (RX107, RX201, RX202), orphan
items (RX203)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator

import regex

from resolex.models import Diagnostic, Document, Span
from resolex.patterns import lead_matcher
from resolex.validate.parts import PREFIX, diag, is_clause, name_of, parts

_DRAFT_LABEL = regex.compile(r"(?:PP|OP)\s?\d")
_ORPHAN_ITEM = regex.compile(r"^[ ]*\(?(?:[a-z]|[ivx]{1,4})\)[ ]+\S", regex.MULTILINE)


def _in_vocabulary(lead: str) -> bool:
    m = lead_matcher()
    if lead == "We" or m.clause(lead):
        return True
    return bool(m.operative_lead(lead) or m.we_lead(lead) or m.preambular_lead(lead))


def leads(doc: Document) -> Iterator[Diagnostic]:
    """The segmenter's own lead checks, re-derived from the paragraphs (same codes)."""
    for p in doc.paragraphs:
        if not p.lead:
            yield diag("RX010", "warning", f"paragraph {p.number or ''} opens with no known lead", p.span)
        elif not _in_vocabulary(p.lead):
            yield diag(
                "RX011",
                "info",
                f"paragraph {p.number or p.id} opens with {p.lead!r}, in no lead vocabulary",
                p.span,
            )


def order(doc: Document) -> Iterator[Diagnostic]:
    """Preamble first, then the operative part: each part of a text is checked on its own."""
    for part in parts(doc):
        numbered_op = [
            i for i, p in enumerate(part) if p.kind == "operative" and (p.number or "")[:1].isdigit()
        ]
        operative = [i for i, p in enumerate(part) if p.kind == "operative"]
        begins = (numbered_op or operative or [len(part)])[0]  # where the operative part begins
        for i, p in enumerate(part):
            prefix = PREFIX.match(p.id)
            if (
                p.kind == "operative"
                and i < begins
                and p.text.rstrip().endswith(",")
                and not is_clause(prefix.group("prefix") if prefix else "", p)
            ):
                yield diag(
                    "RX201",
                    "error",
                    f"{name_of(p)} opens with the operative {p.lead!r} but ends with a comma in the preamble,"
                    f" before operative {name_of(part[begins])}",
                    p.span,
                )
            elif p.kind == "preambular" and i > begins:
                yield diag(
                    "RX202",
                    "error",
                    f"preambular {name_of(p)} ({p.lead!r}) comes after operative {name_of(part[begins])}",
                    p.span,
                )
            elif p.kind == "preambular" and (p.number or "")[:1].isdigit() and not _DRAFT_LABEL.match(p.text):
                yield diag(
                    "RX107",
                    "warning",
                    f"preambular paragraph {p.lead!r} is numbered {p.number}; preambular paragraphs are not",
                    p.span,
                )


def orphan_items(doc: Document) -> Iterator[Diagnostic]:
    """Lettered items on lines of their own that no paragraph holds (unless an elision explains it)."""
    held = sorted(
        [(p.span.start, p.span.end) for p in doc.paragraphs]
        + [(h.span.start, h.span.end) for h in doc.headings]
    )
    starts = [a for a, _ in held]
    run: list[regex.Match[str]] = []
    for m in _ORPHAN_ITEM.finditer(doc.text):
        i = bisect_right(starts, m.start()) - 1
        if i >= 0 and held[i][1] > m.start():
            continue
        if run and bisect_left(starts, m.start()) > bisect_left(starts, run[-1].end()):
            yield from _orphan_run(doc, run)
            run = []
        run.append(m)
    if run:
        yield from _orphan_run(doc, run)


def _orphan_run(doc: Document, run: list[regex.Match[str]]) -> Iterator[Diagnostic]:
    start = run[0].start() + len(run[0].group()) - len(run[0].group().lstrip(" "))
    before = max((p.span.end for p in doc.paragraphs if p.span.end <= start), default=0)
    if any(before <= e.span.start < start for e in doc.elisions):
        return  # the items of a paragraph the excerpt leaves out
    end = doc.text.find("\n", run[-1].start())
    end = len(doc.text) if end < 0 else end
    labels = ", ".join(m.group().split()[0] for m in run)
    yield diag(
        "RX203", "warning", f"sub-paragraphs {labels} stand outside any paragraph", Span(start=start, end=end)
    )
