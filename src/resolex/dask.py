"""Scale-out on Dask: the serial results, computed by many workers.

``pip install 'resolex[dask]'``, then::

    from resolex import dask as rxd

    bag = rxd.read_bag(["lists/", "dumps/2006.mbox"])  # a dask.bag.Bag of Documents
    rxd.to_jsonl(bag, "documents.jsonl")               # the bytes write_jsonl(resolex.read(...)) writes
    graph = rxd.citation_graph(bag)                    # == resolex.citation_graph(list(resolex.read(...)))

Both run on Dask's default scheduler (local processes for a bag), or on the one named by
``scheduler=``: ``"threads"``, ``"sync"``, or a ``distributed.Client`` for a cluster.
Scheduling, retries, moving data and the trees of reductions are Dask's.

Partitions
  One per file, in the order :func:`resolex.read` reads them (paths as given, a folder's
  files sorted), and one per slice of an mbox archive larger than ``partition_bytes``. A
  slice's nominal cut points (``size * i / n``) move forward to the next line resolex reads
  as a ``From`` separator, so each slice holds whole messages, and its worker streams them
  from its byte range. A first pass (in parallel, reading each slice once, extracting
  nothing) counts every slice's messages, so each message gets the ``message_index`` and
  ``byte_offset`` the serial run gives it.

Order
  The bag holds the documents in ``resolex.read``'s order: by source path as listed, then
  message index, then MIME part. The JSONL is one ``Document.model_dump_json()`` per line
  in that order; :func:`write_jsonl` is the serial writer, :func:`to_jsonl` has each worker
  write its partition and joins the parts in order.

Graph
  Linking needs the whole corpus: a copy's key counts the copies of its text before it, and
  a reference resolves to the preferred copy of what it names, matched as resolex.corpus
  matches. The workers keep each document without what linking never reads (raw source,
  offsets, diagnostics), and the graph is built in passes over the partitions: (1) a
  reduction to an index of identities: where their copies are and, for each instrument (an
  identity a reference can name: not a path, message id or hash of the text), its preferred
  copy, decided by asking ``Corpus`` which of two copies it prefers (a corpus of the two
  entries, their identity given and their references left out: the rule reads only
  paragraphs); (2) per partition, the serial ``resolex.citation_graph`` of a corpus of its
  documents and, in corpus order, the preferred copy of every instrument and stand-ins for
  the other copies before them (so that keys count the same); (3) a reduction merging these
  partial graphs: nodes by id, edges by (source, target, status), their references by span.
  Edges start only at a partition's own documents, so no citation is counted twice.

Without Dask installed, ``import resolex`` and this module still import; the functions
that need it raise :class:`~resolex.errors.ResolexError` naming the extra.
"""

from __future__ import annotations

import io
import os
import shutil
import tempfile
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import IO, TYPE_CHECKING

from resolex.catalogue import Catalogue
from resolex.corpus import Corpus, CorpusEntry, LinkStatus, document_identity, source_name
from resolex.errors import ResolexError
from resolex.graph import CitationGraph, CitedAt, GraphEdge, GraphLevel, GraphNode
from resolex.graph import citation_graph as serial_citation_graph
from resolex.load import Format
from resolex.models import Document, OffsetMap, Source
from resolex.pipeline import extract_source

# Planning partitions and reading slices needs what resolex.read does with a path (the
# folder walk, what a file is read as, reading one file, what it says about a message of an
# archive) without reading everything: _archive_notes, _kind, _read_path, _special and
# _walk are private to resolex.sources, used rather than copied so that the two can never
# disagree.
from resolex.sources import (
    MAX_BYTES,
    Loaded,
    SourcePaths,
    _archive_notes,
    _kind,
    _read_path,
    _special,
    _walk,
    open_sources,
)
from resolex.sources.loaded import failed
from resolex.sources.mbox import FROM_LINE, split_mbox
from resolex.sources.message import Place, read_message

if TYPE_CHECKING:
    from _typeshed import WriteableBuffer
    from dask.bag import Bag, Item
    from dask.delayed import Delayed
    from distributed import Client

__all__ = ["PARTITION_BYTES", "citation_graph", "jsonl_line", "read_bag", "to_jsonl", "write_jsonl"]

INSTALL = "pip install 'resolex[dask]'"
PARTITION_BYTES = 32_000_000  # of an mbox slice; about 10 s of extraction, a few hundred MB in memory
_LINE_LIMIT = 1 << 16  # split_mbox reads lines in pieces of at most this many bytes
_SCAN = 1 << 20  # bytes read at a time looking for a separator


def _argument(item: Item) -> Delayed:
    """A reduction's result to pass to ``map_partitions``.

    Passed as a ``dask.bag.Item``, it is computed from a renamed copy of its graph, so
    the partitions it was reduced from are computed twice; as the ``Delayed`` of its
    unoptimised graph, it shares their keys, and they are computed once.
    """
    delayed: Delayed = item.to_delayed(optimize_graph=False)
    return delayed


def _require_dask(what: str) -> None:
    try:
        import dask.bag  # noqa: F401, PLC0415 (optional dependency, imported when asked for)
    except ImportError as exc:
        raise ResolexError(f"{what} needs Dask, which is not installed: {INSTALL}") from exc


# -- JSONL ------------------------------------------------------------------------------


def jsonl_line(doc: Document) -> bytes:
    """One document as a line of JSONL, without the line feed: ``doc.model_dump_json()`` in UTF-8."""
    return doc.model_dump_json().encode("utf-8")


def write_jsonl(documents: Iterable[Document], path: str | os.PathLike[str]) -> int:
    """The serial JSONL: a :func:`jsonl_line` and a line feed per document, in the order given.

    Given ``resolex.read(paths)``, that is by source path and message index. Returns how
    many documents were written.
    """
    count = 0
    with open(path, "wb") as out:
        for doc in documents:
            out.write(jsonl_line(doc) + b"\n")
            count += 1
    return count


def to_jsonl(bag: Bag, path: str | os.PathLike[str], *, scheduler: str | Client | None = None) -> int:
    """Write ``bag``'s documents as :func:`write_jsonl` would, and return how many.

    Each worker writes its partitions to a folder beside ``path`` (on a cluster, it must be
    storage the workers share); the parts are then joined in partition order and removed.
    """
    _require_dask("resolex.dask.to_jsonl")
    target = Path(path)
    parts = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    joined = parts / "joined"
    try:
        names = bag.map(jsonl_line).to_textfiles(
            str(parts / "*.jsonl"), name_function=_part_name, encoding=None, scheduler=scheduler
        )
        count = 0
        with joined.open("wb") as out:
            for name in names:
                with open(name, "rb") as part:
                    count += _append_lines(part, out)
        os.replace(joined, target)
    finally:
        shutil.rmtree(parts, ignore_errors=True)
    return count


def _part_name(number: int) -> str:
    return f"{number:08d}"


def _append_lines(part: IO[bytes], out: IO[bytes]) -> int:
    """Copy a part (lines joined by line feeds, none after the last) and end it with one."""
    count = 0
    chunk = part.read(_SCAN)
    if not chunk:
        return 0  # an empty partition
    while chunk:
        out.write(chunk)
        count += chunk.count(b"\n")
        chunk = part.read(_SCAN)
    out.write(b"\n")
    return count + 1


# -- Reading ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _File:
    """A file read whole, as resolex.read reads it."""

    path: Path


@dataclass(frozen=True, slots=True)
class _Slice:
    """The messages of an mbox whose ``From`` line is in a range (``start``, ``end`` nominal)."""

    path: Path
    number: int
    start: int
    end: int | None  # None: to the end of the file


@dataclass(frozen=True, slots=True)
class _Unreadable:
    """A folder that could not be listed, as the diagnostic resolex.read gives for it."""

    loaded: Loaded


_Unit = _File | _Slice | _Unreadable


@dataclass(frozen=True, slots=True)
class _Window:
    """Where a slice really is: bytes ``begin`` to ``end``, holding ``count`` messages."""

    begin: int
    end: int
    count: int


@dataclass(frozen=True, slots=True)
class _Placed:
    """A slice ready to read: its bytes and the archive index of its first message."""

    begin: int
    end: int
    first_index: int
    empty_archive: bool  # the whole archive holds no message (said once, by slice 0)


_SliceKey = tuple[str, int]


def read_bag(
    path_or_paths: SourcePaths,
    *,
    format: Format = "auto",
    catalogue: Catalogue | None = None,
    max_bytes: int = MAX_BYTES,
    partition_bytes: int = PARTITION_BYTES,
) -> Bag:
    """A ``dask.bag.Bag`` of the documents :func:`resolex.read` gives, in its order.

    One partition per file, or per slice of about ``partition_bytes`` of a larger mbox
    archive; extraction runs in the workers when the bag is computed. Missing paths raise
    :class:`~resolex.errors.SourceError` at once, as ``resolex.read`` does. The files are
    listed now, to plan the partitions (reading the first 4 KB of each large file, and of a
    file whose suffix does not say what it is, as ``resolex.read`` does), and read by the
    workers.
    """
    _require_dask("resolex.dask.read_bag")
    import dask.bag as db  # noqa: PLC0415 (optional dependency)

    if format not in ("auto", "text", "html"):
        raise ValueError(f"format must be 'auto', 'text' or 'html', not {format!r}")
    if partition_bytes < 1:
        raise ValueError(f"partition_bytes must be positive, not {partition_bytes}")
    if isinstance(path_or_paths, str | os.PathLike):
        paths = [Path(path_or_paths)]
    else:
        paths = [Path(p) for p in path_or_paths]
    open_sources(paths, format=format, max_bytes=max_bytes)  # checks the paths; reads nothing
    units = [unit for path in paths for unit in _units(path, partition_bytes)]
    if not units:
        nothing: Bag = db.from_sequence([], npartitions=1)
        return nothing
    bag: Bag = db.from_sequence(units, npartitions=len(units))
    placed: object = {}
    if any(isinstance(u, _Slice) for u in units):
        windows = bag.map_partitions(_measure_slices, max_bytes)
        placed = _argument(windows.reduction(dict, _merge_dicts).apply(_place))
    # A partition is extracted lazily; Bag.map (here of the identity) makes it a list when it
    # is a result to keep or send, and lets it stream when Dask fuses it with the next step.
    documents: Bag = bag.map_partitions(_extract, placed, format, catalogue, max_bytes).map(_same)
    return documents


def _same(doc: Document) -> Document:
    return doc


def _units(path: Path, partition_bytes: int) -> Iterator[_Unit]:
    if not path.is_dir():
        yield from _file_units(path, partition_bytes)
        return
    for item in _walk(path):
        if isinstance(item, Loaded):
            yield _Unreadable(item)
        else:
            yield from _file_units(item, partition_bytes)


def _file_units(path: Path, partition_bytes: int) -> Iterator[_Unit]:
    """The file whole, or slices of it when it is an mbox larger than ``partition_bytes``."""
    try:
        size = path.stat().st_size
        if _special(path) or size <= partition_bytes:
            yield _File(path)
            return
        with path.open("rb") as f:
            head = f.read(4096)
    except OSError:
        yield _File(path)  # reading it reports the problem
        return
    if _kind(path, head) != "mbox":
        yield _File(path)
        return
    n = -(-size // partition_bytes)
    cuts = [size * i // n for i in range(n)]
    for i, start in enumerate(cuts):
        yield _Slice(path, i, start, cuts[i + 1] if i + 1 < n else None)


def _measure_slices(units: Iterable[_Unit], max_bytes: int) -> list[tuple[_SliceKey, _Window]]:
    """Where each slice really begins and ends, and how many messages it holds."""
    out = []
    for unit in units:
        if not isinstance(unit, _Slice):
            continue
        with unit.path.open("rb", buffering=0) as f:
            size = os.fstat(f.fileno()).st_size
            begin = _separator(f, unit.start, size)
            end = size if unit.end is None else _separator(f, unit.end, size)
            with _window(f, begin, end) as window:
                count = sum(1 for _ in split_mbox(window, max_bytes))
        out.append(((str(unit.path), unit.number), _Window(begin, end, count)))
    return out


def _separator(f: IO[bytes], position: int, size: int) -> int:
    """The offset of the first line at or after ``position`` that split_mbox takes for a ``From`` line.

    After a line feed split_mbox is always at the start of a line (it reads up to line
    feeds), and there it tests the line's first 64 KiB: so does this.
    """
    if position <= 0:
        return 0
    at = position - 1
    while True:
        f.seek(at)
        chunk = f.read(_SCAN)
        i = chunk.find(b"\nFrom ")
        while i >= 0:
            start = at + i + 1
            f.seek(start)
            line = f.read(_LINE_LIMIT)
            end = line.find(b"\n")
            if FROM_LINE.match(line[: end + 1] if end >= 0 else line):
                return start
            i = chunk.find(b"\nFrom ", i + 1)
        if len(chunk) < _SCAN:
            return size
        at += len(chunk) - 5  # a "\nFrom " across the end of the chunk is found in the next


class _Range(io.RawIOBase):
    """Bytes ``begin`` to ``end`` of an open file, read as a file of their own."""

    def __init__(self, f: IO[bytes], begin: int, end: int) -> None:
        self._file, self._at, self._end = f, begin, end

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: WriteableBuffer) -> int:
        view = memoryview(buffer).cast("B")
        self._file.seek(self._at)
        data = self._file.read(min(len(view), self._end - self._at))
        view[: len(data)] = data
        self._at += len(data)
        return len(data)


def _window(f: IO[bytes], begin: int, end: int) -> io.BufferedReader:
    return io.BufferedReader(_Range(f, begin, end), buffer_size=_SCAN)


def _merge_dicts(dicts: Iterable[dict[_SliceKey, _Window]]) -> dict[_SliceKey, _Window]:
    return {k: v for d in dicts for k, v in d.items()}


def _place(windows: dict[_SliceKey, _Window]) -> dict[_SliceKey, _Placed]:
    """Each slice with the archive index of its first message: the messages of the slices before it."""
    by_file: dict[str, list[tuple[int, _Window]]] = defaultdict(list)
    for (path, number), window in windows.items():
        by_file[path].append((number, window))
    placed = {}
    for path, slices in by_file.items():
        slices.sort(key=lambda s: s[0])
        total = sum(w.count for _n, w in slices)
        first = 0
        for number, w in slices:
            placed[(path, number)] = _Placed(w.begin, w.end, first, number == 0 and total == 0)
            first += w.count
    return placed


def _extract(
    units: Iterable[_Unit],
    placed: dict[_SliceKey, _Placed],
    fmt: Format,
    catalogue: Catalogue | None,
    max_bytes: int,
) -> Iterator[Document]:
    """The documents of a partition, extracted one at a time (as resolex.read does)."""
    for unit in units:
        for item in _load(unit, placed, fmt, max_bytes):
            yield extract_source(item.source, catalogue=catalogue, diagnostics=item.diagnostics)


def _load(unit: _Unit, placed: dict[_SliceKey, _Placed], fmt: Format, max_bytes: int) -> Iterator[Loaded]:
    if isinstance(unit, _Unreadable):
        yield unit.loaded
    elif isinstance(unit, _File):
        yield from _read_path(unit.path, fmt, max_bytes)
    else:
        yield from _read_slice(unit.path, placed[(str(unit.path), unit.number)], fmt, max_bytes)


def _read_slice(path: Path, at: _Placed, fmt: Format, max_bytes: int) -> Iterator[Loaded]:
    """The messages of a slice, as resolex.read reads them from the whole archive."""
    where = str(path)
    with path.open("rb", buffering=0) as f, _window(f, at.begin, at.end) as window:
        for raw in split_mbox(window, max_bytes):
            place = Place(where, at.first_index + raw.index, at.begin + raw.offset)
            yield from read_message(raw.data, place, fmt, _archive_notes(raw, place, max_bytes))
    if at.empty_archive:
        empty = Source(raw="", media_type="text/plain", path=where)
        yield failed(empty, "RX007", "warning", f"{where}: the archive holds no message")


# -- Citation graph ---------------------------------------------------------------------

_Position = tuple[int, int]  # (partition, index in it): corpus order


@dataclass(frozen=True, slots=True)
class _Part:
    """A partition's documents as skeletons, with their identities and the partition's number."""

    number: int
    documents: tuple[Document, ...]
    identities: tuple[str, ...]
    instruments: tuple[bool, ...]  # whether each identity is an instrument's (a text that can be cited)


@dataclass(frozen=True, slots=True)
class _Copies:
    """Where the copies of one identity are, and for an instrument its preferred copy."""

    positions: tuple[_Position, ...]  # sorted
    preferred: _Position
    document: Document | None  # the preferred copy without references, for an instrument


_Index = dict[str, _Copies]


def citation_graph(
    bag: Bag,
    *,
    level: GraphLevel = "paragraph",
    catalogue: Catalogue | None = None,
    scheduler: str | Client | None = None,
) -> CitationGraph:
    """The citation graph of ``bag``'s documents: ``resolex.citation_graph`` of them, in bag order.

    Built by reductions over the partitions (see the module notes), computed on ``scheduler``.
    """
    _require_dask("resolex.dask.citation_graph")
    import dask.bag as db  # noqa: PLC0415 (optional dependency)

    if level not in ("document", "paragraph"):
        raise ValueError(f"level must be 'document' or 'paragraph', not {level!r}")
    catalogue = catalogue or Catalogue.default()
    numbers = db.from_sequence(range(bag.npartitions), npartitions=bag.npartitions)
    parts = db.map_partitions(_skeletons, numbers, bag, catalogue)
    index = _argument(parts.map_partitions(_copies).reduction(_merge_index, _merge_index).apply(_shared))
    partials = parts.map_partitions(_partial_graph, index, level, catalogue)
    merged = partials.reduction(_merge_partials, _merge_partials).apply(partial(_graph_of, level=level))
    graph: CitationGraph = merged.compute(scheduler=scheduler)
    return graph


def _skeletons(numbers: Iterable[int], documents: Iterable[Document], catalogue: Catalogue) -> list[_Part]:
    (number,) = numbers
    docs = tuple(_skeleton(d) for d in documents)
    identities = tuple(document_identity(d, catalogue) for d in docs)
    instruments = tuple(_is_instrument(d, i) for d, i in zip(docs, identities, strict=True))
    return [_Part(number, docs, identities, instruments)]


def _skeleton(doc: Document) -> Document:
    """A document without what linking never reads: the raw source, offsets, diagnostics."""
    source = doc.source.model_copy(update={"raw": ""}) if doc.source is not None else None
    return doc.model_copy(update={"source": source, "offsets": OffsetMap(), "diagnostics": ()})


def _is_instrument(doc: Document, identity: str) -> bool:
    """Whether the identity is more than where the document was read (which no reference names)."""
    message_id = doc.source.message_id if doc.source is not None else None
    return identity not in (source_name(doc), message_id) and not identity.startswith("text:")


def _copies(parts: Iterable[_Part]) -> list[_Index]:
    """Where the partition's copies of each identity are, and its preferred copy of each instrument."""
    out = []
    for part in parts:
        index: _Index = {}
        for i, (doc, identity, instrument) in enumerate(
            zip(part.documents, part.identities, part.instruments, strict=True)
        ):
            copies = _Copies(((part.number, i),), (part.number, i), _bare(doc) if instrument else None)
            seen = index.get(identity)
            index[identity] = copies if seen is None else _merge_copies(seen, copies, identity)
        out.append(index)
    return out


def _bare(doc: Document) -> Document:
    return doc.model_copy(update={"references": ()})


def _merge_index(indexes: Iterable[_Index]) -> _Index:
    out: _Index = {}
    for index in indexes:
        for identity, copies in index.items():
            seen = out.get(identity)
            out[identity] = copies if seen is None else _merge_copies(seen, copies, identity)
    return out


def _merge_copies(a: _Copies, b: _Copies, identity: str) -> _Copies:
    """The copies of both; of the two preferred ones, the one a corpus of the two takes.

    The corpus is made of the two entries, in corpus order, with the identity known: the
    rule is the corpus's own (``Corpus.entry``), and no identity is worked out again.
    """
    first, second = sorted((a, b), key=lambda c: c.preferred)
    best = first
    if first.document is None:
        best = second
    elif second.document is not None:
        pair = Corpus(
            entries=(
                CorpusEntry(key="first", instrument=identity, document=first.document),
                CorpusEntry(key="second", instrument=identity, document=second.document),
            )
        )
        chosen = pair.entry(identity)
        best = second if chosen is not None and chosen.key == "second" else first
    return _Copies(tuple(sorted(a.positions + b.positions)), best.preferred, best.document)


def _shared(index: _Index) -> _Index:
    """What one partition cannot know alone: instruments, and identities in several partitions."""
    return {
        identity: copies
        for identity, copies in index.items()
        if copies.document is not None or copies.positions[0][0] != copies.positions[-1][0]
    }


@dataclass(frozen=True, slots=True)
class _Partial:
    """Part of the graph: nodes by id, and the references of each edge by span."""

    nodes: dict[str, GraphNode]
    edges: dict[tuple[str, str, LinkStatus], dict[tuple[int, int], CitedAt]]


def _partial_graph(
    parts: Iterable[_Part], index: _Index, level: GraphLevel, catalogue: Catalogue
) -> list[_Partial]:
    """The graph of the partition's own references, with the nodes they make or reach.

    They are linked in a corpus of the partition's documents and, in corpus order, the
    preferred copy of every instrument (the texts a reference can resolve to) and stubs
    for the other copies that come before these (a stub has the identity and nothing else,
    so it is never preferred and cites nothing; it is there for the "@n" keys to count).
    """
    out = []
    for part in parts:
        placed: dict[_Position, Document] = {}
        context: set[_Position] = set()
        needed: dict[str, _Position] = {}
        for i, (doc, identity) in enumerate(zip(part.documents, part.identities, strict=True)):
            placed[(part.number, i)] = doc
            needed[identity] = (part.number, i)
        for identity, known in index.items():
            if known.document is not None:
                needed[identity] = max(needed.get(identity, known.preferred), known.preferred)
        for identity, last in needed.items():
            copies = index.get(identity)
            if copies is None:  # all its copies are in this partition
                continue
            for position in copies.positions:
                if position > last or position[0] == part.number:
                    continue
                if position == copies.preferred and copies.document is not None:
                    placed[position] = copies.document
                else:
                    placed[position] = _stub(identity)
                context.add(position)
        order = sorted(placed)
        corpus = Corpus([placed[p] for p in order], catalogue=catalogue)
        foreign = {entry.key for p, entry in zip(order, corpus.entries, strict=True) if p in context}
        graph = serial_citation_graph(corpus, level=level, catalogue=catalogue)
        nodes = {n.id: n for n in _own_nodes(graph, foreign)}
        edges = {
            (e.source, e.target, e.status): {(r.span.start, r.span.end): r for r in e.references}
            for e in graph.edges
        }
        out.append(_Partial(nodes, edges))
    return out


def _stub(identity: str) -> Document:
    """A document whose identity is ``identity`` (read from a path of that name), and nothing else."""
    return Document(text="", source=Source(raw="", media_type="text/plain", path=identity))


def _own_nodes(graph: CitationGraph, foreign: set[str]) -> tuple[GraphNode, ...]:
    """The nodes but those of documents from other partitions that no edge of this one reaches."""
    ends = {e.source for e in graph.edges} | {e.target for e in graph.edges}
    kept = {n.id for n in graph.nodes if n.id in ends or not ({n.id, n.document} & foreign)}
    kept |= {n.document for n in graph.nodes if n.id in kept and n.document is not None}
    return tuple(n for n in graph.nodes if n.id in kept)


def _merge_partials(partials: Iterable[_Partial]) -> _Partial:
    """Nodes by id (the same from every partition that has one), references of each edge by span."""
    merged = list(partials)
    if len(merged) == 1:
        return merged[0]
    nodes: dict[str, GraphNode] = {}
    edges: dict[tuple[str, str, LinkStatus], dict[tuple[int, int], CitedAt]] = {}
    for part in merged:
        for node_id, node in part.nodes.items():
            seen = nodes.setdefault(node_id, node)
            if seen != node:
                raise ResolexError(f"partial graphs disagree on node {node_id!r}: {seen!r} and {node!r}")
        for key, cited in part.edges.items():
            edges[key] = {**edges[key], **cited} if key in edges else cited
    return _Partial(nodes, edges)


def _graph_of(merged: _Partial, *, level: GraphLevel) -> CitationGraph:
    """The graph, sorted as resolex.citation_graph sorts it: nodes by id, edges by source, target, status."""
    return CitationGraph(
        level=level,
        nodes=tuple(merged.nodes[k] for k in sorted(merged.nodes)),
        edges=tuple(
            GraphEdge(
                source=source,
                target=target,
                status=status,
                count=len(cited),
                references=tuple(cited[s] for s in sorted(cited)),
            )
            for (source, target, status), cited in sorted(merged.edges.items())
        ),
    )
