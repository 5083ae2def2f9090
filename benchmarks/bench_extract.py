"""Throughput and peak memory of ``resolex.extract`` on the seeds and the shared corpus.

Usage: ``python benchmarks/bench_extract.py [--mb 20]``. The documents (seeds
as HTML; corpus Markdown and Security Council JSON as text; Akoma Ntoso and
UDHR XML as markup) are processed round after round until at least ``--mb``
megabytes have gone through, then MB/s is printed per kind and overall, with
the peak traced Python memory of one extraction of the largest document and
the process's peak RSS. A second part extracts one large document built by
concatenating the texts, to show memory against input size.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
import tracemalloc
from pathlib import Path

import resolex

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared" / "corpus"


def documents() -> list[tuple[str, str, str]]:
    """(name, kind, text) for every seed and corpus document available."""
    docs = [(p.name, "html", p.read_text(encoding="utf-8")) for p in sorted((REPO / "seeds").glob("*.txt"))]
    if not CORPUS.is_dir():
        print("note: ../shared/corpus is absent; measuring the seeds only", file=sys.stderr)
        return docs
    for path in sorted(CORPUS.rglob("*")):
        if path.suffix == ".md":
            docs.append((path.name, "text", path.read_text(encoding="utf-8")))
        elif path.suffix == ".json":
            docs.append((path.name, "text", json.loads(path.read_text(encoding="utf-8"))["Content"]))
        elif path.suffix == ".xml":
            docs.append((path.name, "html", path.read_text(encoding="utf-8")))
    return docs


def throughput(docs: list[tuple[str, str, str]], target_mb: float) -> None:
    done = {"text": 0, "html": 0}
    spent = {"text": 0.0, "html": 0.0}
    total = 0
    rounds = 0
    while total < target_mb * 1e6:
        for _name, kind, text in docs:
            size = len(text.encode("utf-8"))
            start = time.perf_counter()
            resolex.extract(text, format=kind)  # type: ignore[arg-type]
            spent[kind] += time.perf_counter() - start
            done[kind] += size
            total += size
        rounds += 1
    print(f"documents: {len(docs)}, rounds: {rounds}, processed: {total / 1e6:.1f} MB")
    for kind in ("text", "html"):
        if done[kind]:
            print(
                f"  {kind:<5} {done[kind] / 1e6:7.1f} MB in {spent[kind]:6.2f} s"
                f" = {done[kind] / 1e6 / spent[kind]:6.2f} MB/s"
            )
    all_time = spent["text"] + spent["html"]
    print(f"  all   {total / 1e6:7.1f} MB in {all_time:6.2f} s = {total / 1e6 / all_time:6.2f} MB/s")


def memory(docs: list[tuple[str, str, str]]) -> None:
    texts = [t for _n, k, t in docs if k == "text"]
    for copies in (1, 4):
        big = "\n\n".join(texts * copies)
        tracemalloc.start()
        start = time.perf_counter()
        doc = resolex.extract(big, format="text")
        elapsed = time.perf_counter() - start
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        size = len(big.encode("utf-8")) / 1e6
        print(
            f"one document of {size:5.1f} MB: {elapsed:5.2f} s ({size / elapsed:5.2f} MB/s), "
            f"{len(doc.paragraphs)} paragraphs, {len(doc.references)} references, "
            f"peak traced memory {peak / 1e6:6.1f} MB ({peak / 1e6 / size:4.1f}x input)"
        )
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"process peak RSS: {rss:.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mb", type=float, default=20.0, help="megabytes to process (default 20)")
    args = parser.parse_args()
    docs = documents()
    throughput(docs, args.mb)
    memory(docs)


if __name__ == "__main__":
    main()
