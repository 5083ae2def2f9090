"""The typed results of extraction.

Every model is frozen, forbids unknown fields and holds tuples, so a result is a
value: two extractions of the same text compare equal and JSON loads back into
an equal object. Items link to each other by id, never by back-pointer.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

ParagraphKind = Literal["preambular", "operative"]
Severity = Literal["error", "warning", "info"]
PinpointUnit = Literal["paragraph", "preambular", "article", "section", "chapter", "annex"]
TargetKind = Literal["instrument", "resolution", "decision", "document"]


class Frozen(BaseModel):
    """Base for every public model: immutable, strict about fields."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class Span(Frozen):
    """Half-open character range ``[start, end)`` into ``Document.text``."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)

    @model_validator(mode="after")
    def _ordered(self) -> Span:
        if self.end < self.start:
            raise ValueError(f"span end {self.end} is before its start {self.start}")
        return self

    def __len__(self) -> int:
        return self.end - self.start


class Diagnostic(Frozen):
    """Something doubtful or wrong, with a stable code and where it is."""

    code: str
    severity: Severity
    message: str
    span: Span | None = None


class SubParagraph(Frozen):
    """A lettered or numbered item inside a paragraph: ``(a)``, ``(ii)``, ``b)``."""

    id: str
    label: str
    text: str
    span: Span
    subparagraphs: tuple[SubParagraph, ...] = ()


class Paragraph(Frozen):
    """A preambular or operative paragraph of a resolution or outcome text.

    ``language`` is the paragraph's own ("fr" for a French resolution quoted in an English
    mail), read from its lead and first words; the document's language when they do not say.
    """

    id: str
    number: str | None
    kind: ParagraphKind
    lead: str
    text: str
    span: Span
    section: str | None = None
    subparagraphs: tuple[SubParagraph, ...] = ()
    quote_depth: int = 0
    language: str | None = None


class Heading(Frozen):
    """A short unnumbered line that titles the paragraphs below it."""

    text: str
    span: Span


class Elision(Frozen):
    """An omission mark between paragraphs: ``(...)``, ``[...]``, ``…``."""

    text: str
    span: Span


class Pinpoint(Frozen):
    """One cited paragraph (or article, section …), optionally narrowed to an item.

    ``str()`` gives the form a reader would write: ``35``, ``33 (b)``, ``5 (b) (ii)``.
    """

    unit: PinpointUnit = "paragraph"
    paragraph: str
    subparagraph: str | None = None
    item: str | None = None

    def __str__(self) -> str:
        parts = [self.paragraph]
        parts += [f"({label})" for label in (self.subparagraph, self.item) if label]
        return " ".join(parts)

    @property
    def target_id(self) -> str:
        """The Akoma Ntoso style id of the cited element: ``para_33__subpara_b``."""
        prefix = {
            "paragraph": "para",
            "preambular": "preamble__p",
            "article": "art",
            "section": "sec",
            "chapter": "chp",
            "annex": "annex",
        }[self.unit]
        ident = f"{prefix}_{self.paragraph}"
        if self.subparagraph:
            ident += f"__subpara_{self.subparagraph}"
        if self.item:
            ident += f"__subpara_{self.item}"
        return ident


class DocumentRef(Frozen):
    """The instrument a reference names.

    ``id`` is the catalogue slug when the instrument is known; ``symbol`` is the
    normalised UN symbol when it can be derived; ``title`` is the name as written.
    """

    kind: TargetKind
    id: str | None = None
    symbol: str | None = None
    title: str | None = None
    body: str | None = None
    number: str | None = None


class Reference(Frozen):
    """One mention of a cited text, as written, with what it points at.

    ``document`` is ``None`` when the mention points at the text itself
    ("paragraph 1 above", "the present resolution"). ``within`` names the part of the
    cited text the reference is in, as the prefix of its paragraph ids (``annex``,
    ``annex_II``, ``chp_VII``): "paragraph 3 of the annex" has pinpoint 3 within
    ``annex`` (id ``annex__para_3``); "the annex to resolution 70/125" and "Chapter VII
    of the Charter" cite that part as a whole and have no pinpoint.
    """

    text: str
    span: Span
    document: DocumentRef | None
    pinpoints: tuple[Pinpoint, ...] = ()
    within: str | None = None
    paragraph_id: str | None = None
    quote_depth: int = 0

    @property
    def target_ids(self) -> tuple[str, ...]:
        """The ids of the cited elements: ``annex__para_3``; ``within`` itself when no pinpoint."""
        if not self.pinpoints:
            return (self.within,) if self.within else ()
        prefix = f"{self.within}__" if self.within else ""
        return tuple(dict.fromkeys(prefix + p.target_id for p in self.pinpoints))


class OffsetMap(Frozen):
    """Where each character of ``Document.text`` came from in the raw source.

    ``pieces`` holds ``(text_start, text_length, raw_start, raw_length)`` runs in
    text order. When the two lengths are equal the run maps character by
    character; otherwise the whole run stands for the whole raw range (an
    entity, a collapsed run of white space, a tag that became a line break).
    """

    pieces: tuple[tuple[int, int, int, int], ...] = ()

    def position(self, pos: int, *, end: bool = False) -> int:
        """Raw position of text position ``pos`` (as a start, or as an exclusive end)."""
        pieces = self.pieces
        if not pieces:
            return pos
        probe = max(pos - 1 if end else pos, 0)
        i = bisect_right(pieces, (probe, 1 << 62)) - 1
        if i < 0:
            return pieces[0][2]
        t0, tn, r0, rn = pieces[i]
        if probe >= t0 + tn:  # in a gap or past the last piece
            return r0 + rn
        if tn == rn:
            return r0 + (probe - t0) + (1 if end else 0)
        return r0 + rn if end else r0

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Raw ``(start, end)`` covering text ``[start, end)``."""
        if end <= start:
            raw = self.position(start)
            return raw, raw
        return self.position(start), self.position(end, end=True)


class Source(Frozen):
    """What the text was read from: the raw decoded input and its provenance.

    ``raw`` is the decoded text of the file or of the MIME part read (``Document.source_span``
    points into it). For mail, ``message_index`` counts messages in the file from 0,
    ``byte_offset`` is where the message starts in it, ``part`` is the MIME part number
    (``1``, ``2.1``, as IMAP numbers them) and ``filename`` the attachment's name, if any.
    """

    raw: str
    media_type: Literal["text/plain", "text/html"]
    path: str | None = None
    encoding: str | None = None
    message_index: int | None = None
    message_id: str | None = None
    date: str | None = None
    sender: str | None = None
    subject: str | None = None
    part: str | None = None
    filename: str | None = None
    byte_offset: int | None = None


class Document(Frozen):
    """Everything extracted from one text; every span points into ``text``."""

    text: str
    language: str = "en"
    title: str | None = None
    symbol: str | None = None
    enacting_body: str | None = None
    paragraphs: tuple[Paragraph, ...] = ()
    headings: tuple[Heading, ...] = ()
    elisions: tuple[Elision, ...] = ()
    references: tuple[Reference, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()
    source: Source | None = None
    offsets: OffsetMap = OffsetMap()

    def source_span(self, span: Span) -> tuple[int, int]:
        """Map a span of ``text`` to ``(start, end)`` in ``source.raw``."""
        return self.offsets.span(span.start, span.end)

    def paragraph(self, number: str) -> Paragraph | None:
        """The first paragraph printed with ``number``, if any."""
        return next((p for p in self.paragraphs if p.number == number), None)


class DocumentReport(Frozen):
    """What validation found in one document; ``name`` says which (a path, a key, a symbol)."""

    name: str | None = None
    diagnostics: tuple[Diagnostic, ...] = ()

    @property
    def ok(self) -> bool:
        """True when no diagnostic is an error (warnings and notes may remain)."""
        return all(d.severity != "error" for d in self.diagnostics)


class Report(Frozen):
    """The result of :func:`resolex.validate`: one entry per document validated, in order.

    ``diagnostics`` gathers every document's diagnostics; ``ok`` is false when any is an error.
    """

    documents: tuple[DocumentReport, ...] = ()

    @property
    def diagnostics(self) -> tuple[Diagnostic, ...]:
        return tuple(d for doc in self.documents for d in doc.diagnostics)

    @property
    def ok(self) -> bool:
        """True when no diagnostic is an error (warnings and notes may remain)."""
        return all(doc.ok for doc in self.documents)
