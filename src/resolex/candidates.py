"""Candidates: where a reference mention may start, found in one cheap pass.

The reference pattern is long (every form, every catalogue name), and trying it at a position
costs about fifteen microseconds whether it matches or not. Resolution text is dense with the
words mentions are made of, so trying it at every word start near one of them (as resolex
first did) made detection 70% of extraction. Three facts narrow the positions:

- every mention holds an *anchor* ("paragraph", "resolution", the slash of a symbol, a word
  of a catalogue name, an ITU clause verb) at most ``LOOKBACK`` characters after its start;
- every mention opens with a *start word*: the first word of one of the pattern's forms
  ("paragraph", "its", "General" of "General Assembly resolution", "A" of "A/RES/…");
- a *determiner* ("the", "its", "la") opens one only before another listed word or one of
  its followers ("the present", "its own"): "the" alone, on every line, starts nothing.

The lists are data (``anchors``, ``starts``, ``determiners`` and ``followers`` in
patterns.toml), completed from the catalogue's and the organs' names. One pass of the
standard ``re`` module over the lowered text finds every listed word (an alternation
written as a trie, which ``re`` scans several times faster than ``regex`` scans a flat
list); the pattern is then tried only at start words lying up to ``LOOKBACK`` characters
before an anchor. tests/test_detect_scan.py checks that this finds exactly what trying
every position finds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from resolex.patterns import trie

LOOKBACK = 120  # "United Nations Economic and Social Council resolution": the longest lead-in

ANCHOR, START, DETERMINER, FOLLOWER = 1, 2, 4, 8
# A listed word matches whole, in any case, with a plural or French ending ("paragraphs",
# "paragraphe", "resolutions"); a mark ("/", "§") wherever it is.
_ENDINGS = ("es", "s", "e")
_ENDING = r"(?:es|s|e)?"
# Between a determiner and the word it determines: "the present", "l'Agenda", "l’ Agenda".
_DETERMINED = re.compile(r"\s+|['’]\s?")
# A symbol opens with its series (in capitals) and a slash: "A/RES/70/125", "WSIS-05/TUNIS/DOC/6".
_SERIES = re.compile(r"(?<![\w/.-])[^\W\d_][\w.]{0,9}(?:-\d{2}|-ii)?\Z", re.IGNORECASE)
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Scan:
    """The positions of one text: anchors and start words, each in increasing order."""

    anchors: tuple[int, ...]
    starts: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class WordLists:
    """The words the pass looks for, by role (patterns.toml, completed from names)."""

    anchors: tuple[str, ...]
    starts: tuple[str, ...]
    determiners: tuple[str, ...] = ()
    followers: tuple[str, ...] = ()


class CandidateFinder:
    """The compiled pass for one set of word lists (built once per detector)."""

    def __init__(self, lists: WordLists) -> None:
        roles = (
            (lists.anchors, ANCHOR),
            (lists.starts, START),
            (lists.determiners, DETERMINER),
            (lists.followers, FOLLOWER),
        )
        listed: dict[int, frozenset[str]] = {
            role: frozenset(_key(w) for w in words if _is_word(w)) for words, role in roles
        }
        words = frozenset().union(*listed.values())
        # what each word found is, its endings included: "paragraphe" anchors as "paragraph" does
        self._kinds: dict[str, int] = {
            w: sum(role for role, ws in listed.items() if _plays(role, ws, w)) for w in words
        }
        for ws, role in roles:
            for mark in (w for w in ws if not _is_word(w)):
                self._kinds[mark] = self._kinds.get(mark, 0) | role
        marks = sorted((w for w in self._kinds if not _is_word(w)), key=len, reverse=True)
        # One pass per script, run only on a text that holds the script: a pass costs about
        # 60 ms per MB, and Latin text has no use for the Cyrillic, Arabic and Chinese words.
        self._passes = tuple(
            (presence, _compiled(family, [w for w in words if _script(w) == family], marks))
            for family, presence in _SCRIPTS.items()
            if family == "latin" or any(_script(w) == family for w in words)
        )

    def scan(self, text: str) -> Scan:
        """Every anchor and every start word of ``text``, by position."""
        low = text.lower()
        folded = len(low) != len(text)  # "İ" lowers to two characters: positions would shift
        if folded:
            low = text
        found: list[tuple[int, int, str]] = []
        for presence, (lowered, ignoring_case) in self._passes:
            if presence is None or presence.search(low):
                pattern = ignoring_case if folded else lowered
                found.extend((m.start(), m.end(), m.group(m.lastgroup or "w")) for m in pattern.finditer(low))
        if len(self._passes) > 1:
            found.sort()
        return self._positions(text, low, found)

    def _positions(self, text: str, low: str, found: list[tuple[int, int, str]]) -> Scan:
        """The anchors and start words among the words found (in order of position)."""
        anchors: list[int] = []
        starts: list[int] = []
        kinds = self._kinds
        determiner = -1  # where the last determiner starts, while the next word may confirm it
        determiner_end = -1
        for pos, end, word in found:
            kind = kinds.get(word) or kinds.get(_SPACES.sub(" ", word.lower()), 0)
            if determiner >= 0:
                if kind & (ANCHOR | START | FOLLOWER) and _DETERMINED.fullmatch(low, determiner_end, pos):
                    starts.append(determiner)
                determiner = -1
            if kind & DETERMINER:
                determiner, determiner_end = pos, end
            if kind & ANCHOR:
                anchors.append(pos)
            if kind & START:
                starts.append(pos)
            if word == "/":
                series = _SERIES.search(low, max(0, pos - 14), pos)
                if series is not None and text[series.start()].isupper():
                    starts.append(series.start())
        return Scan(tuple(anchors), tuple(sorted(set(starts))))


# The scripts a pass is made for, and how to tell that a text holds one (Latin: always).
_SCRIPTS: dict[str, re.Pattern[str] | None] = {
    "latin": None,
    "cyrillic": re.compile("[\u0400-\u052f]"),
    "arabic": re.compile("[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]"),
    "unspaced": re.compile("[\u3040-\u9fff\uf900-\ufaff]"),
}


def _script(word: str) -> str:
    """Which pass looks for a word, by its first character."""
    first = word[:1]
    if _unspaced(first):
        return "unspaced"
    for family, presence in _SCRIPTS.items():
        if presence is not None and presence.match(first):
            return family
    return "latin"


def _compiled(family: str, words: list[str], marks: list[str]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """One script's pass, for lowered text and (rarely needed) for text in any case."""
    if family == "unspaced":  # Chinese has no spaces between words: no boundaries to look for
        branches = ["(?P<u>" + trie(words) + ")"]
    else:
        branches = [r"(?<![^\W_])(?P<w>" + trie(words) + ")" + _ENDING + r"(?![^\W\d_])"]
    if family == "latin" and marks:
        branches.insert(0, "(?P<mark>" + "|".join(map(re.escape, marks)) + ")")
    body = "|".join(branches)
    return re.compile(body), re.compile(body, re.IGNORECASE)


def _plays(role: int, listed: frozenset[str], word: str) -> bool:
    """Whether a word found plays a role: listed, or (but for anchoring) its first word listed."""
    return _covers(listed, word) or (role != ANCHOR and _covers(listed, word.split(" ", 1)[0]))


def _is_word(word: str) -> bool:
    return word[:1].isalnum()


def _unspaced(word: str) -> bool:
    """Whether a word is of a script written without spaces (Chinese, Japanese kana)."""
    return "\u3040" <= word[:1] <= "\u9fff" or "\uf900" <= word[:1] <= "\ufaff"


def _covers(listed: frozenset[str], word: str) -> bool:
    """Whether ``word`` is a listed word or one with an ending ("paragraphs" of "paragraph")."""
    return word in listed or any(word.endswith(e) and word[: -len(e)] in listed for e in _ENDINGS)


def _key(word: str) -> str:
    """How a listed word is compared: lower case, without a final abbreviation dot ("par.")."""
    return _SPACES.sub(" ", word.strip().rstrip(".").lower())
