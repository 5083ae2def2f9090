"""resolex: UN-style resolution text to typed paragraphs and cross-references.

>>> import resolex
>>> doc = resolex.extract("24. Invites the Secretary-General to act, as in paragraph 35 of the Tunis Agenda;")
>>> [(p.number, p.kind, p.lead) for p in doc.paragraphs]
[('24', 'operative', 'Invites')]
>>> [(r.text, r.document.id, [str(x) for x in r.pinpoints]) for r in doc.references]
[('paragraph 35 of the Tunis Agenda', 'tunis-agenda', ['35'])]
"""

from resolex.annotate import annotate
from resolex.catalogue import Catalogue, Instrument
from resolex.corpus import Corpus, CorpusEntry, Link
from resolex.errors import DataFileError, ResolexError, SourceError
from resolex.export import schema
from resolex.graph import CitationGraph, citation_graph
from resolex.models import (
    Diagnostic,
    Document,
    DocumentRef,
    DocumentReport,
    Elision,
    Heading,
    OffsetMap,
    Paragraph,
    Pinpoint,
    Reference,
    Report,
    Source,
    Span,
    SubParagraph,
)
from resolex.page import render_page
from resolex.pipeline import extract, read
from resolex.validate import validate

__version__ = "0.1.0"

__all__ = [
    "Catalogue",
    "CitationGraph",
    "Corpus",
    "CorpusEntry",
    "DataFileError",
    "Diagnostic",
    "Document",
    "DocumentRef",
    "DocumentReport",
    "Elision",
    "Heading",
    "Instrument",
    "Link",
    "OffsetMap",
    "Paragraph",
    "Pinpoint",
    "Reference",
    "Report",
    "ResolexError",
    "Source",
    "SourceError",
    "Span",
    "SubParagraph",
    "__version__",
    "annotate",
    "citation_graph",
    "extract",
    "read",
    "render_page",
    "schema",
    "validate",
]
