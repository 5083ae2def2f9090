"""Where the time and the memory of ``resolex.extract`` go, stage by stage.

Usage::

    python benchmarks/profile_extract.py              # 4 MB of generated text and of Word HTML
    python benchmarks/profile_extract.py --mb 1 --top 30

For each kind, on text from ``generate.py`` (seeded), it prints:

- the CPU seconds of each stage run alone on the previous stage's output (best of three,
  ``time.process_time``, so other jobs on the machine inflate them less than wall time): load
  and normalise, segment, reply furniture, language, the candidate pass of detection, the
  rest of detection, resolve, and the models (``extract`` minus the stages);
- the functions with the most time of their own under ``cProfile`` (which slows Python code
  down about twofold, so read it for proportions);
- the memory the ``Document`` holds, from ``tracemalloc``: bytes per model instance and per
  type (a frozen Pydantic model carries its ``__dict__`` and a set of the fields set), and
  the characters of text held beside ``Document.text`` (paragraph and item texts are copies).

These are the figures benchmarks/README.md uses to say what stands between resolex and the
targets of issue 9.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import io
import pstats
import sys
import time
import tracemalloc
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel

import resolex
from resolex.detect import detector_for
from resolex.language import detect_language
from resolex.normalize import normalize_html, normalize_text
from resolex.pipeline import extract
from resolex.replies import reply_furniture
from resolex.resolve import Context, resolve
from resolex.segment import segment

sys.path.insert(0, str(Path(__file__).resolve().parent))
import generate  # the generator beside this script

T = TypeVar("T")


def best(fn: Callable[[], T], runs: int = 3) -> tuple[float, T]:
    """The least CPU time of ``runs`` calls, and the last result."""
    least = float("inf")
    result: T | None = None
    for _ in range(runs):
        start = time.process_time()
        result = fn()
        least = min(least, time.process_time() - start)
    assert result is not None
    return least, result


def stages(raw: str, html: bool) -> list[tuple[str, float]]:
    catalogue = resolex.Catalogue.default()
    detector = detector_for(catalogue)
    took_norm, norm = best(lambda: normalize_html(raw) if html else normalize_text(raw))
    took_seg, seg = best(lambda: segment(norm))
    took_furniture, _ = best(lambda: list(reply_furniture(norm.text, norm.depth_at)))
    took_language, _ = best(lambda: detect_language(norm.text))
    took_scan, _ = best(lambda: detector.candidates.scan(norm.text))
    took_detect, mentions = best(lambda: detector.find(norm.text, []))
    ctx = Context(norm.text, catalogue, seg.enacting_body, seg.enacting_body is not None)
    took_resolve, _ = best(lambda: resolve(mentions, ctx, seg.paragraphs, [], norm.depth_at))
    took_all, _ = best(lambda: extract(raw, format="html" if html else "text"))
    parts = [
        ("normalise", took_norm),
        ("segment", took_seg),
        ("reply furniture", took_furniture),
        ("language", took_language),
        ("detect: candidate pass", took_scan),
        ("detect: patterns and mentions", took_detect - took_scan),
        ("resolve", took_resolve),
    ]
    parts.append(("models and the rest", took_all - sum(t for _, t in parts)))
    parts.append(("extract, all", took_all))
    return parts


def profile(raw: str, html: bool, top: int) -> str:
    profiler = cProfile.Profile()
    profiler.enable()
    extract(raw, format="html" if html else "text")
    profiler.disable()
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(top)
    lines = out.getvalue().splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip().startswith("ncalls"))
    here = str(Path(resolex.__file__).parent)
    libraries = str(Path(pstats.__file__).parent)  # the standard library and, below it, site-packages
    return "\n".join(line.replace(here, "resolex").replace(libraries, "lib") for line in lines[start:])


def memory(raw: str, html: bool) -> list[str]:
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    doc = extract(raw, format="html" if html else "text")
    held = tracemalloc.get_traced_memory()[0] - before
    tracemalloc.stop()
    counts: Counter[str] = Counter()
    copies = 0
    stack: list[object] = [doc.paragraphs, doc.references, doc.headings, doc.elisions, doc.diagnostics]
    while stack:
        item = stack.pop()
        if isinstance(item, tuple):
            stack.extend(item)
        elif isinstance(item, BaseModel):
            counts[type(item).__name__] += 1
            if isinstance(item, resolex.Paragraph | resolex.SubParagraph | resolex.Reference):
                copies += len(item.text)
            stack.extend(getattr(item, name) for name in type(item).model_fields)
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    spans = [resolex.Span(start=i, end=i + 1) for i in range(10_000)]
    per_span = (tracemalloc.get_traced_memory()[0] - before) / len(spans)
    tracemalloc.stop()
    mb = len(raw.encode()) / 1e6
    instances = sum(counts.values())
    return [
        f"input {mb:.1f} MB ({len(raw):,} characters); Document.text {len(doc.text):,} characters",
        f"held by the Document beyond the input: {held / 1e6:.1f} MB = {held / 1e6 / mb:.1f} x the input",
        f"model instances {instances:,} ({instances / mb:,.0f} per MB): "
        + ", ".join(f"{name} {n:,}" for name, n in counts.most_common()),
        f"one Span (two ints) costs {per_span:.0f} bytes; text copied into paragraphs, items and "
        f"references: {copies:,} characters ({copies / max(len(doc.text), 1):.2f} x Document.text)",
    ]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--mb", type=float, default=4.0, help="size of the generated input")
    parser.add_argument("--kinds", nargs="+", default=["text", "html"], choices=["text", "html"])
    parser.add_argument("--top", type=int, default=20, help="functions listed from the profile")
    parser.add_argument("--seed", type=int, default=2006)
    args = parser.parse_args()
    extract("The General Assembly,\n\n1. Decides paragraph 1 of resolution 60/252;")  # compile once
    for kind in args.kinds:
        raw = generate.make(kind, args.mb, seed=args.seed)
        html = kind == "html"
        mb = len(raw.encode()) / 1e6
        print(f"\n## {'Word HTML' if html else 'plain text'}, {mb:.1f} MB\n")
        parts = stages(raw, html)
        total = parts[-1][1]
        for name, took in parts:
            rate = mb / took if took > 0 else 0.0
            print(f"{name:32} {took:7.3f} s  {100 * took / total:5.1f} %  {rate:8.1f} MB/s")
        print()
        for line in memory(raw, html):
            print(line)
        print(f"\nfunctions by own time under cProfile (top {args.top}):\n")
        print(profile(raw, html, args.top))


if __name__ == "__main__":
    main()
