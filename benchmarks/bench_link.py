"""Linking time of ``resolex.Corpus`` at 2,500, 5,000 and 10,000 generated documents.

Usage: ``python benchmarks/bench_link.py [--sizes 2500,5000,10000] [--repeat 3]``.

Documents are generated with a fixed seed and extracted once (that time is printed, not
counted); then, for each size, the first N documents are linked with ``Corpus(docs)``
(best of ``--repeat`` runs) and the backlink index is built with one ``citations_of``
call. Linking is linear when the time per reference stays flat as N doubles.

The mix: General Assembly resolutions (one in ten with an annex, one in twenty with
sections) that cite earlier ones by number with pinpoints, sub-items, annex paragraphs and
sections, their own paragraphs ("paragraph 2 above"), catalogue instruments and texts not
in the corpus; Security Council resolutions identified by their title line; e-mails that
cite resolutions and then a bare "paragraph 4" (prose: of the text cited before); and one
document in fifty repeated (a second copy of the same resolution).
"""

from __future__ import annotations

import argparse
import gc
import random
import time

import resolex
from resolex import Corpus, Document

SESSIONS = (81, 82, 83, 84)
TUNIS = "the Tunis Agenda for the Information Society"


def resolution(rng: random.Random, number: str, cited: list[str]) -> str:
    """A GA resolution citing resolutions generated before it."""
    lines = [
        f"Resolution adopted by the General Assembly on {rng.randint(1, 28)} December 2040",
        "",
        f"{number}. Information and communications technologies for development",
        "",
        "The General Assembly,",
        "",
        f"Recalling paragraph {rng.randint(1, 80)} of {TUNIS},",
        "",
    ]
    if cited:
        lines += [f"Recalling also its resolution {rng.choice(cited)} and the annex to that resolution,", ""]
    sections = rng.random() < 0.05
    count = rng.randint(4, 12)
    for n in range(1, count + 1):
        if sections and n in (1, count // 2 + 1):
            lines += ["I" if n == 1 else "II", "Follow-up" if n == 1 else "Review", ""]
        lines.append(f"{n}. {_body(rng, n, cited)};")
        if rng.random() < 0.3:
            lines += ["(a) to prepare a report;", "(b) to consult all stakeholders;"]
        lines.append("")
    if rng.random() < 0.1:
        lines += ["Annex", "", "Declaration", ""]
        pledge = "We reaffirm our commitment to the Summit outcomes."
        lines += [f"{n}. {pledge}" for n in range(1, rng.randint(3, 8))]
    return "\n".join(lines) + "\n"


def _body(rng: random.Random, n: int, cited: list[str]) -> str:
    pick = rng.random()
    if cited and pick < 0.35:
        other = rng.choice(cited)
        return rng.choice(
            [
                f"Recalls paragraph {rng.randint(1, 12)} of resolution {other}",
                f"Welcomes the report requested in paragraph {rng.randint(1, 6)} (b) of resolution {other}",
                f"Reaffirms paragraph {rng.randint(1, 5)} of the annex to resolution {other}",
                f"Recalls paragraphs {rng.randint(1, 4)} to {rng.randint(5, 9)} of resolution {other}",
            ]
        )
    if n > 1 and pick < 0.5:
        return f"Decides to act in line with paragraph {rng.randint(1, n - 1)} above"
    if pick < 0.6:
        return f"Recalls Article {rng.randint(1, 111)} of the Charter of the United Nations"
    if pick < 0.7:
        return f"Takes note of document A/{rng.choice(SESSIONS)}/{rng.randint(100, 900)}"
    return "Requests the Secretary-General to report to it at its next session"


def security_council(rng: random.Random, serial: int) -> str:
    return (
        f"Resolution {serial} (2040)\n\nAdopted by the Security Council at its 9999th meeting\n\n"
        "The Security Council,\n\nRecalling its resolution 1325 (2000),\n\n1. Decides to remain seized;\n\n"
        "2. Requests a report on paragraph 1 above.\n"
    )


def mail(rng: random.Random, cited: list[str]) -> str:
    other = rng.choice(cited) if cited else "60/252"
    return (
        "Dear colleagues,\n\n"
        f"Resolution {other} was adopted last week.\n"
        f"As paragraph {rng.randint(1, 6)} says, the forum goes on,\n"
        f"and paragraph {rng.randint(1, 80)} of the Tunis Agenda is recalled too.\n\nBest regards,\nAna\n"
    )


def texts(count: int, seed: int = 20261123) -> list[str]:
    rng = random.Random(seed)
    out: list[str] = []
    cited: list[str] = []
    serial = 3000
    for i in range(count):
        kind = rng.random()
        if out and rng.random() < 0.02:
            out.append(out[rng.randrange(len(out))])  # a second copy
        elif kind < 0.6:
            number = f"{SESSIONS[i % len(SESSIONS)]}/{i + 1}"
            out.append(resolution(rng, number, cited[-400:]))
            cited.append(number)
        elif kind < 0.7:
            serial += 1
            out.append(security_council(rng, serial))
        else:
            out.append(mail(rng, cited[-400:]))
    return out


def best(runs: int, docs: list[Document], *, collector: bool) -> tuple[float, float, Corpus]:
    """Best time of ``Corpus(docs)`` and of building its backlink index, the collector on or paused."""
    linking, indexing = [], []
    corpus = Corpus()
    for _ in range(runs):
        del corpus
        gc.collect()
        if not collector:
            gc.disable()
        try:
            started = time.perf_counter()
            corpus = Corpus(docs)
            linked = time.perf_counter()
            corpus.citations_of("tunis-agenda", "35")
            indexed = time.perf_counter()
        finally:
            gc.enable()
        linking.append(linked - started)
        indexing.append(indexed - linked)
    return min(linking), min(indexing), corpus


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="2500,5000,10000")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    started = time.perf_counter()
    docs = [resolex.extract(t) for t in texts(max(sizes))]
    took = time.perf_counter() - started
    print(f"extracted {len(docs):,} generated documents in {took:.1f} s (not counted)")
    print(
        f"{'documents':>10} {'references':>11} | collector paused: {'link s':>7} {'us/ref':>7} {'x':>5}"
        f" {'index s':>8} | collector on: {'link s':>7} {'index s':>8}"
    )
    first: float | None = None
    statuses: dict[str, int] = {}
    for size in sizes:
        paused, paused_index, corpus = best(args.repeat, docs[:size], collector=False)
        on, on_index, corpus = best(args.repeat, docs[:size], collector=True)
        refs = len(corpus.links)
        first = first or paused / refs
        statuses = {}
        for link in corpus.links:
            statuses[link.status] = statuses.get(link.status, 0) + 1
        print(
            f"{size:>10,} {refs:>11,} | {'':>17} {paused:>7.3f} {paused / refs * 1e6:>7.1f}"
            f" {paused / refs / first:>5.2f} {paused_index:>8.3f} | {'':>13} {on:>7.3f} {on_index:>8.3f}"
        )
    print("statuses at the largest size: " + ", ".join(f"{k} {v:,}" for k, v in sorted(statuses.items())))
    print(
        "x: time per reference relative to the smallest size (1.00 = linear). With the collector on,"
        " full collections walk every live object, the extracted documents included, so their"
        " count, not the linking, makes steps in the times."
    )


if __name__ == "__main__":
    main()
