"""One e-mail message: its metadata and a source per text part.

The body is chosen as a mail reader shows it: in ``multipart/alternative`` the last
HTML alternative, else the last plain-text one; in ``multipart/related`` the root
part; in ``multipart/mixed`` every part in turn. Every other text part (an HTML or
text attachment, a second inline text, the body of a forwarded message) follows as
its own source, numbered as IMAP numbers parts (``1``, ``2``, ``2.1``).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from email import policy
from email.message import Message
from email.parser import BytesParser
from typing import Literal

from resolex.load import Format, decode, looks_binary, sniff
from resolex.models import Diagnostic, Source
from resolex.sources.loaded import Loaded, failed, located, note

_PARSER = BytesParser(policy=policy.default)


@dataclass(frozen=True, slots=True)
class Place:
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
    place: Place,
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


def read_message(data: bytes, place: Place, fmt: Format, notes: list[Diagnostic]) -> Iterator[Loaded]:
    """One document per text part of the message (at least one)."""
    if not data.strip():
        yield failed(_source(place, _Headers()), "RX007", "warning", f"{place}: the message is empty", notes)
        return
    msg = _PARSER.parsebytes(data)
    headers = _headers(msg, place, notes)
    defects = sorted({type(d).__name__ for part in msg.walk() for d in part.defects})
    if defects:
        notes.append(note("RX003", "warning", f"{place}: malformed message ({', '.join(defects)})"))
    parts = list(_text_parts(msg, ""))
    if not parts:
        kinds = sorted({p.get_content_type() for p in msg.walk() if not p.is_multipart()})
        yield failed(
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
    part: Message, number: str, *, place: Place, headers: _Headers, fmt: Format, notes: list[Diagnostic]
) -> Loaded:
    where = f"{place}, part {number}"
    filename = _clean(part.get_filename() or "") or None
    empty = _source(place, headers, part=number, filename=filename)
    known = len(part.defects)
    payload = part.get_payload(decode=True)  # undoes base64 and quoted-printable, noting defects
    data = payload if isinstance(payload, bytes) else b""
    defects = sorted({type(d).__name__ for d in part.defects[known:]})
    if defects:
        notes = [*notes, note("RX003", "warning", f"{where}: malformed content ({', '.join(defects)})")]
    if not data.strip():
        return failed(empty, "RX007", "info", f"{where}: the part holds no text", notes)
    if looks_binary(data):
        return failed(empty, "RX006", "error", f"{where}: binary content, not text; not read", notes)
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
    return Loaded(source, (*notes, *located(decoded.diagnostics, where)))


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


def _headers(msg: Message, place: Place, notes: list[Diagnostic]) -> _Headers:
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
            notes.append(note("RX003", "warning", f"{place}: the {name} header cannot be read ({exc})"))
            continue
        found[name] = _clean(value) or None
    return _Headers(found.get("message-id"), found.get("date"), found.get("from"), found.get("subject"))


def _clean(value: str) -> str:
    """Header text without lone surrogates (undecodable bytes) or folded white space."""
    value = value.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return " ".join(value.split())
