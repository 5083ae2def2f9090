"""Sources: files, folders, e-mails and mbox archives, read one text at a time.

:func:`open_sources` turns paths into a stream of :class:`Loaded` texts, each a
:class:`~resolex.models.Source` (the decoded raw text and where it came from) with
the diagnostics loading raised. Nothing is read before it is needed and no more
than one message is held at a time, so memory does not grow with the archive.

What a path is read as:

- a folder: every file under it, sorted, recursively, whose suffix is one of
  ``READABLE`` or which starts like a message or an archive (a Maildir's ``cur/``
  and ``new/`` files); hidden files and other files (images, PDF) are skipped;
- ``.mbox``/``.mbx``, or any file whose first line is an mbox ``From `` line (as
  Mailman's ``2006-November.txt`` archives are): an mbox archive;
- ``.eml``, or a file without suffix that starts with mail headers: one message;
- anything else: one text (``.html``/``.htm``/``.xml`` and the rest sniffed, as
  :func:`resolex.extract` does).

A message gives one document per text part: first its body, then each other text
part (an HTML or text attachment, a second inline text, the body of a forwarded
message), in MIME order, each with its part number in ``Source.part``. The body is
chosen as a mail reader shows it: in ``multipart/alternative`` the last HTML
alternative, else the last plain-text one; in ``multipart/related`` the root part;
in ``multipart/mixed`` every part in turn. A message with no text part still gives
one document, empty, with a diagnostic: no message is ever dropped.

Diagnostics of loading (``RX00x``) have no span; their message names the file, the
message index and the part:

======  =======================================================================
RX001   a declared charset is unknown or does not decode the bytes (guessed)
RX002   bytes that are not UTF-8 and declare no charset (read as cp1252)
RX003   a malformed message (the ``email`` package's defects, bad headers)
RX004   a message with no text part
RX005   a file or folder that cannot be read
RX006   binary content, not text (not extracted)
RX007   an empty file, archive or message
RX008   a message or file larger than ``max_bytes`` (the rest is not read)
RX009   an archive that is cut short or does not start with a ``From`` line
======  =======================================================================
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO, Literal

import regex

from resolex.errors import SourceError
from resolex.load import Format, decode, looks_binary, sniff
from resolex.models import Diagnostic, Source
from resolex.sources.loaded import Loaded, failed, located, megabytes, note
from resolex.sources.mbox import FROM_LINE, RawMessage, split_mbox
from resolex.sources.message import Place, read_message

__all__ = ["MAX_BYTES", "READABLE", "Loaded", "SourcePaths", "open_sources"]

SourcePaths = str | os.PathLike[str] | Iterable[str | os.PathLike[str]]

MAX_BYTES = 16_000_000  # per file or message; extraction of 16 MB takes about half a minute
READABLE = frozenset({".txt", ".text", ".md", ".html", ".htm", ".xml", ".eml", ".mbox", ".mbx"})
_MBOX_SUFFIXES = frozenset({".mbox", ".mbx"})
_TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".html", ".htm", ".xml"})
_HEADER_LINE = regex.compile(rb"[!-9;-~]{1,76}:[ \t]")
_MAIL_HEADERS = regex.compile(
    rb"^(?:return-path|received|from|message-id|mime-version|date|subject|delivered-to|x-[\w-]+):",
    regex.IGNORECASE | regex.MULTILINE,
)


def open_sources(
    path_or_paths: SourcePaths, *, format: Format = "auto", max_bytes: int = MAX_BYTES
) -> Iterator[Loaded]:
    """Check every path exists (raising :class:`SourceError` naming the first that does not),
    then stream what they hold."""
    if max_bytes < 1:
        raise ValueError(f"max_bytes must be positive, not {max_bytes}")
    if isinstance(path_or_paths, str | os.PathLike):
        paths = [Path(path_or_paths)]
    else:
        paths = [Path(p) for p in path_or_paths]
    for path in paths:
        if not path.exists():
            raise SourceError(f"no such file or folder: {path}")
    return _stream(paths, format, max_bytes)


def _stream(paths: list[Path], fmt: Format, max_bytes: int) -> Iterator[Loaded]:
    for path in paths:
        if path.is_dir():
            for item in _walk(path):
                if isinstance(item, Loaded):
                    yield item
                else:
                    yield from _read_path(item, fmt, max_bytes)
        else:
            yield from _read_path(path, fmt, max_bytes)


def _walk(folder: Path) -> Iterator[Path | Loaded]:
    """Readable files under ``folder``, sorted; an unreadable sub-folder as a diagnostic."""
    problems: list[OSError] = []
    for root, dirs, files in os.walk(folder, onerror=problems.append):
        while problems:
            error = problems.pop()
            where = error.filename or root
            yield failed(
                Source(raw="", media_type="text/plain", path=str(where)),
                "RX005",
                "error",
                f"{where}: cannot read the folder: {error.strerror or error}",
            )
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            path = Path(root, name)
            if _special(path):  # a FIFO, socket or device: not a document (and opening a FIFO blocks)
                continue
            if path.suffix.lower() in READABLE or _starts_like_mail(path):
                yield path
    while problems:  # the folder itself could not be listed
        error = problems.pop()
        yield failed(
            Source(raw="", media_type="text/plain", path=str(folder)),
            "RX005",
            "error",
            f"{folder}: cannot read the folder: {error.strerror or error}",
        )


def _special(path: Path) -> bool:
    """Whether ``path`` exists but is not a regular file (a dangling link is not special)."""
    try:
        return not stat.S_ISREG(path.stat().st_mode)
    except OSError:
        return False


def _starts_like_mail(path: Path) -> bool:
    try:
        with path.open("rb") as f:
            head = f.read(4096)
    except OSError:
        return True  # let reading it report the problem
    return _kind(path, head) != "text"


def _kind(path: Path, head: bytes) -> Literal["mbox", "message", "text"]:
    suffix = path.suffix.lower()
    if suffix in _MBOX_SUFFIXES or (head.startswith(b"From ") and FROM_LINE.match(head)):
        return "mbox"
    if suffix == ".eml":
        return "message"
    if suffix not in _TEXT_SUFFIXES and _HEADER_LINE.match(head) and _MAIL_HEADERS.search(head[:4096]):
        return "message"
    return "text"


def _read_path(path: Path, fmt: Format, max_bytes: int) -> Iterator[Loaded]:
    where = str(path)
    if _special(path):
        yield failed(
            Source(raw="", media_type="text/plain", path=where),
            "RX005",
            "error",
            f"{where}: not a regular file (a pipe, socket or device); not read",
        )
        return
    try:
        f = path.open("rb")
    except OSError as exc:
        yield failed(
            Source(raw="", media_type="text/plain", path=where),
            "RX005",
            "error",
            f"{where}: cannot read the file: {exc.strerror or exc}",
        )
        return
    with f:
        try:
            head = f.read(4096)
            kind = _kind(path, head)
            if kind == "mbox":
                f.seek(0)
                yield from _read_mbox(f, where, fmt, max_bytes)
                return
            data = head + f.read(max(0, max_bytes + 1 - len(head)))
            size = len(data) if len(data) <= max_bytes else os.fstat(f.fileno()).st_size
        except OSError as exc:
            yield failed(
                Source(raw="", media_type="text/plain", path=where),
                "RX005",
                "error",
                f"{where}: reading failed: {exc.strerror or exc}",
            )
            return
    notes: list[Diagnostic] = []
    if size > max_bytes:
        data = _cut(data, max_bytes)
        notes.append(
            note(
                "RX008",
                "warning",
                f"{where}: {megabytes(size)} is larger than {megabytes(max_bytes)}; "
                f"only the first {megabytes(len(data))} were read",
            )
        )
    if kind == "message":
        yield from read_message(data, Place(where), fmt, notes)
    else:
        yield _read_text(data, where, fmt, notes)


def _read_text(data: bytes, where: str, fmt: Format, notes: list[Diagnostic]) -> Loaded:
    empty = Source(raw="", media_type="text/plain", path=where)
    if not data.strip():
        return failed(empty, "RX007", "warning", f"{where}: the file is empty", notes)
    if looks_binary(data):
        return failed(empty, "RX006", "error", f"{where}: binary content, not text; not read", notes)
    decoded = decode(data)
    media = sniff(decoded.text, fmt)
    source = Source(
        raw=decoded.text,
        media_type="text/html" if media == "html" else "text/plain",
        path=where,
        encoding=decoded.encoding,
    )
    return Loaded(source, (*notes, *located(decoded.diagnostics, where)))


def _read_mbox(f: BinaryIO, where: str, fmt: Format, max_bytes: int) -> Iterator[Loaded]:
    count = 0
    for raw in split_mbox(f, max_bytes):
        place = Place(where, raw.index, raw.offset)
        yield from read_message(raw.data, place, fmt, _archive_notes(raw, place, max_bytes))
        count += 1
    if count == 0:
        yield failed(
            Source(raw="", media_type="text/plain", path=where),
            "RX007",
            "warning",
            f"{where}: the archive holds no message",
        )


def _archive_notes(raw: RawMessage, place: Place, max_bytes: int) -> list[Diagnostic]:
    """What reading an archive says about one of its messages (RX008, RX009).

    ``place`` is where the message is in the whole archive: resolex.dask reads an archive
    by slices, and a slice's first message is the archive's first only in slice 0.
    """
    notes: list[Diagnostic] = []
    if place.index == 0 and not raw.separated:
        notes.append(note("RX009", "warning", f"{place}: the archive does not start with a 'From ' line"))
    if raw.size > len(raw.data):
        notes.append(
            note(
                "RX008",
                "warning",
                f"{place}: the message is {megabytes(raw.size)}, larger than "
                f"{megabytes(max_bytes)}; only its first {megabytes(len(raw.data))} "
                "were read",
            )
        )
    if raw.cut_short:
        notes.append(
            note(
                "RX009",
                "warning",
                f"{place}: the archive ends in the middle of a line; this last message is cut short",
            )
        )
    return notes


def _cut(data: bytes, limit: int) -> bytes:
    """The first ``limit`` bytes, ending at a line break when there is one in the last 64 KiB."""
    data = data[:limit]
    newline = data.rfind(b"\n", max(0, limit - (1 << 16)))
    return data[: newline + 1] if newline >= 0 else data
