"""Quotations: a quoted paragraph against the paragraph it cites (RX401, RX402)."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from resolex.models import Diagnostic, Document, Paragraph, Span, SubParagraph
from resolex.validate.parts import ELISION, Corpus, diag
from resolex.validate.references import target_in

# A quotation right after the reference: "…, which says '…'", "… reads: \"…\"", "…: '…'".
_QUOTED = regex.compile(
    r"(?:[ ,]*\(?(?:(?:which|that|where\s+it)\s+)?(?:says|said|reads|read|states|stated|provides|declares)"
    r"(?:\s+as\s+follows|\s+that)?\s*[:,]?|[ ]*:)\s*"
    r"(?:\"(?P<dq>[^\"]{8,3000})\"|'(?P<sq>(?:[^']|'(?=\w)){8,3000})'(?!\w))"
)
_BRACKETED = regex.compile(r"\[[^\[\]]{0,80}\]")


def _folded(text: str) -> str:
    """Letters and digits only, case folded: what a quotation must keep."""
    return "".join(regex.findall(r"[\p{L}\p{N}]+", text.casefold()))


def quotations(doc: Document, corpus: Corpus | None) -> Iterator[Diagnostic]:
    """A quotation of a cited paragraph against that paragraph (this text's own, or the corpus's)."""
    for r in doc.references:
        pins = [p for p in r.pinpoints if p.unit == "paragraph"]
        m = _QUOTED.match(doc.text, r.span.end)
        if len(pins) != 1 or m is None or (r.document is not None and corpus is None):
            continue
        group = "dq" if m.group("dq") is not None else "sq"
        quote = Span(start=m.start(group), end=m.end(group))
        pin = pins[0]
        cited = f"paragraph {pin}" + (f" of {r.document.id or r.document.symbol}" if r.document else "")
        target = doc if r.document is None else target_in(corpus, r)
        if target is None:
            yield diag(
                "RX402", "info", f"quotation of {cited} not checked: no text of it in the corpus", quote
            )
            continue
        text = _cited_text(target, pin.paragraph, pin.subparagraph, pin.item)
        if text is None:
            continue  # RX301/RX304 say the paragraph is missing
        differs = _first_difference(doc.text[quote.start : quote.end], _folded(text))
        if differs is not None:
            yield diag("RX401", "error", f"quotation of {cited} differs from its text at {differs}", quote)


def _cited_text(target: Document, number: str, sub: str | None, item: str | None) -> str | None:
    p = target.paragraph(number)
    if p is None:
        return None
    node: Paragraph | SubParagraph = p
    for label in (sub, item):
        if label is None:
            break
        found = next((s for s in node.subparagraphs if s.label == label), None)
        if found is None:
            return None
        node = found
    return node.text


def _first_difference(quote: str, target: str) -> str | None:
    """Where the quotation leaves the target: its first word not found in order; None if none.

    Elision marks and bracketed insertions split the quotation into pieces that must
    appear in the target in order; case, spaces and punctuation are ignored.
    """
    pos = 0
    for piece in ELISION.split(_BRACKETED.sub("…", quote)):
        folded = _folded(piece)
        if not folded:
            continue
        at = target.find(folded, pos)
        if at >= 0:
            pos = at + len(folded)
            continue
        words = piece.split()
        k = 0
        while k < len(words) and target.find(_folded(" ".join(words[: k + 1])), pos) >= 0:
            k += 1
        k = min(k, len(words) - 1)
        before = " ".join(words[max(0, k - 3) : k])
        return f"{words[k]!r} (after {before!r})" if before else repr(words[k])
    return None
