"""The pipeline in one place: load → normalise → segment → detect → resolve."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator, Sequence
from typing import Literal

import regex

from resolex.catalogue import Catalogue
from resolex.detect import detector_for
from resolex.language import document_language, with_languages
from resolex.load import Format, decode, sniff
from resolex.models import Diagnostic, Document, Reference, Source, Span
from resolex.normalize import normalize_html, normalize_text
from resolex.replies import reply_furniture
from resolex.resolve import Context, own_symbol, resolve
from resolex.segment import Segmented, segment
from resolex.sources import MAX_BYTES, SourcePaths, open_sources


def _inside(span: Span, regions: list[tuple[int, int]]) -> bool:
    """Whether a span lies in page furniture or front matter (regions are few and sorted)."""
    i = bisect_right(regions, (span.start, 1 << 62)) - 1
    return i >= 0 and regions[i][0] <= span.start < regions[i][1]


def _title_line(text: str, seg: Segmented, catalogue: Catalogue) -> None:
    """A text that opens with a catalogue instrument's name ("Universal Declaration of Human
    Rights", "Tunis Agenda for the Information Society") is that instrument: the line is its
    title, not a reference to it."""
    first = next((m for m in _FIRST_LINES.finditer(text, 0, 2000) if m.group().strip()), None)
    if first is None or seg.title is not None:
        return
    line = first.group().strip()
    more = text[first.end() :].strip()
    if line[:1].isupper() and more and len(line) < 200 and catalogue.by_name(line) is not None:
        start = first.start() + first.group().index(line)
        if not seg.paragraphs or seg.paragraphs[0].span.start > start:
            seg.title = line
            seg.ignored.insert(0, (start, start + len(line)))


def _own_name_is_self(references: list[Reference], seg: Segmented, catalogue: Catalogue) -> list[Reference]:
    """A text that names the instrument it is ("Proclaims this Universal Declaration of Human
    Rights" inside the UDHR) cites itself: ``document`` is ``None``, as for "this resolution"."""
    own = catalogue.by_name(seg.title) if seg.title else None
    if own is None:
        return references
    return [
        r.model_copy(update={"document": None}) if r.document is not None and r.document.id == own.id else r
        for r in references
    ]


_FIRST_LINES = regex.compile(r"[^\n]+")


def extract(
    source: str | bytes,
    *,
    format: Format = "auto",
    catalogue: Catalogue | None = None,
    language: str | None = None,
) -> Document:
    """Read resolution text, Word HTML or an e-mail body into a :class:`Document`.

    Total on text: any ``str`` gives a ``Document``; doubts become diagnostics. ``language``
    ("fr", "es", ...) overrides the language read from the text (``Document.language``).
    """
    if format not in ("auto", "text", "html"):
        raise ValueError(f"format must be 'auto', 'text' or 'html', not {format!r}")
    diagnostics: list[Diagnostic] = []
    encoding: str | None = None
    if isinstance(source, bytes):
        decoded = decode(source)
        raw, encoding = decoded.text, decoded.encoding
        diagnostics.extend(decoded.diagnostics)
    elif isinstance(source, str):
        raw = source
    else:
        raise TypeError(f"extract() takes str or bytes, not {type(source).__name__}")
    media: Literal["text", "html"] = sniff(raw, format)
    loaded = Source(raw=raw, media_type="text/html" if media == "html" else "text/plain", encoding=encoding)
    return extract_source(loaded, catalogue=catalogue, diagnostics=diagnostics, language=language)


def extract_source(
    source: Source,
    *,
    catalogue: Catalogue | None = None,
    diagnostics: Sequence[Diagnostic] = (),
    language: str | None = None,
) -> Document:
    """Extract from text already loaded: ``source.raw`` read as ``source.media_type``.

    ``diagnostics`` (from loading) are kept on the document, before those of extraction.
    """
    raw = source.raw
    diagnostics = list(diagnostics)
    norm = normalize_html(raw) if source.media_type == "text/html" else normalize_text(raw)
    catalogue = catalogue or Catalogue.default()
    seg = segment(norm)
    _title_line(norm.text, seg, catalogue)
    diagnostics.extend(seg.diagnostics)
    furniture = list(reply_furniture(norm.text, norm.depth_at))
    paragraphs = [p for p in seg.paragraphs if not _inside(p.span, furniture)]
    mentions = [
        m
        for m in detector_for(catalogue).find(norm.text, diagnostics)
        if not _inside(m.span, seg.ignored) and not _inside(m.span, furniture)
    ]
    is_resolution = seg.enacting_body is not None
    ctx = Context(norm.text, catalogue, seg.enacting_body, is_resolution)
    resolved = resolve(mentions, ctx, paragraphs, diagnostics, norm.depth_at)
    references = _own_name_is_self(resolved, seg, catalogue)
    language = language or document_language(norm)
    return Document(
        text=norm.text,
        language=language,
        title=seg.title,
        symbol=own_symbol(seg.number, seg.enacting_body),
        enacting_body=seg.enacting_body,
        paragraphs=tuple(with_languages(paragraphs, language)),
        headings=tuple(h for h in seg.headings if not _inside(h.span, furniture)),
        elisions=tuple(e for e in seg.elisions if not _inside(e.span, furniture)),
        references=tuple(references),
        diagnostics=tuple(sorted(diagnostics, key=lambda d: (d.span.start if d.span else -1, d.code))),
        source=source,
        offsets=norm.offsets,
    )


def read(
    path_or_paths: SourcePaths,
    *,
    format: Format = "auto",
    catalogue: Catalogue | None = None,
    max_bytes: int = MAX_BYTES,
) -> Iterator[Document]:
    """Documents from files, folders (recursively), ``.eml`` messages and mbox archives, streamed.

    One document per file, or per readable part of each message (see ``resolex.sources``).
    Problems with the input become diagnostics on the document concerned; a path that
    does not exist raises :class:`~resolex.errors.SourceError` at once.
    """
    if format not in ("auto", "text", "html"):
        raise ValueError(f"format must be 'auto', 'text' or 'html', not {format!r}")
    loaded = open_sources(path_or_paths, format=format, max_bytes=max_bytes)
    return (extract_source(item.source, catalogue=catalogue, diagnostics=item.diagnostics) for item in loaded)
