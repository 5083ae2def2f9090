"""Validate: what is wrong or doubtful in extracted documents, as coded diagnostics.

Codes are stable; ``docs/diagnostics.md`` holds the one table with an example of each.

- ``RX0xx`` come from extraction (load, segment, detect, resolve) and are carried over
  from ``Document.diagnostics``; the lead checks ``RX010``/``RX011`` are also re-derived
  here, so a document built or loaded by other means is checked the same way;
- ``RX1xx`` numbering, ``RX2xx`` structure, ``RX3xx`` references, ``RX4xx`` quotations.

Every check reads only the public models; none changes a document. One module per family:
``numbering``, ``structure``, ``references``, ``quotations``; ``parts`` says how a document
divides (texts of a volume, parts, numbers).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from resolex.catalogue import Catalogue
from resolex.models import Diagnostic, Document, DocumentReport, Report
from resolex.validate.numbering import labels, numbering
from resolex.validate.parts import Corpus
from resolex.validate.quotations import quotations
from resolex.validate.references import references
from resolex.validate.structure import leads, order, orphan_items

__all__ = ["Corpus", "check", "validate"]


def validate(
    documents: Document | Iterable[Document] | Mapping[str, Document],
    *,
    corpus: Corpus | None = None,
    catalogue: Catalogue | None = None,
) -> Report:
    """Check one document, several, or a mapping of name to document.

    ``corpus`` maps an instrument id (or symbol) to its Document; with it, quotations of a
    cited paragraph are compared with that paragraph. A mapping passed as ``documents`` is
    its own corpus unless another is given. ``catalogue`` (default: the shipped one) gives
    paragraph counts. Never raises on a document: what is wrong becomes a diagnostic.
    """
    named: list[tuple[str | None, object]]
    if isinstance(documents, Document):
        named = [(documents.symbol, documents)]
    elif isinstance(documents, Mapping):
        named = list(documents.items())
        corpus = documents if corpus is None else corpus
    elif isinstance(documents, Iterable) and not isinstance(documents, (str, bytes)):
        named = [(getattr(d, "symbol", None), d) for d in documents]
    else:
        raise TypeError(f"validate() takes Documents, not {type(documents).__name__}")
    checked: list[tuple[str | None, Document]] = []
    for name, doc in named:
        if not isinstance(doc, Document):
            raise TypeError(f"validate(): {name or 'an item'} is a {type(doc).__name__}, not a Document")
        checked.append((name, doc))
    catalogue = catalogue or Catalogue.default()
    return Report(
        documents=tuple(
            DocumentReport(name=name, diagnostics=check(doc, corpus=corpus, catalogue=catalogue))
            for name, doc in checked
        )
    )


def check(doc: Document, *, corpus: Corpus | None, catalogue: Catalogue) -> tuple[Diagnostic, ...]:
    """Every diagnostic of one document, in text order (extraction's own first at equal places)."""
    found = list(doc.diagnostics)
    seen = {(d.code, d.span) for d in found}
    for d in (
        *numbering(doc),
        *labels(doc),
        *leads(doc),
        *order(doc),
        *orphan_items(doc),
        *references(doc, catalogue, corpus),
        *quotations(doc, corpus),
    ):
        if (d.code, d.span) not in seen:
            seen.add((d.code, d.span))
            found.append(d)
    return tuple(sorted(found, key=lambda d: (d.span.start if d.span else -1, d.code)))
