"""Paragraphs of real documents against the hand-checked gold set (eval/gold).

Each gold file was written by reading its source (docs/annotation.md); here the
whole paragraph structure must come out exactly: kind and number of every
paragraph in order, the section it sits in, and its first-level sub-paragraph
labels. Sources are read from ../shared/corpus and the tests skip, with the
reason, where that folder is absent. References are scored, not asserted, by
eval/score.py (see README, "Measuring").
"""

from __future__ import annotations

import importlib.util
import sys
import tomllib
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import resolex
from tests.conftest import REPO

GOLD = REPO / "eval" / "gold"
GOLD_FILES = sorted(GOLD.rglob("*.toml"))


def load_scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("resolex_eval_score", REPO / "eval" / "score.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


SCORER = load_scorer()


def extracted(gold: dict[str, Any]) -> resolex.Document:
    path = SCORER.source_path(gold)
    if not path.is_file():
        pytest.skip(f"source {gold['source']} is not available (../shared/corpus absent)")
    text, fmt = SCORER.read_source(gold)
    return resolex.extract(text, format=fmt)


def fold(section: str | None) -> str | None:
    """Gold keeps dashes and quotes as printed; Document.text has them normalised."""
    if section is None:
        return None
    table: dict[str, str | int | None] = {
        "\u2013": "-",
        "\u2014": "-",
        "\u2019": "'",
        "\u201c": '"',
        "\u201d": '"',
    }
    return section.translate(str.maketrans(table))


def gold_of(path: Path) -> dict[str, Any]:
    return tomllib.loads(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", GOLD_FILES, ids=[p.relative_to(GOLD).as_posix() for p in GOLD_FILES])
def test_paragraph_structure_matches_gold(path: Path) -> None:
    gold = gold_of(path)
    doc = extracted(gold)
    expected = [(p["kind"], p.get("number")) for p in gold.get("paragraph", [])]
    assert [(p.kind, p.number) for p in doc.paragraphs] == expected


@pytest.mark.parametrize("path", GOLD_FILES, ids=[p.relative_to(GOLD).as_posix() for p in GOLD_FILES])
def test_sections_and_subparagraphs_match_gold(path: Path) -> None:
    gold = gold_of(path)
    doc = extracted(gold)
    paras = gold.get("paragraph", [])
    if len(paras) != len(doc.paragraphs):
        pytest.skip("paragraph structure differs; reported by test_paragraph_structure_matches_gold")
    expected = [
        (fold(p.get("section")), [s for s in p.get("subparagraphs", []) if "/" not in s]) for p in paras
    ]
    assert [(p.section, [s.label for s in p.subparagraphs]) for p in doc.paragraphs] == expected
