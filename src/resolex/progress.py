"""Progress: one line on a terminal saying how far reading has gone, how fast, and how long is left."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TextIO

from resolex.models import Document


class Progress:
    """Documents read so far, drawn on one line of ``stream``: a bar, documents per second, an ETA.

    The share done is counted in bytes: the files under the paths are sized first, and a
    document counts its file as read (a message of an archive, the archive up to it).
    """

    def __init__(
        self, paths: Sequence[str], stream: TextIO, *, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.stream = stream
        self.clock = clock
        self.total = sum(_sizes(paths).values())
        self.done_files = 0
        self.current: tuple[str, int] | None = None  # the file being read, and its size
        self.position = 0  # bytes read in it
        self.count = 0
        self.start = clock()
        self.drawn = -1.0

    def track(self, docs: Iterable[Document]) -> Iterator[Document]:
        try:
            for doc in docs:
                self.advance(doc)
                yield doc
        finally:
            self.finish()

    def advance(self, doc: Document) -> None:
        self.count += 1
        source = doc.source
        path = source.path if source is not None and source.path else None
        if path is not None and (self.current is None or self.current[0] != path):
            if self.current is not None:
                self.done_files += self.current[1]
            self.current = (path, _size(path))
        offset = source.byte_offset if source is not None else None
        self.position = offset if offset is not None else (self.current[1] if self.current else 0)
        now = self.clock()
        if now - self.drawn >= 0.1:
            self.draw(now)

    def line(self, now: float) -> str:
        elapsed = max(now - self.start, 1e-6)
        done = min(self.done_files + self.position, self.total)
        share = done / self.total if self.total else 0.0
        bar = "#" * round(share * 24)
        eta = _clock_time(elapsed * (self.total - done) / done) if done else "--:--"
        rate = self.count / elapsed
        return f"[{bar:-<24}] {share:4.0%} {self.count} docs {rate:.1f} docs/s ETA {eta}"

    def draw(self, now: float) -> None:
        self.drawn = now
        self.stream.write("\r" + self.line(now) + "\x1b[K")
        self.stream.flush()

    def finish(self) -> None:
        now = self.clock()
        elapsed = max(now - self.start, 1e-6)
        self.stream.write(
            f"\r{self.count} docs in {elapsed:.1f} s, {self.count / elapsed:.1f} docs/s\x1b[K\n"
        )
        self.stream.flush()


def _sizes(paths: Sequence[str]) -> dict[str, int]:
    sizes: dict[str, int] = {}
    for name in paths:
        path = Path(name)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = [d for d in dirs if not d.startswith(".")]
                for file in files:
                    if not file.startswith("."):
                        sizes[os.path.join(root, file)] = _size(os.path.join(root, file))
        else:
            sizes[name] = _size(name)
    return sizes


def _size(path: str) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0


def _clock_time(seconds: float) -> str:
    minutes, secs = divmod(round(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
