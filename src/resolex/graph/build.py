"""Build the citation graph from a linked corpus (the rules are in the package notes)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from resolex.catalogue import Catalogue
from resolex.corpus import Corpus, CorpusEntry, Link, LinkStatus
from resolex.graph.model import CitationGraph, CitedAt, GraphEdge, GraphLevel, GraphNode
from resolex.models import Document, Paragraph, ParagraphKind, SubParagraph


def citation_graph(
    corpus_or_docs: Corpus | Iterable[Document],
    *,
    level: GraphLevel = "paragraph",
    catalogue: Catalogue | None = None,
) -> CitationGraph:
    """The citation graph of a corpus (documents are linked with ``Corpus(docs)`` first).

    ``catalogue`` names the texts cited but not in the corpus (default: the shipped one).
    """
    if level not in ("document", "paragraph"):
        raise ValueError(f"level must be 'document' or 'paragraph', not {level!r}")
    catalogue = catalogue or Catalogue.default()
    if isinstance(corpus_or_docs, Corpus):
        corpus = corpus_or_docs
    else:
        corpus = Corpus(corpus_or_docs, catalogue=catalogue)
    builder = _Builder(corpus, catalogue, level)
    for link in corpus.links:
        builder.add(link)
    return builder.graph()


class _Builder:
    def __init__(self, corpus: Corpus, catalogue: Catalogue, level: GraphLevel) -> None:
        self.corpus = corpus
        self.catalogue = catalogue
        self.level = level
        self.nodes: dict[str, GraphNode] = {}
        self.edges: dict[tuple[str, str, LinkStatus], dict[tuple[int, int], CitedAt]] = {}
        self.kinds: dict[str, dict[str, ParagraphKind]] = {}
        for entry in corpus.entries:
            self.nodes[entry.key] = _document_node(entry)
            self.kinds[entry.key] = _kinds_of(entry.document.paragraphs)
            if level == "paragraph":
                for para in entry.document.paragraphs:
                    self.paragraph_node(entry.key, para.id)

    def graph(self) -> CitationGraph:
        edges = [
            GraphEdge(
                source=source,
                target=target,
                status=status,
                count=len(cited),
                references=tuple(cited[i] for i in sorted(cited)),
            )
            for (source, target, status), cited in sorted(self.edges.items())
        ]
        nodes = tuple(self.nodes[k] for k in sorted(self.nodes))
        return CitationGraph(level=self.level, nodes=nodes, edges=tuple(edges))

    def add(self, link: Link) -> None:
        ref = link.reference
        cited = CitedAt(text=ref.text, span=ref.span, pinpoints=tuple(str(p) for p in ref.pinpoints))
        source = link.source_document
        if self.level == "paragraph" and link.source_paragraph is not None:
            source = self.paragraph_node(source, link.source_paragraph)
        for target, status in self.targets(link):
            self.edges.setdefault((source, target, status), {})[(ref.span.start, ref.span.end)] = cited

    def targets(self, link: Link) -> list[tuple[str, LinkStatus]]:
        if link.target_document is not None:
            key = link.target_document
            if self.level == "document":
                return [(key, link.status)]
            found = list(dict.fromkeys(link.target_paragraphs))
            status: LinkStatus = "resolved" if link.status == "no-such-paragraph" else link.status
            out = [(self.paragraph_node(key, pid), status) for pid in found]
            if not found or len(link.target_paragraphs) < len(link.reference.pinpoints):
                out.append((key, link.status))
            return out
        outside = self.outside_node(link)
        pinpoints = link.reference.pinpoints
        if self.level == "document" or not pinpoints or link.status == "no-such-paragraph":
            return [(outside, link.status)]
        ids = dict.fromkeys(p.target_id for p in pinpoints)
        return [(self.outside_paragraph(outside, pid), link.status) for pid in ids]

    def paragraph_node(self, key: str, pid: str) -> str:
        node_id = f"{key}#{pid}"
        if node_id not in self.nodes:
            doc = self.nodes[key]
            kind = self.kinds[key].get(pid)
            self.nodes[node_id] = GraphNode(
                id=node_id,
                kind="paragraph",
                label=f"{doc.label} {paragraph_label(pid)}",
                symbol=doc.symbol,
                title=doc.title,
                source=doc.source,
                in_corpus=True,
                document=key,
                paragraph_kind=kind,
            )
        return node_id

    def outside_node(self, link: Link) -> str:
        cited = link.reference.document
        node_id = link.target or (cited.title if cited and cited.title else link.reference.text)
        if node_id not in self.nodes:
            known = self.catalogue.get(cited.id) if cited and cited.id else None
            symbol = (known.symbol if known else None) or (cited.symbol if cited else None)
            title = known.title if known else (cited.title if cited else None)
            named = (known.kind if known else cited.kind if cited else "instrument") == "instrument"
            label = (title or symbol if named else symbol or title) or node_id
            self.nodes[node_id] = GraphNode(
                id=node_id, kind="document", label=label, symbol=symbol, title=title, in_corpus=False
            )
        return node_id

    def outside_paragraph(self, outside: str, pid: str) -> str:
        node_id = f"{outside}#{pid}"
        if node_id not in self.nodes:
            doc = self.nodes[outside]
            self.nodes[node_id] = GraphNode(
                id=node_id, kind="paragraph", label=f"{doc.label} {paragraph_label(pid)}", symbol=doc.symbol,
                title=doc.title, in_corpus=False, document=outside,
            )  # fmt: skip
        return node_id


def _document_node(entry: CorpusEntry) -> GraphNode:
    doc = entry.document
    short = entry.key.rsplit("/", 1)[-1]
    return GraphNode(
        id=entry.key,
        kind="document",
        label=doc.symbol or doc.title or short,
        symbol=doc.symbol,
        title=doc.title,
        source=source_name(doc),
        in_corpus=True,
    )


def source_name(doc: Document) -> str | None:
    """Where a document was read: its path, and the message and part of an e-mail."""
    source = doc.source
    if source is None or source.path is None:
        return None
    name = source.path
    if source.message_index is not None:
        name += f" message {source.message_index}"
    if source.part is not None:
        name += f" part {source.part}"
    return name


def _kinds_of(paragraphs: Iterable[Paragraph]) -> dict[str, ParagraphKind]:
    """Every paragraph and sub-paragraph id of a document, with its paragraph's kind."""
    out: dict[str, ParagraphKind] = {}

    def walk(items: Iterable[SubParagraph], kind: ParagraphKind) -> None:
        for item in items:
            out[item.id] = kind
            walk(item.subparagraphs, kind)

    for para in paragraphs:
        out[para.id] = para.kind
        walk(para.subparagraphs, para.kind)
    return out


_UNITS = {"para": "para.", "p": "pp.", "art": "art.", "sec": "sec.", "chp": "chap.", "annex": "annex"}
_PART = re.compile(r"(?P<unit>[a-z]+)_(?P<label>.+)")


def paragraph_label(pid: str) -> str:
    """A reader's form of a paragraph id: ``para_5__subpara_b`` is ``para. 5 (b)``."""
    words: list[str] = []
    for part in pid.split("__"):
        m = _PART.fullmatch(part)
        if part == "preamble":
            continue
        if m is None:
            words.append(part)
        elif m["unit"] == "subpara":
            words.append(f"({m['label']})")
        else:
            words.append(f"{_UNITS.get(m['unit'], m['unit'])} {m['label']}")
    return " ".join(words) or pid
