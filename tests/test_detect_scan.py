"""The anchored scan finds exactly what a scan of every position finds.

``Detector.find`` tries the reference pattern only at start words shortly before
an anchor word (candidates.py); ``full_scan=True`` tries it everywhere. Any mention
without an anchor, opening with a word that is not listed, or starting too far
before its anchor, would show up here as a difference.
"""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import resolex
import resolex.detect
from resolex.candidates import CandidateFinder, WordLists
from resolex.detect import detector_for
from resolex.normalize import normalize_html, normalize_text
from resolex.patterns import pattern_file
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


def test_anchored_scan_equals_full_scan_on_the_pattern_examples() -> None:
    """Every example and counter-example of patterns.toml, alone and after other words."""
    for entry in pattern_file().pattern:
        for example in (*entry.examples, *entry.counter_examples):
            for text in (example, f"As noted in {example}, and", f"({example})"):
                assert spans(text, full=False) == spans(text, full=True), (entry.name, text)


WORDS = st.sampled_from(
    [
        "paragraph", "paras.", "35", "67-72", "of", "the", "Tunis", "Agenda", "General", "Assembly",
        "resolution", "resolutions", "60/252", "1325", "(2000)", "and", ",", "A/RES/70/125", "above",
        "its", "Economic", "and", "Social", "Council", "Charter", "United", "Nations", "present",
        "this", "(b)", "operative", "preambular", "eleventh", "Article", "19", "UDHR", "decision",
        "77/512", "resolves", "8", "in", "referred", "to", "thereof", "\n", "Human", "Rights",
        "la", "résolution", "sa", "l'Agenda", "de", "Tunis", "Ibid.", "§", "OP5", "same", "said",
        "subparagraph", "(c)", "annex", "thereto", "Chapter", "VII", "section", "II", "SC", "Res",
        "UNSCR", "S/RES/2242", "(2015)", "document", "A/80/257", "cette", "Déclaration", "2030",
        "Sustainable", "Development", "own", "that", "first", "sub-paragraph", "İ", "Universal",
        "Declaration", "la", "présente", "Charte", "párrafos", "y", "decides", "calls", "upon",
    ]
)  # fmt: skip


@settings(max_examples=300, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(WORDS, max_size=40).map(" ".join))
def test_anchored_scan_equals_full_scan_on_generated_text(text: str) -> None:
    assert spans(text, full=False) == spans(text, full=True)


LISTS = WordLists(
    anchors=("paragraph", "resolution", "calls upon", "/", "§", "第"),
    starts=("paragraph", "resolution", "calls", "§", "《"),
    determiners=("the", "its", "l"),
    followers=("present", "own"),
)


def marked(text: str) -> tuple[str, list[int], list[int]]:
    """A text with anchors written ``<a>`` and start words ``<s>`` before them (both: ``<as>``)."""
    anchors: list[int] = []
    starts: list[int] = []
    plain = ""
    for k, piece in enumerate(text.split("<")):
        tag, rest = piece.split(">", 1) if k else ("", piece)
        if "a" in tag:
            anchors.append(len(plain))
        if "s" in tag:
            starts.append(len(plain))
        plain += rest
    return plain, anchors, starts


@pytest.mark.parametrize(
    "text",
    [
        "see <as>paragraph 5 of <as>resolution 60<a>/252",
        "<as>Paragraphs 3 and <as>PARAGRAPHE 4",  # endings and any case
        "<s>the <as>paragraph",  # "the" before a listed word opens a mention
        "<s>the present <as>resolution",  # ... and before a follower
        "<s>its own <as>resolution",
        "the weather; the end",  # "the" alone starts nothing
        "<s>l'<as>resolution",  # an elided determiner
        "<s>the\n<as>resolution",
        "subparagraphs and paragraphed",  # not a listed word: no ending fits
        "<s>A<a>/RES<a>/70<a>/125",  # a symbol's series opens it, its slashes anchor it
        "and<a>/or",  # a slash after a word in lower case: no series
        "<as>§<as>§ 3",
        "it <as>calls upon   \n them",  # a phrase as an anchor, any white space inside
        "<s>《突尼斯议程》<a>第35段",  # Chinese: no spaces, no word boundaries
        "İstanbul <as>paragraph 5",  # "İ".lower() has two characters: positions must not shift
    ],
)
def test_candidates_are_the_listed_words(text: str) -> None:
    plain, anchors, starts = marked(text)
    scan = CandidateFinder(LISTS).scan(plain)
    assert (list(scan.anchors), list(scan.starts)) == (anchors, starts)


def test_a_pattern_past_its_time_limit_ends_detection_with_a_diagnostic(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The regex time limit is the last guard: running past it is a diagnostic, never an exception."""
    monkeypatch.setattr(resolex.detect, "_timeout", lambda text: 1e-9)
    text = (SEEDS / "002_5910fbf75990ef28.txt").read_text(encoding="utf-8")
    doc = resolex.extract(text)
    stopped = [d for d in doc.diagnostics if d.code == "RX031"]
    assert len(stopped) == 1
    assert doc.references == ()
    assert stopped[0].span is not None
    assert 0 <= stopped[0].span.start <= stopped[0].span.end <= len(doc.text)
    assert len(doc.paragraphs) == 3  # the rest of extraction goes on: seed 002's paragraphs 21, 24, 30
    diagnostics: list[resolex.Diagnostic] = []
    assert DETECTOR.find("See paragraph 35 of the Tunis Agenda.", diagnostics, full_scan=True) == []
    assert [d.code for d in diagnostics] == ["RX031"]
