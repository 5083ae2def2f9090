"""patterns.toml checks itself: its examples match, its counter-examples cite nothing.

Every ``[[pattern]]`` entry carries the strings it was written for. Here each
example must be matched in full, both by the entry's own pattern and by the
detector's combined pattern, and each counter-example must give no reference at
all through ``resolex.extract``. The file must parse, every placeholder it
defines must be used, every placeholder used must be defined, and the named
groups detect.py reads must exist in the compiled pattern.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable

import pytest
import regex

import resolex
from resolex.detect import Detector
from resolex.patterns import PatternEntry, pattern_file, read_data_file, trie

DATA = pattern_file()
ENTRIES = DATA.pattern
DYNAMIC = ("instrument", "contextual", "body")  # filled in by detect.py from the catalogue and bodies.toml
PLACEHOLDER = regex.compile(r"\{([a-z_]+)\}")


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector(resolex.Catalogue.default())


def examples() -> list[object]:
    return [pytest.param(e, x, id=f"{e.name}:{x}") for e in ENTRIES for x in e.examples]


def counter_examples() -> list[object]:
    return [pytest.param(e, x, id=f"{e.name}:{x}") for e in ENTRIES for x in e.counter_examples]


@pytest.mark.parametrize(("entry", "example"), examples())
def test_example_matches_in_full(detector: Detector, entry: PatternEntry, example: str) -> None:
    assert detector.entry_pattern(entry.name).fullmatch(example), (
        f"{entry.name} does not match {example!r} in full"
    )
    assert detector.pattern.fullmatch(example), f"the detector does not match {example!r} in full"


@pytest.mark.parametrize(("entry", "counter"), counter_examples())
def test_counter_example_gives_no_reference(entry: PatternEntry, counter: str) -> None:
    doc = resolex.extract(counter)
    assert [r.text for r in doc.references] == [], f"{entry.name}: {counter!r} gave references"


def test_file_parses_and_names_are_unique() -> None:
    raw = read_data_file("patterns.toml")
    assert raw["schema_version"] == 1
    names = [e.name for e in ENTRIES]
    assert len(names) == len(set(names))
    assert set(names) == set(Detector.ENTRIES), "detect.py tries every entry, and only those"
    assert all(e.examples for e in ENTRIES), "every entry shows what it matches"


def test_every_placeholder_is_defined_and_used() -> None:
    texts = [e.pattern for e in ENTRIES] + list(DATA.placeholders.values())
    used = {name for text in texts for name in PLACEHOLDER.findall(text)}
    defined = set(DATA.placeholders)
    assert used - defined <= set(DYNAMIC), f"used but not defined: {sorted(used - defined - set(DYNAMIC))}"
    assert set(DYNAMIC) <= used
    unused = defined - used - set(Detector.OWN_PLACEHOLDERS)
    assert not unused, f"defined but never used: {sorted(unused)}"
    assert set(Detector.OWN_PLACEHOLDERS) <= defined


def test_groups_read_by_detect_exist(detector: Detector) -> None:
    missing = set(Detector.GROUPS) - set(detector.pattern.groupindex)
    assert not missing, f"detect.py reads groups the pattern lacks: {sorted(missing)}"


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "paragraphs " + ", ".join(str(n % 999) for n in range(3000)) + " of the", id="long-pinpoint-list"
        ),
        pytest.param(
            "resolutions " + ", ".join(f"{n}/{n}" for n in range(2000)) + " and", id="long-resolution-list"
        ),
        pytest.param("paragraph 1 (a) (b) (c) (d) " * 500, id="sub-paragraph-runs"),
        pytest.param("A/" * 5000 + "RES", id="slashes"),
        pytest.param(" " * 20000 + "paragraph" + " " * 20000, id="white-space"),
        pytest.param("General Assembly " * 3000 + "resolution", id="organ-names"),
        pytest.param("the Tunis Agenda and " * 2000, id="names"),
    ],
)
def test_no_catastrophic_backtracking(detector: Detector, text: str) -> None:
    started = time.perf_counter()
    detector.find(text, [])
    assert time.perf_counter() - started < 2.0


TRIE_WORDS = ["paragraph", "paragraphs", "para", "Tunis Agenda", "Tunis Commitment", "a.b", "第", "第35段"]


@pytest.mark.parametrize("compile_with", [re.compile, regex.compile], ids=["re", "regex"])
def test_a_trie_matches_its_words_and_no_other(compile_with: Callable[[str], re.Pattern[str]]) -> None:
    pattern = compile_with("(?:" + trie(TRIE_WORDS) + ")")
    for word in TRIE_WORDS:
        assert pattern.fullmatch(word), word
    assert pattern.fullmatch("Tunis \n  Agenda")  # spaces match any run of white space
    for other in ["paragrap", "parag", "Tunis", "Tunis Agend", "aXb", "第3", "", "paragraphss"]:
        assert not pattern.fullmatch(other), other
    longest = pattern.match("paragraphs 3")  # the longest word first
    assert longest is not None
    assert longest.group() == "paragraphs"
    chinese = pattern.match("第35段")
    assert chinese is not None
    assert chinese.group() == "第35段"
    assert compile_with(trie([])).search("anything at all") is None
