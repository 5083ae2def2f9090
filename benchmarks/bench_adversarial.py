"""Hostile input: each case against ordinary resolution text of the same size.

Usage::

    python benchmarks/bench_adversarial.py               # the issue's sizes (the single line is 50 MB)
    python benchmarks/bench_adversarial.py --line-mb 4   # a quicker run

Each case is built in a fresh child process (so one slow case cannot hide behind another's
memory), extracted with ``resolex.extract`` and timed stage by stage: normalise, segment,
detect, and the rest (resolve and the models). The same is done for ordinary generated text
(``generate.py``) cut to the same number of characters. A case passes when it takes at most
``--limit`` (10) times as long as the ordinary text; a case that runs past ``--timeout``
seconds is stopped and reported as a hang. For a case that fails, the stage that holds the
time says where to look.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import resolex
from resolex.detect import detector_for
from resolex.normalize import normalize_html, normalize_text
from resolex.segment import segment

sys.path.insert(0, str(Path(__file__).resolve().parent))
import generate  # the generator beside this script


def _ordinary(chars: int, kind: str = "text") -> str:
    """Generated resolution text (or Word HTML) cut to ``chars`` characters."""
    text = generate.make("html" if kind == "html" else "text", chars / 1_000_000 + 0.01, seed=9)
    return text[:chars]


def _unled(n: int) -> str:
    """Runs of 998 numbered sentences without a vocabulary lead, each run closed by a led paragraph 999:
    acceptance has to spread back through each run."""
    lines = [
        f"{i % 999 + 1}. Decides to act;"
        if i % 999 == 998
        else f"{i % 999 + 1}. The quick brown fox jumps over it;"
        for i in range(n)
    ]
    return "\n\n".join(lines)


def _lists(n: int) -> str:
    items = "".join(f"<li>Decides item {k};</li>" for k in range(5))
    return "".join(
        f"<p>{i}. Requests the Secretary-General to act;</p><ol start={i}>{items}</ol>" for i in range(n)
    )


# name: (format, description, builder of the input from a size parameter)
CASES: dict[str, tuple[str, str, Callable[[int], str]]] = {
    "digits": ("text", "10^6 digits", lambda n: "7" * n),
    "paragraph-words": ("text", '10^5 x "paragraph "', lambda n: "paragraph " * n),
    "pinpoint-list": (
        "text",
        '"paragraphs 1, 2, 3, ..." of 10^5 items',
        lambda n: "paragraphs " + ", ".join(str(i % 999 + 1) for i in range(n)) + " of the Tunis Agenda",
    ),
    "resolution-list": (
        "text",
        '"resolutions 1/1, 2/2, ..." of 10^5 items',
        lambda n: "Recalling its resolutions " + ", ".join(f"{i % 80}/{i % 300}" for i in range(n)) + ",",
    ),
    "nested-tags": (
        "html",
        "10^4 nested inline tags around a paragraph",
        lambda n: (
            "<p>" + "<b>" * n + "24. Invites, as in paragraph 35 of the Tunis Agenda;" + "</b>" * n + "</p>"
        ),
    ),
    "nested-spans": (
        "html",
        "10^4 nested <span>s, a word in each",
        lambda n: "".join(f"<span class=x>paragraph {i % 99} " for i in range(n)) + "</span>" * n,
    ),
    "single-line": ("text", "ordinary text as one line", lambda n: _ordinary(n).replace("\n", " ")),
    "open-parens": ("text", "10^6 x '('", lambda n: "(" * n),
    "close-parens": ("text", "10^6 x ')'", lambda n: ")" * n),
    "unbalanced-labels": ("text", '10^5 x "(a (ii "', lambda n: "(a (ii " * n),
    "unclosed-years": ("text", '10^5 x "resolution 1325 (2000 "', lambda n: "resolution 1325 (2000 " * n),
    "a-res": ("text", '10^5 x "A/RES/"', lambda n: "A/RES/" * n),
    "a-res-lines": ("text", '10^5 lines "A/RES/70/1"', lambda n: "A/RES/70/1\n" * n),
    "numbered-lines": ("text", '10^5 lines "1."', lambda n: "1.\n" * n),
    "unled-run": ("text", "3 x 10^4 numbered paragraphs, a lead on every 999th", _unled),
    "label-lines": ("text", '10^5 lines "(a)"', lambda n: "(a)\n" * n),
    "quote-markers": ("text", '10^5 lines ">>>>>>>>"', lambda n: ">>>>>>>> x\n" * n),
    "blank-lines": ("text", "10^6 line breaks", lambda n: "\n" * n),
    "lt-signs": ("html", "10^6 x '<'", lambda n: "<" * n),
    "open-comment": ("html", '"<!--" and 10^6 characters', lambda n: "<!--" + "x" * n),
    "open-attribute": (
        "html",
        "a tag with an unclosed quote, 10^6 characters",
        lambda n: '<p title="' + "x>" * (n // 2),
    ),
    "entities": ("html", '10^5 x "&nbsp;&#8220;&amp"', lambda n: "&nbsp;&#8220;&amp" * n),
    "ol-items": ("html", "10^4 <ol start> lists of 5 <li>", _lists),
}
SIZES = {
    "digits": 10**6,
    "paragraph-words": 10**5,
    "pinpoint-list": 10**5,
    "resolution-list": 10**5,
    "nested-tags": 10**4,
    "nested-spans": 10**4,
    "open-parens": 10**6,
    "close-parens": 10**6,
    "unbalanced-labels": 10**5,
    "unclosed-years": 10**5,
    "a-res": 10**5,
    "a-res-lines": 10**5,
    "numbered-lines": 10**5,
    "unled-run": 3 * 10**4,
    "label-lines": 10**5,
    "quote-markers": 10**5,
    "blank-lines": 10**6,
    "lt-signs": 10**6,
    "open-comment": 10**6,
    "open-attribute": 10**6,
    "entities": 10**5,
    "ol-items": 10**4,
}


def stages(text: str, fmt: str) -> dict[str, float]:
    """Seconds per stage of one extraction (the stages as resolex.pipeline runs them)."""
    out: dict[str, float] = {}
    start = time.perf_counter()
    norm = normalize_html(text) if fmt == "html" else normalize_text(text)
    out["normalize"] = time.perf_counter() - start
    start = time.perf_counter()
    segment(norm)
    out["segment"] = time.perf_counter() - start
    start = time.perf_counter()
    detector_for(resolex.Catalogue.default()).find(norm.text, [])
    out["detect"] = time.perf_counter() - start
    start = time.perf_counter()
    resolex.extract(text, format=fmt)  # type: ignore[arg-type]
    out["total"] = time.perf_counter() - start
    out["rest"] = max(0.0, out["total"] - out["normalize"] - out["segment"] - out["detect"])
    return out


def child(name: str, size: int, ordinary: bool) -> dict[str, Any]:
    resolex.extract("The General Assembly,\n\n1. Decides paragraph 1 of resolution 60/252;")  # compile once
    fmt, _description, build = CASES[name]
    text = build(size)
    if ordinary:
        text = _ordinary(len(text), fmt)
    return {"chars": len(text), **stages(text, fmt)}


def run(name: str, size: int, ordinary: bool, timeout: float) -> dict[str, Any] | None:
    command = [sys.executable, __file__, "--child", name, str(size)] + (["--ordinary"] if ordinary else [])
    try:
        out = subprocess.run(command, check=True, capture_output=True, text=True, timeout=timeout).stdout
    except subprocess.TimeoutExpired:
        return None
    return dict(json.loads(out.strip().splitlines()[-1]))


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--line-mb", type=float, default=50.0, help="size of the single line (default 50 MB)")
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every other size by this")
    parser.add_argument(
        "--limit", type=float, default=10.0, help="pass when within this many times ordinary text"
    )
    parser.add_argument("--timeout", type=float, default=900.0, help="seconds before a case counts as a hang")
    parser.add_argument("--only", nargs="*", help="run these cases only")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    parser.add_argument("--ordinary", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child[0], int(args.child[1]), args.ordinary)))
        return
    names = args.only or list(CASES)
    head = f"{'case':<18} {'chars':>10} {'seconds':>8} {'ordinary':>8} {'ratio':>6}  verdict"
    print(head + "  seconds per stage: normalize/segment/detect/rest")
    failed = 0
    for name in names:
        size = (
            int(args.line_mb * 1_000_000) if name == "single-line" else max(1, int(SIZES[name] * args.scale))
        )
        case = run(name, size, ordinary=False, timeout=args.timeout)
        base = run(name, size, ordinary=True, timeout=args.timeout)
        if case is None or base is None:
            which = "case" if case is None else "ordinary"
            print(f"{name:<18} {'':>10} {'>' + str(int(args.timeout)):>8}  HANG ({which})")
            failed += 1
            continue
        ratio = case["total"] / max(base["total"], 1e-3)
        verdict = "ok" if ratio <= args.limit or case["total"] < 0.05 else "SLOW"
        failed += verdict != "ok"
        split = "/".join(f"{case[s]:.2f}" for s in ("normalize", "segment", "detect", "rest"))
        times = f"{case['total']:8.2f} {base['total']:8.2f} {ratio:6.1f}"
        print(f"{name:<18} {case['chars']:>10} {times}  {verdict:<7}  {split}", flush=True)
    print(f"{len(names) - failed} of {len(names)} within {args.limit:g}x ordinary text of the same size")


if __name__ == "__main__":
    main()
