"""Annotate: the source written back with every reference wrapped in a link element.

The raw source (HTML as it came, or text escaped into a ``<pre>``) is copied
unchanged except for the added elements, so removing them gives the input back
byte for byte. A mention that crosses inline tags (``the <b>Tunis</b> Agenda``)
is wrapped once per run of text between tags, so every added element holds text
only and nesting stays valid. Inside a link of the source the wrapper is a
``<span>`` (links may not nest); elsewhere it is an ``<a>`` without ``href``.

Each wrapper carries ``class="resolex-ref"``, ``data-ref`` (the reference's index in
``Document.references``; the pieces of a split mention share it), ``data-target``
(catalogue id, else symbol, else number; ``self`` for the text itself),
``data-kind``, ``data-symbol`` and ``data-pinpoints`` (``;``-separated: ``29;30;33 (b)``)
when known, and a ``title``. References that overlap (none do today) are wrapped
once: the earlier one keeps the shared characters.
"""

from __future__ import annotations

import html
from bisect import bisect_left, bisect_right

import regex

from resolex.models import Document, Reference

# The markup the HTML normaliser skips over (see resolex.normalize): comments, CDATA,
# declarations and processing instructions, tags. Entities are text, and stay inside runs.
_MARKUP = regex.compile(
    r"""
    <!--.*?(?:-->|\Z)
  | <!\[CDATA\[.*?(?:\]\]>|\Z)
  | <!\[(?:if|endif)[^\]>]{0,200}\]> | <![^>]{0,2000}> | <\?[^>]{0,2000}>
  | </?(?P<name>[A-Za-z][\w:.-]{0,60})(?:[^>"']|"[^"]*"|'[^']*'){0,10000}>
    """,
    regex.VERBOSE | regex.DOTALL,
)


class _Markup:
    """Where the tags of a raw HTML text are, and whether a source link is open after each."""

    def __init__(self, raw: str) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.in_link: list[bool] = []
        depth = 0
        for m in _MARKUP.finditer(raw):
            name = (m.group("name") or "").lower()
            if name == "a":
                depth = max(0, depth + (-1 if m.group().startswith("</") else 1))
            self.starts.append(m.start())
            self.ends.append(m.end())
            self.in_link.append(depth > 0)

    def runs(self, start: int, end: int) -> list[tuple[int, int, bool]]:
        """The runs of text in ``[start, end)`` between tags, each with whether it sits in a link."""
        i = bisect_right(self.ends, start)  # first tag ending after start
        if i < len(self.starts) and self.starts[i] <= start:  # start inside a tag: move past it
            start = self.ends[i]
            i += 1
        j = bisect_left(self.starts, end) - 1  # last tag starting before end
        if j >= 0 and self.ends[j] > end:  # end inside a tag: stop before it
            end = self.starts[j]
        out: list[tuple[int, int, bool]] = []
        cursor = start
        linked = self.in_link[i - 1] if i > 0 else False
        for k in range(i, len(self.starts)):
            if self.starts[k] >= end:
                break
            if self.starts[k] > cursor:
                out.append((cursor, self.starts[k], linked))
            cursor = max(cursor, self.ends[k])
            linked = self.in_link[k]
        if end > cursor:
            out.append((cursor, end, linked))
        return out


def annotate(doc: Document) -> str:
    """The document's source as HTML with each reference wrapped (see the module notes)."""
    if doc.source is None:
        raise ValueError("annotate() needs a document with its source (read or extracted by resolex)")
    raw = doc.source.raw
    is_html = doc.source.media_type == "text/html"
    markup = _Markup(raw) if is_html else None
    escape = _keep if is_html else _escape
    spans = sorted((doc.source_span(r.span), i) for i, r in enumerate(doc.references))
    out: list[str] = []
    cursor = 0
    for (raw_start, end), index in spans:
        start = max(raw_start, cursor)
        if end <= start:
            continue
        runs = markup.runs(start, end) if markup else [(start, end, False)]
        ref = doc.references[index]
        for run_start, run_end, linked in runs:
            if not raw[run_start:run_end].strip():
                continue
            element = "span" if linked else "a"
            out += [escape(raw[cursor:run_start]), _open(element, ref, index), escape(raw[run_start:run_end])]
            out.append(f"</{element}>")
            cursor = run_end
    out.append(escape(raw[cursor:]))
    body = "".join(out)
    return body if is_html else f'<pre class="resolex-source">{body}</pre>'


def _keep(text: str) -> str:
    return text


def _escape(text: str) -> str:
    return html.escape(text, quote=False)


def _open(element: str, ref: Reference, index: int) -> str:
    target = ref.document
    attrs = {"class": "resolex-ref", "data-ref": str(index)}
    if target is None:
        attrs["data-target"] = "self"
        attrs["data-kind"] = "self"
    else:
        attrs["data-target"] = target.id or target.symbol or target.number or target.title or ""
        attrs["data-kind"] = target.kind
        if target.symbol:
            attrs["data-symbol"] = target.symbol
    pinpoints = [str(p) for p in ref.pinpoints]
    if pinpoints:
        attrs["data-pinpoints"] = ";".join(pinpoints)
    label = "this text" if target is None else attrs["data-target"]
    attrs["title"] = f"{label}: {', '.join(pinpoints)}" if pinpoints else label
    rendered = " ".join(f'{name}="{html.escape(value, quote=True)}"' for name, value in attrs.items())
    return f"<{element} {rendered}>"
