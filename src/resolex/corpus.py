"""Link: a corpus of documents in which every reference is followed to what it cites.

Rules (README, "Linking"):

- Identity. Every document is an instrument: the catalogue id when the symbol
  it states (its number line under its organ: ``A/RES/80/16``) or its title is
  in the catalogue; else that symbol; else what its title cites when the title
  is a citation ("Resolution 2242 (2015)", "RESOLUTION 2 (REV. DUBAI, 2018)");
  else a line of its own above the first paragraph that is a catalogue title
  or a symbol ("WSIS-05/TUNIS/DOC/6(Rev.1)-E", "Tunis Agenda for the Information
  Society"); else its source (path, "#" and message index, "/" and MIME part),
  its message id, or a hash of its text.
- Keys. The key is the identity; a further copy of the same instrument (a second
  file, a mail quoting it) gets "@2", "@3" … in corpus order, and every entry
  keeps its source, so copies are told apart by where they were read.
- Which copy. A reference to another text resolves to the preferred copy: the
  one with the most paragraphs outside quotes (an original over a mail quoting
  it), then the most paragraphs (a full text over an excerpt), then the first in
  corpus order. A reference to the text itself resolves to that very copy.
- Matching. Identities match without regard to case or spacing; a number given
  without its year or letter ("resolution 1325", "resolution 68/247") matches the
  one copy whose identity has them (S/RES/1325 (2000)) and is "ambiguous" when
  several instruments do (A/RES/68/247 A and B).
- Targets. Each pinpoint becomes the id of the paragraph (or item) it cites in the
  copy: exact ids first (``para_35``, ``preamble__p_3``, ``annex__para_3``), then a
  paragraph printed with that number (outside an annex unless the reference is
  within it; articles are numbered paragraphs in a text cited by article). A
  section or chapter, and a part cited as a whole ("the annex to resolution
  70/125"), is the prefix its paragraphs share (``sec_II``, ``annex``; segment
  writes numbered headings, chapters too, as ``sec_``).
- Status: "resolved" (every cited element found), "document-only" (nothing
  cited inside the text, and it is in the corpus), "not-in-corpus",
  "no-such-paragraph" (an element not in the copy, or beyond the paragraph count
  the catalogue gives for a text not in the corpus), "ambiguous" (see Matching;
  ``Link.candidates`` lists the keys).

Links point by key and paragraph id, never by object, so a corpus is a value:
its JSON loads back equal.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any, Literal

import regex
from pydantic import Field

from resolex.catalogue import Catalogue, name_key
from resolex.detect import detector_for
from resolex.models import Document, Frozen, Paragraph, Pinpoint, Reference, SubParagraph
from resolex.pipeline import read
from resolex.resolve import Context, normalise_symbol, resolve

LinkStatus = Literal["resolved", "document-only", "not-in-corpus", "no-such-paragraph", "ambiguous"]


class CorpusEntry(Frozen):
    """A document with its place in the corpus: its key, the instrument it is, where it was read."""

    key: str
    instrument: str
    document: Document
    source: str | None = None


class Link(Frozen):
    """One reference, where it stands, and what it was resolved to (or why not).

    ``target`` is the instrument cited (catalogue id, symbol or number); ``target_document``
    the key of the copy it resolved to; ``target_paragraphs`` the ids found there and
    ``missing`` the ids cited but not found; ``candidates`` the keys an ambiguous one may mean.
    """

    source_document: str
    source_paragraph: str | None
    reference: Reference
    target: str | None = None
    target_document: str | None = None
    target_paragraphs: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()
    candidates: tuple[str, ...] = ()
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
    def _index(self) -> _Index:
        return _Index(self.entries)

    @cached_property
    def _cited(self) -> dict[tuple[str, str], list[Link]]:
        """Links by (instrument, cited id), each also under the ids that contain it."""
        index: dict[tuple[str, str], list[Link]] = defaultdict(list)
        for link in self.links:
            if link.target is None:
                continue
            identity = _match_key(link.target)
            ids = link.target_paragraphs + link.missing or link.reference.target_ids
            for wanted in dict.fromkeys(part for i in ids for part in _enclosing(i)):
                index[(identity, wanted)].append(link)
        return index

    def entry(self, key_or_instrument: str) -> CorpusEntry | None:
        """The preferred copy of an instrument (catalogue id or symbol, in any case or spacing; a
        number without its year or letter when one instrument has it), else the entry with this key
        ("A/RES/90/1@2")."""
        instruments = self._index.instruments(key_or_instrument)
        if len(instruments) == 1:
            return self._index.preferred(instruments[0])
        return self._by_key.get(key_or_instrument)

    def paragraph(self, instrument: str, number: str) -> Paragraph | None:
        """Paragraph ``number`` ("35", or an id: "annex__para_3") of ``instrument`` (catalogue id,
        symbol or key), if it is in the corpus; for a text cited by article, article ``number``."""
        entry = self.entry(instrument)
        if entry is None:
            return None
        found = self._index.outline(entry).element(number)
        return found if isinstance(found, Paragraph) else None

    def citations_of(self, instrument: str, number: str) -> tuple[Link, ...]:
        """Every link citing paragraph ``number`` of ``instrument``, or an item inside it, in corpus order.

        ``number`` is the printed number ("35"; an article's, for a text cited by article) or an
        id ("preamble__p_3", "annex__para_3", "para_72__subpara_a", "sec_II", "annex").
        """
        entry = self.entry(instrument)
        identity = _match_key(entry.instrument if entry else instrument)
        if "_" in number or number == "annex":
            wanted = [number]
        elif entry is not None and (found := self._index.outline(entry).element(number)) is not None:
            wanted = [found.id]
        else:  # not in the corpus: the paragraph or the article with that number
            wanted = [f"para_{number}", f"art_{number}"]
        links = {id(link): link for w in wanted for link in self._cited.get((identity, w), ())}
        order = {id(link): n for n, link in enumerate(self.links)}
        return tuple(sorted(links.values(), key=lambda link: order[id(link)]))


# --- identity --------------------------------------------------------------------------------


def document_identity(doc: Document, catalogue: Catalogue, position: int = 0) -> str:
    """The instrument a document is (module docstring, "Identity"); ``position`` is unused."""
    if doc.symbol:
        known = catalogue.by_symbol(doc.symbol)
        return known.id if known else doc.symbol
    if doc.title:
        named = catalogue.by_name(doc.title) or None
        cited = named.id if named is not None else _cited_by_title(doc.title, catalogue)
        if cited is not None:
            return cited
    stated = _stated_identity(doc, catalogue)
    if stated is not None:
        return stated
    name = source_name(doc)
    if name is not None:
        return name
    if doc.source is not None and doc.source.message_id:
        return doc.source.message_id
    digest = hashlib.sha1(doc.text.encode("utf-8"), usedforsecurity=False).hexdigest()[:12]
    return f"text:{digest}"


def source_name(doc: Document) -> str | None:
    """Where a document was read: its path, then ``#`` and the message index, ``/`` and the part."""
    source = doc.source
    if source is None or not source.path:
        return None
    name = source.path
    if source.message_index is not None:
        name += f"#{source.message_index}"
    if source.part is not None and source.message_index is not None:
        name += f"/{source.part}"
    return name


def _cited_by_title(title: str, catalogue: Catalogue) -> str | None:
    """A title that is itself a citation ("Resolution 2242 (2015)"): the identity it names."""
    if len(title) > 120 or not _CITATION_WORD.search(title):
        return None
    line = " ".join(title.split())
    mentions = detector_for(catalogue).find(line, [])
    refs = resolve(mentions, Context(line, catalogue, None, is_resolution=False), [], [], lambda _: 0)
    if len(refs) != 1 or refs[0].document is None or refs[0].text != line:
        return None
    return target_identity(refs[0], "")


_CITATION_WORD = regex.compile(r"(?i:resolution|decision)|/")
_HEAD_LINES = 15  # a masthead: the lines above the first paragraph, at most this many


def _stated_identity(doc: Document, catalogue: Catalogue) -> str | None:
    """A line of its own above the first paragraph naming a catalogue instrument, or a symbol."""
    if not doc.paragraphs or not doc.text:
        return None
    head = doc.text[: min(p.span.start for p in doc.paragraphs)]
    symbol = detector_for(catalogue).symbol
    lines = [line.strip() for line in head.splitlines() if line.strip()][:_HEAD_LINES]
    for line in lines:
        if len(line) > 200:
            continue
        known = catalogue.by_name(line)
        if known is not None and name_key(line) in {name_key(n) for n in (known.title, *known.aliases)}:
            return known.id
        bare = _DOCUMENT_WORD.sub("", line)
        if symbol.fullmatch(bare):
            canonical = normalise_symbol(bare)
            by_symbol = catalogue.by_symbol(canonical)
            return by_symbol.id if by_symbol else canonical
    return None


_DOCUMENT_WORD = regex.compile(r"^(?i:document|symbol)\s*:?\s+")


def target_identity(ref: Reference, own: str) -> str | None:
    """The instrument a reference names, in the same terms as :func:`document_identity`."""
    doc = ref.document
    if doc is None:
        return own
    return doc.id or doc.symbol or (f"{doc.kind} {' '.join(doc.number.split())}" if doc.number else None)


def _match_key(identity: str) -> str:
    """Identities compare without regard to case or spacing: "Resolution 2 (REV. DUBAI, 2018)"."""
    return "".join(identity.split()).casefold()


_UNDERSPECIFIED = regex.compile(r"(?:\s?\((?:19|20)\d{2}\)|(?<=\d)\s[A-Z])$")


def _loose_key(identity: str) -> str:
    """The identity without an SC year or a resolution letter: S/RES/1325 (2000) -> s/res/1325."""
    return _match_key(_UNDERSPECIFIED.sub("", " ".join(identity.split())))


# --- building -----------------------------------------------------------------------------


def _build(documents: list[Document], catalogue: Catalogue) -> dict[str, Any]:
    entries = _entries(documents, catalogue)
    index = _Index(entries)
    links = tuple(link for entry in entries for link in _links_of(entry, index, catalogue))
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
        entries.append(CorpusEntry(key=key, instrument=identity, document=doc, source=source_name(doc)))
    return tuple(entries)


def _preference(position: int, entry: CorpusEntry) -> tuple[int, int, int]:
    """Smaller is preferred: most paragraphs outside quotes, then most paragraphs, then first."""
    paragraphs = entry.document.paragraphs
    unquoted = sum(1 for p in paragraphs if p.quote_depth == 0)
    return (-unquoted, -len(paragraphs), position)


class _Index:
    """The corpus's copies by identity (exact and loose) and an outline of each document."""

    def __init__(self, entries: Sequence[CorpusEntry]) -> None:
        exact: dict[str, list[tuple[tuple[int, int, int], CorpusEntry]]] = defaultdict(list)
        for position, entry in enumerate(entries):
            exact[_match_key(entry.instrument)].append((_preference(position, entry), entry))
        self.exact = {k: [e for _, e in sorted(v, key=lambda x: x[0])] for k, v in exact.items()}
        loose: dict[str, list[str]] = defaultdict(list)
        for key, copies in self.exact.items():
            loose[_loose_key(copies[0].instrument)].append(key)
        self.loose = dict(loose)
        self._outlines: dict[str, _Outline] = {}

    def instruments(self, identity: str) -> list[str]:
        """The instruments of the corpus an identity may mean (as match keys): itself, or for a
        number without its year or letter, every one that has them."""
        key = _match_key(identity)
        if key in self.exact:
            return [key]
        loose = _loose_key(identity)
        if loose == key:  # no year or letter given: every instrument it may mean
            return list(self.loose.get(loose, ()))
        return [loose] if loose in self.exact else []  # a copy identified without its year or letter

    def preferred(self, instrument: str) -> CorpusEntry:
        return self.exact[instrument][0]

    def outline(self, entry: CorpusEntry) -> _Outline:
        found = self._outlines.get(entry.key)
        if found is None:
            found = self._outlines[entry.key] = _Outline(entry.document)
        return found


# --- resolving ---------------------------------------------------------------------------


def _links_of(entry: CorpusEntry, index: _Index, catalogue: Catalogue) -> Iterator[Link]:
    for ref in entry.document.references:
        base = {"source_document": entry.key, "source_paragraph": ref.paragraph_id, "reference": ref}
        if ref.document is None:
            yield _link_to(entry, ref, entry.instrument, base, index)
            continue
        target = target_identity(ref, entry.instrument)
        instruments = index.instruments(target) if target else []
        if len(instruments) > 1:
            keys = tuple(index.preferred(i).key for i in instruments)
            yield Link(**base, target=target, candidates=keys, status="ambiguous")
        elif instruments:
            yield _link_to(index.preferred(instruments[0]), ref, target, base, index)
        elif _beyond_count(ref, catalogue):
            yield Link(**base, target=target, missing=ref.target_ids, status="no-such-paragraph")
        else:
            yield Link(**base, target=target, status="not-in-corpus")


def _link_to(
    copy: CorpusEntry, ref: Reference, target: str | None, base: dict[str, Any], index: _Index
) -> Link:
    if not ref.target_ids:
        return Link(**base, target=target, target_document=copy.key, status="document-only")
    outline = index.outline(copy)
    found: list[str] = []
    missing: list[str] = []
    prefix = f"{ref.within}__" if ref.within else ""
    cited: list[tuple[str, Pinpoint | None]] = [(prefix + p.target_id, p) for p in ref.pinpoints]
    for ident, pin in cited or [(ref.target_ids[0], None)]:
        hit = outline.part(ref.within) if pin is None else outline.find(pin, ref.within)
        if hit is None:
            missing.append(ident)
        else:
            found.append(hit)
    status: LinkStatus = "no-such-paragraph" if missing else "resolved"
    return Link(
        **base,
        target=target,
        target_document=copy.key,
        target_paragraphs=tuple(dict.fromkeys(found)),
        missing=tuple(dict.fromkeys(missing)),
        status=status,
    )


@dataclass(frozen=True, slots=True)
class _Numbered:
    """A paragraph as a pinpoint finds it: by id, and by the number printed on it."""

    paragraph: Paragraph
    in_part: bool  # inside an annex or another part named by an id prefix ("annex__para_3")


class _Outline:
    """One document's paragraphs and items by id, by number, and the parts their ids name."""

    def __init__(self, doc: Document) -> None:
        self.by_id: dict[str, Paragraph | SubParagraph] = {}
        self.by_number: dict[str, list[_Numbered]] = defaultdict(list)
        self.parts: set[str] = set()
        for para in doc.paragraphs:
            self.by_id.setdefault(para.id, para)
            for item in _items(para.subparagraphs):
                self.by_id.setdefault(item.id, item)
            head, _, _own = para.id.rpartition("__")
            if para.number is not None:
                self.by_number[para.number].append(_Numbered(para, head.startswith("annex")))
            while head:
                self.parts.add(head)
                head = head.rpartition("__")[0]

    def part(self, within: str | None) -> str | None:
        """A part the ids of some paragraphs start with (a chapter may be a ``sec_`` heading)."""
        if within is None:
            return None
        for name in (within, within.replace("chp_", "sec_")):
            if name in self.parts:
                return name
        return None

    def find(self, pin: Pinpoint, within: str | None) -> str | None:
        """The id of what a pinpoint cites here (the item, for "33 (b)"), if it is here."""
        prefix = f"{within}__" if within else ""
        if pin.unit in ("section", "chapter", "annex"):
            return self.part(prefix + Pinpoint(unit=pin.unit, paragraph=pin.paragraph).target_id)
        exact = self.by_id.get(prefix + Pinpoint(unit=pin.unit, paragraph=pin.paragraph).target_id)
        para = exact if isinstance(exact, Paragraph) else None
        if para is None and pin.unit in ("paragraph", "article"):
            para = self.numbered(pin.paragraph, within)
        if para is None:
            return None
        if pin.subparagraph is None:
            return para.id
        item = _item(para.subparagraphs, pin.subparagraph)
        if item is not None and pin.item is not None:
            item = _item(item.subparagraphs, pin.item)
        return item.id if item is not None else None

    def element(self, number_or_id: str) -> Paragraph | SubParagraph | None:
        """A paragraph or item by id, else a paragraph by printed number (outside an annex first)."""
        return self.by_id.get(number_or_id) or self.numbered(number_or_id, None)

    def numbered(self, number: str, within: str | None) -> Paragraph | None:
        """The paragraph printed with ``number``, inside ``within``, or outside any annex first."""
        candidates = self.by_number.get(number, [])
        if within is not None:
            inside = [c for c in candidates if c.paragraph.id.startswith(f"{within}__")]
            return inside[0].paragraph if inside else None
        outside = [c for c in candidates if not c.in_part] or candidates
        return outside[0].paragraph if outside else None


def _items(items: tuple[SubParagraph, ...]) -> Iterator[SubParagraph]:
    for item in items:
        yield item
        yield from _items(item.subparagraphs)


def _item(items: tuple[SubParagraph, ...], label: str) -> SubParagraph | None:
    return next((s for s in items if s.label == label), None)


def _enclosing(ident: str) -> Iterator[str]:
    """An id and the ids that contain it: ``para_72__subpara_a``, ``para_72``."""
    parts = ident.split("__")
    for n in range(len(parts), 0, -1):
        yield "__".join(parts[:n])


def _beyond_count(ref: Reference, catalogue: Catalogue) -> bool:
    """A pinpoint past the last paragraph (article) the catalogue counts for the cited text."""
    doc = ref.document
    known = catalogue.get(doc.id) if doc is not None and doc.id else None
    if known is None or known.paragraph_count is None or ref.within is not None:
        return False
    count = known.paragraph_count
    return any(
        p.unit == known.unit and p.paragraph.isdigit() and int(p.paragraph) > count for p in ref.pinpoints
    )
