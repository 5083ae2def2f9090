"""Score resolex against the hand-checked gold set.

Usage: ``python eval/score.py [--split dev|held-out|all] [--errors N]``; with no split it
prints the development split, the held-out split and all, then the errors of all.

Each gold file (``eval/gold/<set>/<name>.toml``, format in docs/annotation.md)
names a source in ``../shared/corpus`` (or ``seeds/``) and its sha256. The
source is read as the gold file says, extracted with resolex, and compared:

- paragraphs match on (kind, number, occurrence): the k-th preambular paragraph
  of the gold matches the k-th predicted one; numbered ones by number;
- references match in text order on the target and exactly the pinpoints, with
  texts that are equal or contain one another (white space folded).

Printed per set and overall: precision, recall and F1 for both, lead accuracy
over matched paragraphs, and the errors by kind.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tomllib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import resolex

REPO = Path(__file__).resolve().parent.parent
GOLD = REPO / "eval" / "gold"
CORPUS = REPO.parent / "shared" / "corpus"
SPLIT = REPO / "eval" / "split.toml"


@dataclass
class Tally:
    """Counts for one document, one set, or all."""

    para_tp: int = 0
    para_fp: int = 0
    para_fn: int = 0
    lead_ok: int = 0
    ref_tp: int = 0
    ref_fp: int = 0
    ref_fn: int = 0
    errors: list[tuple[str, str, str]] = field(default_factory=list)  # (kind, document, detail)

    def add(self, other: Tally) -> None:
        for name in ("para_tp", "para_fp", "para_fn", "lead_ok", "ref_tp", "ref_fp", "ref_fn"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.errors.extend(other.errors)


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def source_path(gold: dict[str, Any]) -> Path:
    rel = str(gold["source"])
    return REPO / rel if rel.startswith("seeds/") else CORPUS / rel


def read_source(gold: dict[str, Any]) -> tuple[str, str]:
    """(text, format) as the gold file says to read it; checks the hash."""
    path = source_path(gold)
    data = path.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    if digest != gold["sha256"]:
        raise ValueError(f"{path.name}: source changed since annotation (sha256 {digest[:12]}…)")
    fmt = str(gold.get("format", "text"))
    if fmt.startswith("json:"):
        return str(json.loads(data)[fmt.split(":", 1)[1]]), "text"
    return data.decode("utf-8"), fmt


def target_of(ref: resolex.Reference) -> str:
    doc = ref.document
    if doc is None:
        return "self"
    if doc.id:
        return doc.id
    if doc.symbol:
        return doc.symbol
    if doc.body == "International Telecommunication Union":
        return f"ITU Resolution {doc.number}"
    if doc.kind == "decision" and doc.number:
        return f"decision {doc.number}"
    return doc.number or doc.title or "?"


def fold(text: str) -> str:
    return " ".join(text.split())


def paragraph_keys(items: list[tuple[str, str | None]]) -> list[tuple[str, str, int]]:
    seen: Counter[tuple[str, str]] = Counter()
    keys = []
    for kind, number in items:
        base = (kind, number or "")
        seen[base] += 1
        keys.append((kind, number or "", seen[base]))
    return keys


def score_document(name: str, gold: dict[str, Any], doc: resolex.Document) -> Tally:
    tally = Tally()
    gold_paras = gold.get("paragraph", [])
    gold_keys = paragraph_keys([(p["kind"], p.get("number")) for p in gold_paras])
    pred_keys = paragraph_keys([(p.kind, p.number) for p in doc.paragraphs])
    pred_by_key = dict(zip(pred_keys, doc.paragraphs, strict=True))
    gold_by_key = dict(zip(gold_keys, gold_paras, strict=True))
    for key, para in gold_by_key.items():
        pred = pred_by_key.get(key)
        if pred is None:
            tally.para_fn += 1
            tally.errors.append(
                ("missed paragraph", name, f"{key[0]} {key[1] or '#' + str(key[2])}: {para.get('lead', '')}")
            )
        else:
            tally.para_tp += 1
            tally.lead_ok += fold(pred.lead) == fold(str(para.get("lead", "")))
    for key, pred in pred_by_key.items():
        if key not in gold_by_key:
            tally.para_fp += 1
            tally.errors.append(("false paragraph", name, f"{pred.id}: {fold(pred.text)[:70]}"))
    score_references(name, gold.get("reference", []), list(doc.references), tally)
    return tally


def score_references(
    name: str, gold_refs: list[dict[str, Any]], predicted: list[resolex.Reference], tally: Tally
) -> None:
    unmatched = list(predicted)
    for g in gold_refs:
        g_text, g_target, g_pins = (
            fold(g["text"]),
            str(g["target"]),
            [fold(p) for p in g.get("pinpoints", [])],
        )
        hit = next(
            (
                p
                for p in unmatched
                if target_of(p) == g_target
                and [str(x) for x in p.pinpoints] == g_pins
                and _texts_agree(fold(p.text), g_text)
            ),
            None,
        )
        if hit is not None:
            unmatched.remove(hit)
            tally.ref_tp += 1
            continue
        tally.ref_fn += 1
        near = next((p for p in unmatched if _texts_agree(fold(p.text), g_text)), None)
        if near is None:
            tally.errors.append(("missed form", name, f"{g_text!r} -> {g_target} {g_pins}"))
        elif target_of(near) != g_target:
            tally.errors.append(
                ("wrong target", name, f"{g_text!r}: {target_of(near)} instead of {g_target}")
            )
        else:
            got = [str(x) for x in near.pinpoints]
            tally.errors.append(("wrong pinpoint", name, f"{g_text!r}: {got} instead of {g_pins}"))
    for p in unmatched:
        tally.ref_fp += 1
        tally.errors.append(("false positive", name, f"{fold(p.text)!r} -> {target_of(p)}"))


def _texts_agree(a: str, b: str) -> bool:
    return a == b or (bool(a) and bool(b) and (a in b or b in a))


def gold_files(split: str) -> list[Path]:
    files = sorted(GOLD.rglob("*.toml"))
    if split == "all" or not SPLIT.is_file():
        return files
    chosen = set(tomllib.loads(SPLIT.read_text(encoding="utf-8"))[split.replace("-", "_")])
    return [f for f in files if f.relative_to(GOLD).as_posix() in chosen]


def evaluate(files: list[Path]) -> dict[str, Tally]:
    by_set: dict[str, Tally] = {}
    for path in files:
        gold = tomllib.loads(path.read_text(encoding="utf-8"))
        if not source_path(gold).is_file():
            print(
                f"skipped {path.relative_to(GOLD)}: source {gold['source']} is not available", file=sys.stderr
            )
            continue
        text, fmt = read_source(gold)
        doc = resolex.extract(text, format=fmt)  # type: ignore[arg-type]
        tally = score_document(path.relative_to(GOLD).as_posix(), gold, doc)
        by_set.setdefault(path.parent.name, Tally()).add(tally)
    return by_set


def report(by_set: dict[str, Tally], errors: int) -> str:
    lines = [
        f"{'set':<10} {'para P':>7} {'para R':>7} {'para F1':>8} {'lead':>6}"
        f" {'ref P':>7} {'ref R':>7} {'ref F1':>7}"
    ]
    total = Tally()
    for name, tally in sorted(by_set.items()):
        total.add(tally)
        lines.append(_row(name, tally))
    lines.append(_row("overall", total))
    kinds = Counter(kind for kind, _, _ in total.errors)
    lines.append("errors by kind: " + (", ".join(f"{k} {n}" for k, n in kinds.most_common()) or "none"))
    for kind, doc, detail in total.errors[:errors]:
        lines.append(f"  {kind:<16} {doc:<34} {detail}")
    return "\n".join(lines)


def _row(name: str, t: Tally) -> str:
    pp, pr, pf = prf(t.para_tp, t.para_fp, t.para_fn)
    rp, rr, rf = prf(t.ref_tp, t.ref_fp, t.ref_fn)
    lead = t.lead_ok / t.para_tp if t.para_tp else 1.0
    return f"{name:<10} {pp:7.3f} {pr:7.3f} {pf:8.3f} {lead:6.3f} {rp:7.3f} {rr:7.3f} {rf:7.3f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Score resolex against eval/gold.")
    parser.add_argument(
        "--split", choices=("dev", "held-out", "all"), help="one split only (default: dev, held-out, all)"
    )
    parser.add_argument("--errors", type=int, default=40, help="how many errors to list")
    args = parser.parse_args(argv)
    for split in (args.split,) if args.split else ("dev", "held-out", "all"):
        print(f"split: {split}")
        print(report(evaluate(gold_files(split)), args.errors if split == (args.split or "all") else 0))
        print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
