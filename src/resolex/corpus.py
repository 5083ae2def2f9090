"""Link: a corpus of documents in which every reference is followed to what it cites.

Rules (README, "Linking"):

- Every document gets a key, unique in the corpus, and an instrument identity:
  the catalogue id when its symbol or title is in the catalogue, else the symbol
  it states for itself (A/RES/80/16), else one derived from its source (path and
  message index, or a hash of its text). The key is the identity, with "@n"
  added for the n-th further copy of the same instrument.
- A reference resolves to the copy of its instrument that holds the most
  paragraphs (the full text rather than a mail quoting it), the first such copy
  in corpus order on a tie.
- Status: "resolved" (every pinpoint found), "document-only" (no pinpoint, the
  document is in the corpus), "not-in-corpus", "no-such-paragraph" (a pinpoint
  not in the target, or beyond a catalogue instrument's paragraph count), and
  "ambiguous" (a number whose organ could not be told matches several documents).

Links point by key and paragraph id, never by object, so a corpus is a value:
its JSON loads back equal.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from functools import cached_property
from pathlib import Path
from typing import Any, Literal

from pydantic import Field

from resolex.catalogue import Catalogue
from resolex.models import Document, Frozen, Paragraph, Pinpoint, Reference, SubParagraph
from resolex.pipeline import read

LinkStatus = Literal["resolved", "document-only", "not-in-corpus", "no-such-paragraph", "ambiguous"]


class CorpusEntry(Frozen):
    """A document with its place in the corpus."""

    key: str
    instrument: str
    document: Document


class Link(Frozen):
    """One reference, where it stands, and what it was resolved to (or why not)."""

    source_document: str
    source_paragraph: str | None
    reference: Reference
    target: str | None = None  # instrument identity: catalogue id, symbol or number
    target_document: str | None = None  # key of the corpus copy it resolved to
    target_paragraphs: tuple[str, ...] = ()
    status: LinkStatus


class Corpus(Frozen):
    """Documents with keys, and every reference linked. Build with ``Corpus(docs)``."""

    entries: tuple[CorpusEntry, ...] = ()
    links: tuple[Link, ...] = ()
    catalogue_ids: tuple[str, ...] = Field(default=(), description="catalogue ids known when linking")

    def __init__(
        self,
        documents: Iterable[Document] | None = None,
        /,
        *,
        catalogue: Catalogue | None = None,
        **data: Any,
    ) -> None:
        if documents is not None:
            data = _build(list(documents), catalogue or Catalogue.default())
        super().__init__(**data)

    @classmethod
    def from_paths(
        cls, paths: str | Path | Sequence[str | Path], *, catalogue: Catalogue | None = None
    ) -> Corpus:
        """Read files, folders and archives (see :func:`resolex.read`) into a linked corpus."""
        return cls(read(paths, catalogue=catalogue), catalogue=catalogue)

    @property
    def documents(self) -> tuple[Document, ...]:
        return tuple(e.document for e in self.entries)

    @cached_property
    def _by_key(self) -> dict[str, CorpusEntry]:
        return {e.key: e for e in self.entries}

    @cached_property
    def _preferred(self) -> dict[str, CorpusEntry]:
        return _preferred_copies(self.entries)

    @cached_property
    def _cited(self) -> dict[tuple[str, str], list[Link]]:
        index: dict[tuple[str, str], list[Link]] = defaultdict(list)
        for link in self.links:
            if link.target is None:
                continue
            for pin in link.reference.pinpoints:
                index[(link.target, pin.paragraph)].append(link)
        return index

    def entry(self, key_or_instrument: str) -> CorpusEntry | None:
        """The entry with this key, or the preferred copy of this instrument."""
        return self._by_key.get(key_or_instrument) or self._preferred.get(key_or_instrument)

    def paragraph(self, instrument: str, number: str) -> Paragraph | None:
        """Paragraph ``number`` of ``instrument`` (catalogue id, symbol or key), if in the corpus."""
        entry = self.entry(instrument)
        return entry.document.paragraph(number) if entry else None

    def citations_of(self, instrument: str, number: str) -> tuple[Link, ...]:
        """Every link whose pinpoints cite paragraph ``number`` of ``instrument`` (in corpus order)."""
        entry = self.entry(instrument)
        identity = entry.instrument if entry else instrument
        return tuple(self._cited.get((identity, number), ()))


def document_identity(doc: Document, catalogue: Catalogue, position: int) -> str:
    """Catalogue id, else the symbol the text states, else one derived from its source."""
    if doc.symbol:
        known = catalogue.by_symbol(doc.symbol)
        return known.id if known else doc.symbol
    if doc.title:
        named = catalogue.by_name(doc.title)
        if named is not None:
            return named.id
    source = doc.source
    if source is not None and source.path:
        suffix = f"#{source.message_index}" if source.message_index is not None else ""
        return f"{source.path}{suffix}"
    if source is not None and source.message_id:
        return source.message_id
    digest = hashlib.sha1(doc.text.encode("utf-8"), usedforsecurity=False).hexdigest()[:12]
    return f"text:{digest}"


def _build(documents: list[Document], catalogue: Catalogue) -> dict[str, Any]:
    entries = _entries(documents, catalogue)
    preferred = _preferred_copies(entries)
    links = tuple(link for entry in entries for link in _links_of(entry, preferred, catalogue))
    return {
        "entries": entries,
        "links": links,
        "catalogue_ids": tuple(i.id for i in catalogue.instruments),
    }


def _entries(documents: list[Document], catalogue: Catalogue) -> tuple[CorpusEntry, ...]:
    seen: dict[str, int] = defaultdict(int)
    entries = []
    for position, doc in enumerate(documents):
        identity = document_identity(doc, catalogue, position)
        seen[identity] += 1
        key = identity if seen[identity] == 1 else f"{identity}@{seen[identity]}"
        entries.append(CorpusEntry(key=key, instrument=identity, document=doc))
    return tuple(entries)


def _preferred_copies(entries: Iterable[CorpusEntry]) -> dict[str, CorpusEntry]:
    best: dict[str, CorpusEntry] = {}
    for entry in entries:
        current = best.get(entry.instrument)
        if current is None or len(entry.document.paragraphs) > len(current.document.paragraphs):
            best[entry.instrument] = entry
    return best


def target_identity(ref: Reference, own: str) -> str | None:
    """The instrument a reference names, in the same terms as :func:`document_identity`."""
    doc = ref.document
    if doc is None:
        return own
    return doc.id or doc.symbol or (f"{doc.kind} {doc.number}" if doc.number else None)


def _links_of(entry: CorpusEntry, preferred: dict[str, CorpusEntry], catalogue: Catalogue) -> list[Link]:
    links = []
    for ref in entry.document.references:
        target = target_identity(ref, entry.instrument)
        base = {"source_document": entry.key, "source_paragraph": ref.paragraph_id, "reference": ref}
        if ref.document is None:
            links.append(_link_to(entry, ref, entry.instrument, base))
            continue
        copy = preferred.get(target) if target else None
        if copy is not None:
            links.append(_link_to(copy, ref, target, base))
        elif _beyond_count(ref, catalogue):
            links.append(Link(**base, target=target, status="no-such-paragraph"))
        else:
            links.append(Link(**base, target=target, status="not-in-corpus"))
    return links


def _link_to(copy: CorpusEntry, ref: Reference, target: str | None, base: dict[str, Any]) -> Link:
    if not ref.pinpoints:
        return Link(**base, target=target, target_document=copy.key, status="document-only")
    found = [_find(copy.document, pin) for pin in ref.pinpoints]
    ids = tuple(f for f in found if f is not None)
    status: LinkStatus = "resolved" if len(ids) == len(found) else "no-such-paragraph"
    return Link(**base, target=target, target_document=copy.key, target_paragraphs=ids, status=status)


def _find(doc: Document, pin: Pinpoint) -> str | None:
    """The id of the paragraph (and item) a pinpoint cites in ``doc``, if it is there."""
    wanted = pin.target_id
    by_number = None
    for para in doc.paragraphs:
        if para.id == wanted:
            return para.id
        if pin.unit == "paragraph" and para.number == pin.paragraph and by_number is None:
            by_number = para
    if by_number is None:
        return None
    if pin.subparagraph is None:
        return by_number.id
    item = _item(by_number.subparagraphs, pin.subparagraph)
    if item is not None and pin.item is not None:
        item = _item(item.subparagraphs, pin.item)
    return item.id if item is not None else None


def _item(items: tuple[SubParagraph, ...], label: str) -> SubParagraph | None:
    return next((s for s in items if s.label == label), None)


def _beyond_count(ref: Reference, catalogue: Catalogue) -> bool:
    doc = ref.document
    known = catalogue.get(doc.id) if doc is not None and doc.id else None
    if known is None or known.paragraph_count is None:
        return False
    return any(p.paragraph.isdigit() and int(p.paragraph) > known.paragraph_count for p in ref.pinpoints)
