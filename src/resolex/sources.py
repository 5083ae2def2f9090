"""Sources: files, folders, e-mails and mbox archives, read one text at a time.

:func:`open_sources` turns paths into a stream of :class:`Loaded` texts, each a
:class:`~resolex.models.Source` (the decoded raw text and where it came from) with
the diagnostics loading raised. Nothing is read before it is needed and no more
than one message is held at a time, so memory does not grow with the archive.

What a path is read as:

- a folder: every file under it, sorted, recursively, whose suffix is one of
  ``READABLE`` or which has no suffix and starts like a message or an archive
  (a Maildir's ``cur/`` and ``new/`` files); hidden files are skipped;
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
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from email import policy
from email.message import Message
from email.parser import BytesParser
from pathlib import Path
from typing import BinaryIO, Literal

import regex

from resolex.errors import SourceError
from resolex.load import Format, decode, looks_binary, sniff
from resolex.models import Diagnostic, Severity, Source

SourcePaths = str | os.PathLike[str] | Iterable[str | os.PathLike[str]]

MAX_BYTES = 16_000_000  # per file or message; extraction of 16 MB takes about half a minute
READABLE = frozenset({".txt", ".text", ".md", ".html", ".htm", ".xml", ".eml", ".mbox", ".mbx"})
_MBOX_SUFFIXES = frozenset({".mbox", ".mbx"})
_TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".html", ".htm", ".xml"})
_LINE_LIMIT = 1 << 16  # an mbox is read in lines of at most 64 KiB, however long its lines are

# "From avri at psg.com  Thu Nov 23 10:11:12 2006", "From - Mon Jan 01 00:00:00 2001":
# a "From " line is a separator when it carries a time, so a body line that mboxo left
# unescaped ("From the outcome of …") rarely splits a message.
_FROM_LINE = regex.compile(rb"From \S+ .*\b\d{1,2}:\d{2}\b")
_HEADER_LINE = regex.compile(rb"[!-9;-~]{1,76}:[ \t]")
_MAIL_HEADERS = regex.compile(
    rb"^(?:return-path|received|from|message-id|mime-version|date|subject|delivered-to|x-[\w-]+):",
    regex.IGNORECASE | regex.MULTILINE,
)
_PARSER = BytesParser(policy=policy.default)


@dataclass(frozen=True, slots=True)
class Loaded:
    """One text to extract: its source and what loading it raised."""

    source: Source
    diagnostics: tuple[Diagnostic, ...] = ()


def open_sources(
    path_or_paths: SourcePaths, *, format: Format = "auto", max_bytes: int = MAX_BYTES
) -> Iterator[Loaded]:
    """Check every path exists (raising :class:`SourceError` naming the first that does not),
    then stream what they hold."""
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
            yield _failed(
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
            suffix = path.suffix.lower()
            if suffix in READABLE or (not suffix and _starts_like_mail(path)):
                yield path
    while problems:  # the folder itself could not be listed
        error = problems.pop()
        yield _failed(
            Source(raw="", media_type="text/plain", path=str(folder)),
            "RX005",
            "error",
            f"{folder}: cannot read the folder: {error.strerror or error}",
        )


def _starts_like_mail(path: Path) -> bool:
    try:
        with path.open("rb") as f:
            head = f.read(4096)
    except OSError:
        return True  # let reading it report the problem
    return _kind(path, head) != "text"


def _kind(path: Path, head: bytes) -> Literal["mbox", "message", "text"]:
    suffix = path.suffix.lower()
    if suffix in _MBOX_SUFFIXES or (head.startswith(b"From ") and _FROM_LINE.match(head)):
        return "mbox"
    if suffix == ".eml":
        return "message"
    if suffix not in _TEXT_SUFFIXES and _HEADER_LINE.match(head) and _MAIL_HEADERS.search(head[:4096]):
        return "message"
    return "text"


def _read_path(path: Path, fmt: Format, max_bytes: int) -> Iterator[Loaded]:
    where = str(path)
    try:
        f = path.open("rb")
    except OSError as exc:
        yield _failed(
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
            data = head + f.read(max_bytes + 1 - len(head))
            size = len(data) if len(data) <= max_bytes else os.fstat(f.fileno()).st_size
        except OSError as exc:
            yield _failed(
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
            _note(
                "RX008",
                "warning",
                f"{where}: {_mb(size)} is larger than {_mb(max_bytes)}; "
                f"only the first {_mb(len(data))} were read",
            )
        )
    if kind == "message":
        yield from _read_message(data, _Place(where), fmt, notes)
    else:
        yield _read_text(data, where, fmt, notes)


def _read_text(data: bytes, where: str, fmt: Format, notes: list[Diagnostic]) -> Loaded:
    empty = Source(raw="", media_type="text/plain", path=where)
    if not data.strip():
        return _failed(empty, "RX007", "warning", f"{where}: the file is empty", notes)
    if looks_binary(data):
        return _failed(empty, "RX006", "error", f"{where}: binary content, not text; not read", notes)
    decoded = decode(data)
    media = sniff(decoded.text, fmt)
    source = Source(
        raw=decoded.text,
        media_type="text/html" if media == "html" else "text/plain",
        path=where,
        encoding=decoded.encoding,
    )
    return Loaded(source, (*notes, *_located(decoded.diagnostics, where)))


# --- mbox --------------------------------------------------------------------


def _read_mbox(f: BinaryIO, where: str, fmt: Format, max_bytes: int) -> Iterator[Loaded]:
    count = 0
    for raw in _split_mbox(f, max_bytes):
        place = _Place(where, raw.index, raw.offset)
        notes: list[Diagnostic] = []
        if raw.index == 0 and not raw.separated:
            notes.append(
                _note("RX009", "warning", f"{place}: the archive does not start with a 'From ' line")
            )
        if raw.size > len(raw.data):
            notes.append(
                _note(
                    "RX008",
                    "warning",
                    f"{place}: the message is {_mb(raw.size)}, larger than "
                    f"{_mb(max_bytes)}; only its first {_mb(len(raw.data))} "
                    "were read",
                )
            )
        if raw.cut_short:
            notes.append(
                _note(
                    "RX009",
                    "warning",
                    f"{place}: the archive ends in the middle of a line; this last message is cut short",
                )
            )
        yield from _read_message(raw.data, place, fmt, notes)
        count += 1
    if count == 0:
        yield _failed(
            Source(raw="", media_type="text/plain", path=where),
            "RX007",
            "warning",
            f"{where}: the archive holds no message",
        )


@dataclass(frozen=True, slots=True)
class _RawMessage:
    index: int
    offset: int  # of its "From " line in the file
    data: bytes  # at most max_bytes
    size: int  # of the whole message
    separated: bool  # whether a "From " line opened it
    cut_short: bool  # whether the file ended in the middle of its last line


def _split_mbox(f: BinaryIO, max_bytes: int) -> Iterator[_RawMessage]:
    """Messages of an mbox, one at a time, each capped at ``max_bytes``.

    Lines are read at most 64 KiB at a time, so a huge line or message never sits in
    memory whole. ``>From `` lines are unescaped (mboxrd); the blank line that ends each
    message in the archive is not part of it.
    """
    index = 0
    offset = start = 0
    chunks: list[bytes] = []
    kept = size = 0
    separated = False
    at_line_start = True
    line = b""
    while True:
        line = f.readline(_LINE_LIMIT)
        if not line:
            break
        length = len(line)
        if at_line_start and line.startswith(b"From ") and _FROM_LINE.match(line):
            if chunks or separated or size:
                yield _message(index, start, chunks, size, separated, cut_short=False)
                index += 1
            chunks, kept, size, separated, start = [], 0, 0, True, offset
        else:
            if at_line_start and line.startswith(b">") and line.lstrip(b">").startswith(b"From "):
                line = line[1:]
            size += len(line)
            if kept + len(line) <= max_bytes:
                chunks.append(line)
                kept += len(line)
            elif kept < max_bytes:
                chunks.append(line[: max_bytes - kept])
                kept = max_bytes
        offset += length
        at_line_start = line.endswith(b"\n")
    if chunks or separated:
        yield _message(index, start, chunks, size, separated, cut_short=not at_line_start)


def _message(
    index: int, start: int, chunks: list[bytes], size: int, separated: bool, *, cut_short: bool
) -> _RawMessage:
    if chunks and chunks[-1] in (b"\n", b"\r\n"):  # the separating blank line
        size -= len(chunks[-1])
        chunks.pop()
    return _RawMessage(index, start, b"".join(chunks), size, separated, cut_short)


# --- one message -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Place:
    """Where a message is: its file, and its index and byte offset in an archive."""

    path: str
    index: int | None = None
    offset: int | None = None

    def __str__(self) -> str:
        return self.path if self.index is None else f"{self.path}, message {self.index}"


@dataclass(frozen=True, slots=True)
class _Headers:
    message_id: str | None = None
    date: str | None = None
    sender: str | None = None
    subject: str | None = None


def _source(
    place: _Place,
    headers: _Headers,
    *,
    raw: str = "",
    media: Literal["text", "html"] = "text",
    encoding: str | None = None,
    part: str | None = None,
    filename: str | None = None,
) -> Source:
    return Source(
        raw=raw,
        media_type="text/html" if media == "html" else "text/plain",
        path=place.path,
        encoding=encoding,
        message_index=place.index,
        byte_offset=place.offset,
        message_id=headers.message_id,
        date=headers.date,
        sender=headers.sender,
        subject=headers.subject,
        part=part,
        filename=filename,
    )


def _read_message(data: bytes, place: _Place, fmt: Format, notes: list[Diagnostic]) -> Iterator[Loaded]:
    """One document per text part of the message (at least one)."""
    if not data.strip():
        yield _failed(_source(place, _Headers()), "RX007", "warning", f"{place}: the message is empty", notes)
        return
    msg = _PARSER.parsebytes(data)
    headers = _headers(msg, place, notes)
    defects = sorted({type(d).__name__ for part in msg.walk() for d in part.defects})
    if defects:
        notes.append(_note("RX003", "warning", f"{place}: malformed message ({', '.join(defects)})"))
    parts = list(_text_parts(msg, ""))
    if not parts:
        kinds = sorted({p.get_content_type() for p in msg.walk() if not p.is_multipart()})
        yield _failed(
            _source(place, headers),
            "RX004",
            "warning",
            f"{place}: no text part (only {', '.join(kinds) or 'nothing'})",
            notes,
        )
        return
    for number, part in parts:
        yield _read_part(part, number, place=place, headers=headers, fmt=fmt, notes=notes)
        notes = []  # the message's own notes go on its first document


def _read_part(
    part: Message, number: str, *, place: _Place, headers: _Headers, fmt: Format, notes: list[Diagnostic]
) -> Loaded:
    where = f"{place}, part {number}"
    filename = _clean(part.get_filename() or "") or None
    empty = _source(place, headers, part=number, filename=filename)
    payload = part.get_payload(decode=True)
    data = payload if isinstance(payload, bytes) else b""
    if not data.strip():
        return _failed(empty, "RX007", "info", f"{where}: the part holds no text", notes)
    if looks_binary(data):
        return _failed(empty, "RX006", "error", f"{where}: binary content, not text; not read", notes)
    decoded = decode(data, charset=part.get_content_charset())
    media: Literal["text", "html"]
    if fmt != "auto":
        media = fmt
    elif part.get_content_type() == "text/html" or (filename or "").lower().endswith((".html", ".htm")):
        media = "html"
    elif part.get_content_type() == "text/plain" and not filename:
        media = "text"
    else:  # an attachment by name: look at it
        media = sniff(decoded.text, "auto")
    source = _source(
        place,
        headers,
        raw=decoded.text,
        media=media,
        encoding=decoded.encoding,
        part=number,
        filename=filename,
    )
    return Loaded(source, (*notes, *_located(decoded.diagnostics, where)))


def _text_parts(part: Message, prefix: str) -> Iterator[tuple[str, Message]]:
    """``(part number, part)`` of every text part a mail reader would show, in order."""
    ctype = part.get_content_type()
    if part.is_multipart():
        children = [c for c in part.get_payload() if isinstance(c, Message)]
        numbered = [(f"{prefix}{i}", c) for i, c in enumerate(children, 1)]
        if ctype == "multipart/alternative":
            numbered = _preferred(numbered)
        elif ctype == "multipart/related" and numbered:
            numbered = numbered[:1]
        for number, child in numbered:
            yield from _text_parts(child, number + ".")
    elif ctype == "message/rfc822":  # a forwarded message: its body is part N.1 (or N.1, N.2 …)
        inner = part.get_payload()
        if isinstance(inner, list) and inner and isinstance(inner[0], Message):
            number = prefix or "1."
            yield from _text_parts(inner[0], number if inner[0].is_multipart() else number + "1.")
    elif _is_text(part):
        yield (prefix.rstrip(".") or "1", part)


def _preferred(numbered: list[tuple[str, Message]]) -> list[tuple[str, Message]]:
    """Of the alternatives, the last that holds HTML, else the last that holds plain text."""
    for wanted in ("text/html", "text/plain"):
        for number, child in reversed(numbered):
            if any(p.get_content_type() == wanted for _n, p in _text_parts(child, number + ".")):
                return [(number, child)]
    return []


def _is_text(part: Message) -> bool:
    ctype = part.get_content_type()
    if ctype in ("text/plain", "text/html"):
        return True
    name = (part.get_filename() or "").lower()
    return ctype == "application/octet-stream" and name.endswith((".txt", ".html", ".htm", ".md", ".xml"))


def _headers(msg: Message, place: _Place, notes: list[Diagnostic]) -> _Headers:
    """Message-ID, date (ISO 8601 when it parses), sender and subject, as far as they can be read."""
    found: dict[str, str | None] = {}
    for name in ("message-id", "date", "from", "subject"):
        try:
            header = msg.get(name)
            if header is None:
                continue
            value = str(header)
            when = getattr(header, "datetime", None)
            if when is not None:
                value = when.isoformat()
        except Exception as exc:  # the email package raises on some malformed headers
            notes.append(_note("RX003", "warning", f"{place}: the {name} header cannot be read ({exc})"))
            continue
        found[name] = _clean(value) or None
    return _Headers(found.get("message-id"), found.get("date"), found.get("from"), found.get("subject"))


# --- small helpers -----------------------------------------------------------------


def _clean(value: str) -> str:
    """Header text without lone surrogates (undecodable bytes) or folded white space."""
    value = value.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return " ".join(value.split())


def _cut(data: bytes, limit: int) -> bytes:
    """The first ``limit`` bytes, ending at a line break when there is one in the last 64 KiB."""
    data = data[:limit]
    newline = data.rfind(b"\n", max(0, limit - (1 << 16)))
    return data[: newline + 1] if newline >= 0 else data


def _mb(size: int) -> str:
    return f"{size / 1e6:.1f} MB"


def _note(code: str, severity: Severity, message: str) -> Diagnostic:
    return Diagnostic(code=code, severity=severity, message=message)


def _located(diagnostics: tuple[Diagnostic, ...], where: str) -> tuple[Diagnostic, ...]:
    return tuple(d.model_copy(update={"message": f"{where}: {d.message}"}) for d in diagnostics)


def _failed(
    source: Source, code: str, severity: Severity, message: str, notes: Iterable[Diagnostic] = ()
) -> Loaded:
    return Loaded(source, (*notes, _note(code, severity, message)))
