"""mbox archives split into messages, one at a time, with a bounded buffer.

The standard library's ``mailbox.mbox`` first indexes the whole file and then loads
each message whole, however large; this reader makes one pass, reads lines of at
most 64 KiB and keeps at most ``max_bytes`` of any message, so neither a large
archive nor a huge message makes memory grow.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

import regex

_LINE_LIMIT = 1 << 16

# "From avri at psg.com  Thu Nov 23 10:11:12 2006", "From - Mon Jan 01 00:00:00 2001":
# a "From " line is a separator when it carries a time, so a body line that mboxo left
# unescaped ("From the outcome of …") rarely splits a message.
FROM_LINE = regex.compile(rb"From \S+ .*\b\d{1,2}:\d{2}\b")


@dataclass(frozen=True, slots=True)
class RawMessage:
    """The bytes of one message of an archive (at most ``max_bytes`` of them)."""

    index: int
    offset: int  # of its "From " line in the file
    data: bytes
    size: int  # of the whole message
    separated: bool  # whether a "From " line opened it
    cut_short: bool  # whether the file ended in the middle of its last line


def split_mbox(f: BinaryIO, max_bytes: int) -> Iterator[RawMessage]:
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
        if at_line_start and line.startswith(b"From ") and FROM_LINE.match(line):
            if separated or any(c.strip() for c in chunks):
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
    if separated or any(c.strip() for c in chunks):
        yield _message(index, start, chunks, size, separated, cut_short=not at_line_start)


def _message(
    index: int, start: int, chunks: list[bytes], size: int, separated: bool, *, cut_short: bool
) -> RawMessage:
    whole = sum(map(len, chunks)) == size
    if whole and chunks and chunks[-1] in (b"\n", b"\r\n"):  # the separating blank line
        size -= len(chunks[-1])
        chunks.pop()
    return RawMessage(index, start, b"".join(chunks), size, separated, cut_short)
