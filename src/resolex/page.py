"""Page: one self-contained HTML page to read documents with their references marked.

``render_page(doc_or_corpus)`` shows each document of a corpus (or the one document
given) as extracted: its paragraphs numbered and marked preambular or operative, the text
between them (an e-mail's prose, headings, elisions) as it stands, every reference
highlighted, and beside it a list of the references and of the diagnostics.

- A reference links to the paragraph it cites when that paragraph is on the page (the
  document itself, or another document of the corpus), or to the cited document when it
  names no paragraph and the document is on the page; a paragraph that is not there gets
  no link. Every reference carries a tooltip (``title``) with the target, the pinpoints
  and the link status.
- Anchors: ``d{n}`` for the n-th document, ``d{n}-{paragraph id}`` for its paragraphs and
  sub-paragraphs, ``d{n}-ref-{i}`` for its i-th reference, ``d{n}-b{k}`` for other blocks.
  Highlights carry ``class="ref"`` and ``data-ref`` (the index in ``Document.references``).
- Everything taken from a document is escaped, text and attributes alike, and the page
  declares a Content-Security-Policy that allows no script and no network at all.

This is not :func:`resolex.annotate`, which writes the raw source back with references
wrapped; this page is built from the extracted ``Document.text``.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from dataclasses import dataclass

from resolex.catalogue import Catalogue
from resolex.corpus import Corpus, CorpusEntry, Link
from resolex.graph import paragraph_label
from resolex.graph.build import source_name
from resolex.models import Document, Paragraph, Reference, SubParagraph

# No script, no network, no frames: only the inline style sheet (and in-page links) work.
POLICY = "default-src 'none'; style-src 'unsafe-inline'"
STATUS_WORDS = {
    "resolved": "resolved",
    "document-only": "document in the corpus",
    "not-in-corpus": "not in the corpus",
    "no-such-paragraph": "no such paragraph",
    "ambiguous": "ambiguous",
}


def render_page(
    docs: Document | Corpus | Iterable[Document],
    *,
    title: str | None = None,
    catalogue: Catalogue | None = None,
) -> str:
    """The page as one HTML string (UTF-8, no external resources, no script)."""
    catalogue = catalogue or Catalogue.default()
    if isinstance(docs, Corpus):
        corpus = docs
    else:
        corpus = Corpus([docs] if isinstance(docs, Document) else docs, catalogue=catalogue)
    anchors = {entry.key: n for n, entry in enumerate(corpus.entries)}
    labels = {entry.key: _document_label(entry) for entry in corpus.entries}
    if title is None:
        count = len(corpus.entries)
        title = labels[corpus.entries[0].key] if count == 1 else f"{count} documents"
    page = _Page(corpus, catalogue, anchors, labels)
    articles = [page.article(n, entry) for n, entry in enumerate(corpus.entries)]
    language = corpus.entries[0].document.language if corpus.entries else "en"
    refs = sum(len(e.document.references) for e in corpus.entries)
    return "\n".join(
        [
            "<!DOCTYPE html>",
            f'<html lang="{_attr(language)}">',
            "<head>",
            '<meta charset="utf-8">',
            f'<meta http-equiv="Content-Security-Policy" content="{POLICY}">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>resolex: {_text(title)}</title>",
            f"<style>{CSS}</style>",
            "</head>",
            "<body>",
            '<header class="page">',
            f"<h1>{_text(title)}</h1>",
            f"<p>{_count(len(corpus.entries), 'document')}, {_count(refs, 'reference')}. {LEGEND}</p>",
            "</header>",
            *articles,
            "</body>",
            "</html>",
            "",
        ]
    )


_Piece = tuple[int, int, tuple[str, str]]  # start, end, opening and closing tags
_Cited = tuple[int, Reference, Link | None]  # index in Document.references, reference, its link


@dataclass(frozen=True, slots=True)
class _Block:
    start: int
    end: int
    kind: str  # paragraph, heading, elision, prose
    paragraph: Paragraph | None = None


class _Page:
    def __init__(
        self, corpus: Corpus, catalogue: Catalogue, anchors: dict[str, int], labels: dict[str, str]
    ) -> None:
        self.corpus = corpus
        self.catalogue = catalogue
        self.anchors = anchors
        self.labels = labels
        self.links = {(link.source_document, link.reference.span): link for link in corpus.links}

    def article(self, n: int, entry: CorpusEntry) -> str:
        doc = entry.document
        blocks = _blocks(doc)
        block_ids = [
            f"d{n}-{b.paragraph.id}" if b.paragraph is not None else f"d{n}-b{k}"
            for k, b in enumerate(blocks)
        ]
        refs = [(i, ref, self.links.get((entry.key, ref.span))) for i, ref in enumerate(doc.references)]
        body = [
            self.block(n, doc, block, block_id, refs)
            for block, block_id in zip(blocks, block_ids, strict=True)
        ]
        facts = [f for f in (source_name(doc), doc.symbol, doc.enacting_body) if f]
        facts.append(_count(len(doc.paragraphs), "paragraph"))
        return "\n".join(
            [
                f'<article class="document" id="d{n}">',
                f"<h2>{_text(self.labels[entry.key])}</h2>" if len(self.anchors) > 1 else "",
                f'<p class="facts">{_text(" · ".join(facts))}</p>',
                '<div class="columns">',
                '<div class="text">',
                *body,
                "</div>",
                '<aside class="side">',
                self.reference_list(n, refs),
                _diagnostic_list(doc, blocks, block_ids),
                "</aside>",
                "</div>",
                "</article>",
            ]
        )

    def block(self, n: int, doc: Document, block: _Block, block_id: str, refs: list[_Cited]) -> str:
        pieces = []
        cursor = block.start
        for i, ref, link in refs:
            start, end = max(ref.span.start, block.start, cursor), min(ref.span.end, block.end)
            if start < end:
                first = start == ref.span.start
                pieces.append((start, end, self.highlight(n, i, ref, link, first=first)))
                cursor = end
        anchors = []
        if block.paragraph is not None:
            anchors = [(s.span.start, f"d{n}-{s.id}") for s in _items(block.paragraph.subparagraphs)]
        inner = _inline(doc.text, block.start, block.end, pieces, anchors)
        para = block.paragraph
        if para is None:
            return f'<div class="block {block.kind}" id="{_attr(block_id)}">{inner}</div>'
        quoted = " quoted" if para.quote_depth else ""
        return (
            f'<section class="para {para.kind}{quoted}" id="{_attr(block_id)}">'
            f'<div class="gutter"><span class="num">{_text(paragraph_label(para.id))}</span>'
            f'<span class="kind">{para.kind}</span></div>'
            f'<div class="body">{inner}</div></section>'
        )

    def highlight(self, n: int, i: int, ref: Reference, link: Link | None, *, first: bool) -> tuple[str, str]:
        """The opening and closing tags around (a piece of) reference ``i``."""
        status = link.status if link is not None else "not-in-corpus"
        attrs = {
            "class": f"ref s-{status}",
            "data-ref": str(i),
            "data-status": status,
            "title": self.tooltip(ref, link),
        }
        if first:
            attrs = {"id": f"d{n}-ref-{i}", **attrs}
        href = self.href(link)
        if href is None:
            return f'<span tabindex="0" {_attrs(attrs)}>', "</span>"
        return f'<a href="{_attr(href)}" {_attrs(attrs)}>', "</a>"

    def href(self, link: Link | None) -> str | None:
        if link is None or link.target_document not in self.anchors:
            return None
        n = self.anchors[link.target_document]
        if link.target_paragraphs:
            return f"#d{n}-{link.target_paragraphs[0]}"
        return None if link.reference.pinpoints else f"#d{n}"  # a paragraph that is not there: no link

    def target(self, ref: Reference, link: Link | None) -> str:
        if link is not None and link.target_document in self.labels:
            return self.labels[link.target_document]
        cited = ref.document
        if cited is None:
            return "this text"
        known = self.catalogue.get(cited.id) if cited.id else None
        if known is not None:
            return known.symbol if known.kind != "instrument" and known.symbol else known.title
        return cited.symbol or (f"{cited.kind} {cited.number}" if cited.number else cited.title or ref.text)

    def tooltip(self, ref: Reference, link: Link | None) -> str:
        pins = ", ".join(str(p) for p in ref.pinpoints)
        unit = ref.pinpoints[0].unit if ref.pinpoints else "paragraph"
        where = f", {unit}{_s(len(ref.pinpoints))} {pins}" if pins else ""
        status = STATUS_WORDS.get(link.status, link.status) if link is not None else "not linked"
        return f"{self.target(ref, link)}{where} ({status})"

    def reference_list(self, n: int, refs: list[_Cited]) -> str:
        items = []
        for i, ref, link in refs:
            status = link.status if link is not None else "not-in-corpus"
            target = _text(self.tooltip(ref, link))
            href = self.href(link)
            cited = f'<a href="{_attr(href)}">{target}</a>' if href else target
            items.append(
                f'<li class="s-{status}"><a href="#d{n}-ref-{i}">{_text(" ".join(ref.text.split()))}</a>'
                f'<span class="to">{cited}</span></li>'
            )
        listed = f'<ol class="refs">{"".join(items)}</ol>' if items else '<p class="none">none found</p>'
        return f"<h3>References ({len(refs)})</h3>{listed}"


def _diagnostic_list(doc: Document, blocks: list[_Block], block_ids: list[str]) -> str:
    items = []
    for d in doc.diagnostics:
        where = ""
        if d.span is not None:
            k = next((k for k, b in enumerate(blocks) if b.start <= d.span.start < b.end), None)
            if k is not None:
                where = f' <a href="#{_attr(block_ids[k])}">at {d.span.start}–{d.span.end}</a>'
        items.append(
            f'<li class="sev-{_attr(d.severity)}"><code>{_text(d.code)}</code> '
            f"<b>{_text(d.severity)}</b> {_text(d.message)}{where}</li>"
        )
    listed = f'<ul class="diagnostics">{"".join(items)}</ul>' if items else '<p class="none">none</p>'
    return f"<h3>Diagnostics ({len(items)})</h3>{listed}"


def _blocks(doc: Document) -> list[_Block]:
    """Paragraphs, headings and elisions in text order, and the prose between them."""
    regions = sorted(
        [(p.span.start, p.span.end, "paragraph", p) for p in doc.paragraphs]
        + [(h.span.start, h.span.end, "heading", None) for h in doc.headings]
        + [(e.span.start, e.span.end, "elision", None) for e in doc.elisions],
        key=lambda r: (r[0], r[1]),
    )
    blocks: list[_Block] = []
    cursor = 0

    def prose(until: int) -> None:
        chunk = doc.text[cursor:until]
        if chunk.strip():  # without the blank lines around it (no reference is white space)
            start = cursor + len(chunk) - len(chunk.lstrip())
            blocks.append(_Block(start, until - (len(chunk) - len(chunk.rstrip())), "prose"))

    for region_start, end, kind, para in regions:
        start = max(region_start, cursor)
        if end <= start:
            continue
        prose(start)
        blocks.append(_Block(start, end, kind, para))
        cursor = end
    prose(len(doc.text))
    return blocks


def _items(items: Iterable[SubParagraph]) -> Iterable[SubParagraph]:
    for item in items:
        yield item
        yield from _items(item.subparagraphs)


def _inline(text: str, start: int, end: int, pieces: list[_Piece], anchors: list[tuple[int, str]]) -> str:
    """Escaped ``text[start:end]`` with each piece wrapped and each empty anchor placed (before any piece)."""
    out: list[str] = []
    cursor = start
    pending = sorted((min(max(pos, start), end), ident) for pos, ident in anchors)

    def upto(pos: int) -> None:
        nonlocal cursor
        if pos > cursor:
            out.append(_text(text[cursor:pos]))
            cursor = pos

    def anchor(ident: str) -> None:
        out.append(f'<span class="anchor" id="{_attr(ident)}"></span>')

    for piece_start, piece_end, (opening, closing) in pieces:
        while pending and pending[0][0] < piece_end:
            pos, ident = pending.pop(0)
            upto(min(pos, piece_start))
            anchor(ident)
        upto(piece_start)
        out += [opening, _text(text[piece_start:piece_end]), closing]
        cursor = piece_end
    for pos, ident in pending:
        upto(pos)
        anchor(ident)
    upto(end)
    return "".join(out)


def _document_label(entry: CorpusEntry) -> str:
    doc = entry.document
    return doc.symbol or doc.title or entry.key


def _text(value: str) -> str:
    return html.escape(value, quote=True)


def _attr(value: str) -> str:
    return html.escape(value, quote=True)


def _attrs(attrs: dict[str, str]) -> str:
    return " ".join(f'{name}="{_attr(value)}"' for name, value in attrs.items())


def _s(count: int) -> str:
    return "" if count == 1 else "s"


def _count(count: int, noun: str) -> str:
    return f"{count} {noun}{_s(count)}"


LEGEND = (
    'Highlights: <span class="ref s-resolved">resolved</span> '
    '<span class="ref s-document-only">document in the corpus</span> '
    '<span class="ref s-not-in-corpus">not in the corpus</span> '
    '<span class="ref s-no-such-paragraph">no such paragraph</span>; '
    "hover one for its target and pinpoints."
)

CSS = """
:root { --ink: #1d232a; --muted: #5b6670; --line: #d9dee3; --op: #1f6feb; --pp: #8250df; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: var(--ink); background: #f6f7f9; }
header.page { padding: 18px 28px 8px; background: #fff; border-bottom: 1px solid var(--line); }
header.page h1 { margin: 0 0 4px; font-size: 20px; overflow-wrap: anywhere; }
header.page p { margin: 0 0 8px; color: var(--muted); font-size: 13px; }
article.document { margin: 18px 28px 28px; }
article.document > h2 { margin: 0; font-size: 18px; overflow-wrap: anywhere; }
.facts { margin: 2px 0 12px; color: var(--muted); font-size: 13px; overflow-wrap: anywhere; }
.columns { display: grid; grid-template-columns: minmax(0, 1fr) 330px; gap: 20px; align-items: start; }
.text { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 14px 18px; }
.side { position: sticky; top: 10px; background: #fff; border: 1px solid var(--line); border-radius: 8px;
  padding: 10px 14px; font-size: 13px; max-height: calc(100vh - 20px); overflow: auto; }
.side h3 { margin: 8px 0 6px; font-size: 13px; text-transform: uppercase; letter-spacing: .04em;
  color: var(--muted); }
.side ol, .side ul { margin: 0 0 10px; padding-left: 20px; }
.side li { margin-bottom: 6px; overflow-wrap: anywhere; }
.side .to { display: block; color: var(--muted); }
.side .none { color: var(--muted); margin: 0 0 10px; }
.block { white-space: pre-wrap; overflow-wrap: anywhere; margin: 6px 0; color: #39424b; }
.block.heading { font-weight: 650; margin-top: 14px; color: var(--ink); }
.block.elision { color: var(--muted); text-align: center; }
.para { display: grid; grid-template-columns: 74px minmax(0, 1fr); gap: 8px; margin: 8px 0;
  padding: 6px 0; border-top: 1px solid #eef0f2; }
.para .gutter { display: flex; flex-direction: column; align-items: flex-start; gap: 3px; }
.para .num { font-weight: 650; font-size: 13px; }
.para .kind { font-size: 10.5px; font-weight: 700; border-radius: 4px; padding: 0 5px; color: #fff; }
.para.operative .kind { background: var(--op); }
.para.preambular .kind { background: var(--pp); }
.para.preambular .body { font-style: italic; }
.para.quoted .body { border-left: 3px solid var(--line); padding-left: 10px; color: #39424b; }
.para .body { white-space: pre-wrap; overflow-wrap: anywhere; }
.para:target, .block:target { background: #fff8c5; }
.ref { border-radius: 3px; padding: 0 2px; color: inherit; text-decoration: none; cursor: help;
  font-style: normal; }
a.ref { cursor: pointer; }
.ref.s-resolved { background: #dafbe1; border-bottom: 2px solid #1a7f37; }
.ref.s-document-only { background: #ddf4ff; border-bottom: 2px solid #0969da; }
.ref.s-not-in-corpus { background: #fff1c2; border-bottom: 2px dashed #9a6700; }
.ref.s-no-such-paragraph, .ref.s-ambiguous { background: #ffebe9; border-bottom: 2px dotted #cf222e; }
.ref:target { outline: 2px solid #bf8700; }
li.sev-error code { color: #cf222e; }
li.sev-warning code { color: #9a6700; }
li.sev-info code { color: var(--muted); }
""".strip()
