"""References: own paragraphs (RX301, RX302), catalogue counts (RX303), corpus pinpoints (RX304),
symbols (RX305)."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from resolex.catalogue import Catalogue
from resolex.models import Diagnostic, Document, Reference, Severity
from resolex.patterns import bodies
from resolex.validate.parts import Corpus, diag, digits, name_of

_SHAPES = {
    "session": r"(?:(?:ES-|S-)?\d{1,2}/\d{1,4}(?:\s?[A-Z])?|\d{1,4}\s?\([IVXL]+\))",
    "year": r"(?:19[4-9]\d|20\d\d)/\d{1,4}(?:\s?[A-Z])?",
    "serial-year": r"\d{1,4}(?:\s?\((?:19|20)\d{2}\))?",
}
_EXAMPLES = {"session": "60/252", "year": "2006/46", "serial-year": "1325 (2000)"}
_SYMBOL_TAIL = r"(?:/(?:Add|Corr|Rev)\.\d{1,2})*(?:-[EFSRCA])?"
# Words that make a pinpoint surely the text's own: "paragraph 14 above", "of the present resolution".
_EXPLICIT_SELF = regex.compile(r"\b(?:above|below|hereof|herein|present|this)\b", regex.IGNORECASE)


def references(doc: Document, catalogue: Catalogue, corpus: Corpus | None) -> Iterator[Diagnostic]:
    for r in doc.references:
        if r.document is None:
            yield from _self_reference(doc, r)
            continue
        if r.document.symbol:
            yield from _symbol(r, r.document.symbol)
        inst = catalogue.get(r.document.id) if r.document.id else None
        if inst is not None and inst.paragraph_count is not None:
            for pin in r.pinpoints:
                if (
                    pin.unit == inst.unit
                    and pin.paragraph.isdigit()
                    and int(pin.paragraph) > inst.paragraph_count
                ):
                    count = f"{inst.paragraph_count} {inst.unit}s"
                    yield diag(
                        "RX303",
                        "error",
                        f"{inst.unit} {pin} of {inst.title} is cited; it has {count}",
                        r.span,
                    )
        target = target_in(corpus, r)
        if target is not None and target is not doc:
            yield from _missing_in(target, r, "RX304", f"{r.document.id or r.document.symbol}", sure=True)


def _self_reference(doc: Document, r: Reference) -> Iterator[Diagnostic]:
    """ "paragraph 14 above" must exist; a bare "paragraph 14" may cite another text, so only warns."""
    yield from _missing_in(doc, r, "RX301", "this text", sure=bool(_EXPLICIT_SELF.search(r.text)))
    for pin in r.pinpoints:
        p = doc.paragraph(pin.paragraph) if pin.unit == "paragraph" else None
        if p is None or pin.subparagraph is None:
            continue
        subs = {s.label: s for s in p.subparagraphs}
        sub = subs.get(pin.subparagraph)
        if sub is None or (pin.item and pin.item not in {s.label for s in sub.subparagraphs}):
            yield diag("RX302", "warning", f"{name_of(p)} has no sub-paragraph {pin} as cited", r.span)


def _missing_in(target: Document, r: Reference, code: str, what: str, *, sure: bool) -> Iterator[Diagnostic]:
    """Pinpoints the target lacks: an error when the target is whole and the citation certain."""
    numbers = {p.number for p in target.paragraphs if digits(p.number) is not None}
    preambular = sum(1 for p in target.paragraphs if p.kind == "preambular" and not p.number)
    severity: Severity = "error" if sure and not target.elisions else "warning"
    what += " (an excerpt)" if target.elisions else ""
    doubt = "" if sure else " (another text may be meant)"
    for pin in r.pinpoints:
        if pin.unit == "paragraph" and numbers and pin.paragraph not in numbers:
            message = f"paragraph {pin.paragraph} is cited; {what} has no paragraph {pin.paragraph}{doubt}"
            yield diag(code, severity, message, r.span)
        elif pin.unit == "preambular" and preambular and (digits(pin.paragraph) or 0) > preambular:
            message = f"preambular paragraph {pin.paragraph} is cited; {what} has {preambular}{doubt}"
            yield diag(code, severity, message, r.span)


def _symbol(r: Reference, symbol: str) -> Iterator[Diagnostic]:
    """A resolution symbol as written ("A/RES/60/2520/1") must have its series' shape."""
    written = "".join(r.text.split())
    for body in bodies().body:
        series = body.resolution_symbol.replace("{number}", "")
        if not series or not symbol.startswith(series) or series not in written:
            continue
        number = symbol[len(series) :]
        if not regex.fullmatch(_SHAPES[body.number_shape] + _SYMBOL_TAIL, number):
            example = _EXAMPLES[body.number_shape]
            message = f"symbol {symbol} is malformed: {body.name} resolutions read like {series}{example}"
            yield diag("RX305", "error", message, r.span)
        return


def target_in(corpus: Corpus | None, r: Reference) -> Document | None:
    if corpus is None or r.document is None:
        return None
    ref = r.document
    for key in (ref.id, ref.symbol):
        if key and key in corpus:
            return corpus[key]
    return next((d for d in corpus.values() if ref.symbol and d.symbol == ref.symbol), None)
