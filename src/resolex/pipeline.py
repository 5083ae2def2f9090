"""The pipeline in one place: load → normalise → segment → detect → resolve."""

from __future__ import annotations

from bisect import bisect_right
from typing import Literal

from resolex.catalogue import Catalogue
from resolex.detect import detector_for
from resolex.load import Format, decode, sniff
from resolex.models import Diagnostic, Document, Source, Span
from resolex.normalize import normalize_html, normalize_text
from resolex.resolve import Context, own_symbol, resolve
from resolex.segment import segment


def _inside(span: Span, regions: list[tuple[int, int]]) -> bool:
    """Whether a span lies in page furniture or front matter (regions are few and sorted)."""
    i = bisect_right(regions, (span.start, 1 << 62)) - 1
    return i >= 0 and regions[i][0] <= span.start < regions[i][1]


def extract(
    source: str | bytes,
    *,
    format: Format = "auto",
    catalogue: Catalogue | None = None,
) -> Document:
    """Read resolution text, Word HTML or an e-mail body into a :class:`Document`.

    Total on text: any ``str`` gives a ``Document``; doubts become diagnostics.
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
    norm = normalize_html(raw) if media == "html" else normalize_text(raw)
    catalogue = catalogue or Catalogue.default()
    seg = segment(norm)
    diagnostics.extend(seg.diagnostics)
    mentions = [
        m for m in detector_for(catalogue).find(norm.text, diagnostics) if not _inside(m.span, seg.ignored)
    ]
    is_resolution = seg.enacting_body is not None
    ctx = Context(norm.text, catalogue, seg.enacting_body, is_resolution)
    references = resolve(mentions, ctx, seg.paragraphs, diagnostics, norm.depth_at)
    return Document(
        text=norm.text,
        title=seg.title,
        symbol=own_symbol(seg.number, seg.enacting_body),
        enacting_body=seg.enacting_body,
        paragraphs=tuple(seg.paragraphs),
        headings=tuple(seg.headings),
        elisions=tuple(seg.elisions),
        references=tuple(references),
        diagnostics=tuple(sorted(diagnostics, key=lambda d: (d.span.start if d.span else -1, d.code))),
        source=Source(
            raw=raw, media_type="text/html" if media == "html" else "text/plain", encoding=encoding
        ),
        offsets=norm.offsets,
    )
