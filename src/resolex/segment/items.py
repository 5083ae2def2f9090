"""Sub-paragraphs: the lettered, roman, decimal and listed items inside a paragraph."""

from __future__ import annotations

import re

import regex

from resolex.models import Span, SubParagraph

# An item label, "(a)", "b)", "(iv)", after a line start, a clause end or "and"/"or", before a space:
#   (?:(?<=^|\n)[ ]*|(?<=[:;,.][ ]{0,3})|(?<=\s(?:and|or|et|y|ou|o)[ ]))
#   (?P<mark>\((?P<a>[a-z]{1,2}|[ivxl]{1,6})\)|(?P<b>[a-z]{1,2}|[ivxl]{1,6})\))(?=[ ]|\n)
# Tried at every position, that pattern read paragraphs at 5 MB/s; ``_label_marks`` finds the same
# labels from the closing parentheses, which are few.
_CLOSE = re.compile(r"\)(?=[ \n\u3400-\u9fff])")  # Chinese writes the item right after it: "(a)论坛"
_LABEL = re.compile(r"[a-z]{1,2}|[ivxl]{1,6}")
# Arabic texts letter their items in the order of the abjad: (أ) is (a), (ب) (b), (ج) (c) …
_ARABIC_LABELS = {ch: chr(ord("a") + k) for k, ch in enumerate("أبجدهوزحطيكلمنسعفصقرشتثخذض")} | {"ا": "a"}
_AFTER_CLAUSE = regex.compile(r"(?<=[:;,.][ ]{0,3})|(?<=\s(?:and|or|et|y|ou|o)[ ])")
_ROMAN = (
    "i",
    "ii",
    "iii",
    "iv",
    "v",
    "vi",
    "vii",
    "viii",
    "ix",
    "x",
    "xi",
    "xii",
    "xiii",
    "xiv",
    "xv",
    "xvi",
    "xvii",
    "xviii",
    "xix",
    "xx",
)


def _next_letter(label: str) -> str:
    if label == "z":
        return "aa"
    if len(label) == 2 and label[0] == label[1]:
        return chr(ord(label[0]) + 1) * 2
    return chr(ord(label[-1]) + 1)


def find_subparagraphs(
    text: str,
    start: int,
    end: int,
    parent_id: str,
    *,
    number: str | None = None,
    listed: list[tuple[int, str]] | None = None,
) -> tuple[SubParagraph, ...]:
    """Lettered items (a), (b) … with roman items (i), (ii) … nested inside them.

    A label that could be either ("(i)" after "(h)", "(v)" after "(u)") is read
    by what follows it: "(ii)" next makes it roman, "(j)" next makes it a letter.
    """
    decimal = [(pos, 1, label) for pos, label in listed or []] or _decimal_items(text, start, end, number)
    if decimal:
        return _build_items(text, decimal, 0, len(decimal), level=1, end=end, parent=parent_id)
    found = _label_marks(text, start, end)
    found = _restore_lost_labels(text, start, found)
    marks: list[tuple[int, int, str]] = []  # (position, level, label)
    expect_letter = "a"
    expect_roman: str | None = None
    for k, (pos, label) in enumerate(found):
        as_roman = expect_roman is not None and label == expect_roman
        as_letter = label == expect_letter
        if as_roman and as_letter:
            following = found[k + 1][1] if k + 1 < len(found) else None
            as_roman = following == _next_roman(label)
            as_letter = not as_roman
        if as_roman:
            marks.append((pos, 2, label))
            expect_roman = _next_roman(label)
        elif as_letter:
            marks.append((pos, 1, label))
            expect_letter = _next_letter(label)
            expect_roman = "i"
    if not marks or marks[0][1] != 1:
        marks = _roman_list(found)
    if not marks:
        return ()
    return _build_items(text, marks, 0, len(marks), level=1, end=end, parent=parent_id)


def _label_marks(text: str, start: int, end: int) -> list[tuple[int, str]]:
    """Where item labels stand in ``text[start:end]``, with the label: ``[(pos, "a"), (pos, "ii")]``."""
    found: list[tuple[int, str]] = []
    for close in _CLOSE.finditer(text, start, end):
        stop = close.start()
        if stop - start >= 2 and text[stop - 2] == "(" and text[stop - 1] in _ARABIC_LABELS:
            mark = stop - 2  # Arabic "(أ)", "(ب)": the item of its Latin letter, as ids are in every language
            if _at_line_start(text, start, mark) or _AFTER_CLAUSE.match(text, mark):
                found.append((mark, _ARABIC_LABELS[text[stop - 1]]))
            continue
        begin = stop
        while begin > start and stop - begin < 6 and "a" <= text[begin - 1] <= "z":
            begin -= 1
        if begin > 0 and "a" <= text[begin - 1] <= "z":  # inside a word, or longer than a label
            continue
        label = text[begin:stop]
        if not _LABEL.fullmatch(label):
            continue
        mark = begin - 1 if begin > 0 and text[begin - 1] == "(" else begin
        if mark < start or not (_at_line_start(text, start, mark) or _AFTER_CLAUSE.match(text, mark)):
            continue
        found.append((mark, label))
    return found


def _at_line_start(text: str, start: int, pos: int) -> bool:
    """Only spaces between ``pos`` and a line start that is not before ``start``."""
    while pos > start and text[pos - 1] == " ":
        pos -= 1
    return pos == 0 or text[pos - 1] == "\n"


_LINE_START = regex.compile(r"(?<=\n[ ]*\n[ ]*)(?=\S)")


def _restore_lost_labels(text: str, start: int, found: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """PDF extraction sometimes drops the first labels: "…resources:", two bare lines, then "(c)".

    When the first label is "b" to "e" and exactly that many blank-line-separated
    lines stand between a chapeau ending in ":" and it, those lines are the
    missing items (a), (b) ….
    """
    if not found or found[0][1] not in ("b", "c", "d", "e"):
        return found
    chapeau_end = text.find(":", start, found[0][0])
    if chapeau_end < 0:
        return found
    starts = [m.start() for m in _LINE_START.finditer(text, chapeau_end, found[0][0])]
    missing = ord(found[0][1]) - ord("a")
    if len(starts) != missing:
        return found
    return [(pos, chr(ord("a") + k)) for k, pos in enumerate(starts)] + found


def _decimal_items(text: str, start: int, end: int, number: str | None) -> list[tuple[int, int, str]]:
    """ITU style "1.1", "1.2" … under paragraph 1, in sequence."""
    if number is None or not number.isdigit():
        return []
    marks: list[tuple[int, int, str]] = []
    if text.find(".", start, end) < 0:
        return marks
    for m in _DECIMAL.finditer(text, start, end):
        if m.group("p") == number and int(m.group("n")) == len(marks) + 1:
            marks.append((m.start("mark"), 1, m.group("mark")))
    return marks if len(marks) >= 2 else []


# "4.1" under paragraph 4 (the paragraph's number is checked by the caller: one pattern for all).
_DECIMAL = regex.compile(r"(?:(?<=^|\n)[ ]*|(?<=[:;,.][ ]{1,3}))(?P<mark>(?P<p>\d+)\.(?P<n>\d{1,2}))(?=\s)")


def _roman_list(found: list[tuple[int, str]]) -> list[tuple[int, int, str]]:
    """A list numbered (i), (ii) … with no letters above it: roman items at the first level."""
    marks: list[tuple[int, int, str]] = []
    expect: str | None = "i"
    for pos, label in found:
        if label == expect:
            marks.append((pos, 1, label))
            expect = _next_roman(label)
    return marks if len(marks) >= 2 else []


def _next_roman(label: str) -> str | None:
    idx = _ROMAN.index(label)
    return _ROMAN[idx + 1] if idx + 1 < len(_ROMAN) else None


def _build_items(
    text: str, marks: list[tuple[int, int, str]], lo: int, hi: int, *, level: int, end: int, parent: str
) -> tuple[SubParagraph, ...]:
    items: list[SubParagraph] = []
    idx = [k for k in range(lo, hi) if marks[k][1] == level]
    for n, k in enumerate(idx):
        nxt = idx[n + 1] if n + 1 < len(idx) else hi
        item_end = marks[nxt][0] if nxt < hi else end
        while item_end > marks[k][0] and text[item_end - 1] in " \n":
            item_end -= 1
        ident = f"{parent}__subpara_{marks[k][2].replace('.', '-')}"
        children = (
            _build_items(text, marks, k + 1, nxt, level=level + 1, end=item_end, parent=ident)
            if level == 1
            else ()
        )
        items.append(
            SubParagraph(
                id=ident,
                label=marks[k][2],
                text=text[marks[k][0] : item_end],
                span=Span(start=marks[k][0], end=item_end),
                subparagraphs=children,
            )
        )
    return tuple(items)
