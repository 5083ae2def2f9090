"""The anchored scan finds exactly what a scan of every position finds.

``Detector.find`` tries the reference pattern only at word starts shortly before
an anchor word; ``full_scan=True`` tries it everywhere. Any mention without an
anchor, or starting too far before it, would show up here as a difference.
"""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import resolex
from resolex.detect import detector_for
from resolex.normalize import normalize_html, normalize_text
from tests.conftest import CORPUS, SEEDS
from tests.test_detect import NO_REFERENCES, REFERENCES

DETECTOR = detector_for(resolex.Catalogue.default())


def spans(text: str, *, full: bool) -> list[tuple[int, int, str]]:
    return [(m.span.start, m.span.end, m.form) for m in DETECTOR.find(text, [], full_scan=full)]


def corpus_texts() -> list[tuple[str, str]]:
    found = [
        (p.name, normalize_html(p.read_text(encoding="utf-8")).text) for p in sorted(SEEDS.glob("*.txt"))
    ]
    if CORPUS.is_dir():
        for path in sorted(CORPUS.rglob("*")):
            if path.suffix == ".md":
                found.append((path.name, normalize_text(path.read_text(encoding="utf-8")).text))
            elif path.suffix == ".json":
                content = json.loads(path.read_text(encoding="utf-8"))["Content"]
                found.append((path.name, normalize_text(content).text))
            elif path.suffix == ".xml" and path.stat().st_size < 200_000:
                found.append((path.name, normalize_html(path.read_text(encoding="utf-8")).text))
    return found


TEXTS = corpus_texts()


@pytest.mark.parametrize(("name", "text"), TEXTS, ids=[n for n, _ in TEXTS])
def test_anchored_scan_equals_full_scan_on_real_text(name: str, text: str) -> None:
    assert spans(text, full=False) == spans(text, full=True)


def table_texts() -> list[str]:
    rows = [*REFERENCES, *NO_REFERENCES]
    return [str(row.values[0]).replace("[[", "").replace("]]", "") for row in rows]


def test_anchored_scan_equals_full_scan_on_the_phrasing_table() -> None:
    for text in table_texts():
        assert spans(text, full=False) == spans(text, full=True), text


WORDS = st.sampled_from(
    [
        "paragraph", "paras.", "35", "67-72", "of", "the", "Tunis", "Agenda", "General", "Assembly",
        "resolution", "resolutions", "60/252", "1325", "(2000)", "and", ",", "A/RES/70/125", "above",
        "its", "Economic", "and", "Social", "Council", "Charter", "United", "Nations", "present",
        "this", "(b)", "operative", "preambular", "eleventh", "Article", "19", "UDHR", "decision",
        "77/512", "resolves", "8", "in", "referred", "to", "thereof", "\n", "Human", "Rights",
    ]
)  # fmt: skip


@settings(max_examples=300, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(WORDS, max_size=40).map(" ".join))
def test_anchored_scan_equals_full_scan_on_generated_text(text: str) -> None:
    assert spans(text, full=False) == spans(text, full=True)
