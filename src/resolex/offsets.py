"""Offset maps: where each character of the normalised text came from.

A map is built while normalising (never recovered afterwards by diffing) as a
list of runs ``(text_start, text_length, raw_start, raw_length)``. Runs with
equal lengths map character by character; others are atomic (an entity, a
collapsed run of white space, a tag that became a line break).
"""

from __future__ import annotations

from resolex.models import OffsetMap


class MapBuilder:
    """Accumulates text and its runs; merges adjacent character-for-character runs."""

    __slots__ = ("_chunks", "_pieces", "length")

    def __init__(self) -> None:
        self._chunks: list[str] = []
        self._pieces: list[list[int]] = []
        self.length = 0

    def copy(self, text: str, raw_start: int) -> None:
        """Append ``text`` that stands character for character at ``raw_start``."""
        if not text:
            return
        n = len(text)
        last = self._pieces[-1] if self._pieces else None
        if (
            last is not None
            and last[1] == last[3]
            and last[0] + last[1] == self.length
            and last[2] + last[3] == raw_start
        ):
            last[1] += n
            last[3] += n
        else:
            self._pieces.append([self.length, n, raw_start, n])
        self._chunks.append(text)
        self.length += n

    def replace(self, text: str, raw_start: int, raw_end: int) -> None:
        """Append ``text`` that stands for the whole raw range as one unit."""
        if not text:
            return
        if len(text) == raw_end - raw_start:
            self.copy(text, raw_start)
            return
        self._pieces.append([self.length, len(text), raw_start, raw_end - raw_start])
        self._chunks.append(text)
        self.length += len(text)

    def last_char(self) -> str:
        return self._chunks[-1][-1] if self._chunks else ""

    def drop_last_char(self) -> None:
        """Remove the final character (a trailing space before a line break)."""
        if not self._chunks:
            return
        chunk = self._chunks.pop()
        if len(chunk) > 1:
            self._chunks.append(chunk[:-1])
        piece = self._pieces[-1]
        if piece[1] == piece[3]:
            piece[3] -= 1
        piece[1] -= 1
        if piece[1] == 0:
            self._pieces.pop()
        self.length -= 1

    def text(self) -> str:
        return "".join(self._chunks)

    def offset_map(self) -> OffsetMap:
        return OffsetMap.model_construct(pieces=tuple(tuple(p) for p in self._pieces))  # type: ignore[misc]


def map_position(offsets: OffsetMap, pos: int, *, end: bool = False) -> int:
    """Raw position of text position ``pos`` (see :meth:`OffsetMap.position`)."""
    return offsets.position(pos, end=end)


def map_span(offsets: OffsetMap, start: int, end: int) -> tuple[int, int]:
    """Raw ``(start, end)`` covering text ``[start, end)``."""
    return offsets.span(start, end)
