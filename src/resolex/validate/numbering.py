"""Numbering: paragraph numbers (RX101-RX104) and sub-paragraph labels (RX105, RX106)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import regex

from resolex.models import Diagnostic, Document, Paragraph, Span
from resolex.validate.parts import ELISION, NUMBER, PREFIX, SUFFIXES, diag, is_clause, name_of, texts

# An item label at a line start or after a colon or semicolon: "(a) ", "b) ", "(iii) ".
_LABEL = regex.compile(
    r"(?:(?<=\n)[ ]*|(?<=[:;][ ]{1,3}))"
    r"(?P<mark>\((?P<a>[a-z]{1,2}|[ivxl]{1,6})\)|(?P<b>[a-z]{1,2}|[ivxl]{1,6})\))(?=[ \n])"
)
_ONES = ("", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix")
_ROMAN = tuple(tens + ones for tens in ("", "x", "xx") for ones in _ONES)[1:]  # i … xxix


@dataclass(frozen=True, slots=True)
class _Numbered:
    n: int
    suffix: int  # 0 plain, 1 bis, 2 ter, 3 quater
    para: Paragraph


def _number_runs(doc: Document) -> Iterator[tuple[int, list[_Numbered]]]:
    """Numbered paragraphs that should count 1, 2, 3 …, with their quote depth.

    Grouped by text, part (id prefix), quote depth and series ("PP" labels apart); a run
    starts again at a paragraph 1 under a new heading (sections number from 1) or under an
    ITU clause ("resolves" recurs in each resolution of a volume).
    """
    groups: dict[tuple[int, str, int, bool], list[_Numbered]] = {}
    for text, p in zip(texts(doc), doc.paragraphs, strict=True):
        m = NUMBER.fullmatch(p.number or "")
        prefix = PREFIX.match(p.id)
        if m is None or prefix is None:
            continue
        key = (text, prefix.group("prefix"), p.quote_depth, p.text.startswith("PP"))
        groups.setdefault(key, []).append(
            _Numbered(int(m.group("n")), SUFFIXES.index(m.group("suffix") or ""), p)
        )
    for (_, part, depth, _), items in groups.items():
        clause = is_clause(part, items[0].para)
        run: list[_Numbered] = []
        for item in items:
            if (
                run
                and (item.n, item.suffix) == (1, 0)
                and (clause or item.para.section != run[-1].para.section)
            ):
                yield depth, run
                run = []
            run.append(item)
        yield depth, run


def numbering(doc: Document) -> Iterator[Diagnostic]:
    for depth, items in _number_runs(doc):
        first: dict[tuple[int, int], Paragraph] = {}
        top: tuple[int, int] | None = None
        for item in items:
            key = (item.n, item.suffix)
            p = item.para
            if key in first:
                yield diag("RX103", "error", f"{name_of(p)} appears twice (again here)", p.span)
            elif top is not None and key < top:
                yield diag(
                    "RX104",
                    "error",
                    f"{name_of(p)} comes after paragraph {_label_of(top)}: out of order",
                    p.span,
                )
            first.setdefault(key, p)
            top = key if top is None or key > top else top
        by_n: dict[int, Paragraph] = {}
        for (n, _), p in first.items():
            by_n.setdefault(n, p)
        numbers = sorted(by_n)
        full_text = doc.enacting_body is not None and depth == 0
        start = 1 if full_text else numbers[0]
        yield from _gaps(doc, by_n, [n for n in range(start, numbers[-1]) if n not in by_n])


def _label_of(key: tuple[int, int]) -> str:
    return f"{key[0]}{SUFFIXES[key[1]]}"


def _gaps(doc: Document, by_n: dict[int, Paragraph], missing: list[int]) -> Iterator[Diagnostic]:
    runs: list[list[int]] = []
    for n in missing:
        if runs and runs[-1][-1] == n - 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    for run in runs:
        lo, hi = run[0], run[-1]
        before, after = by_n.get(lo - 1), by_n[hi + 1]
        what = f"paragraph {lo} is" if lo == hi else f"paragraphs {lo} to {hi} are"
        where = f"between {lo - 1} and {hi + 1}" if before else f"before {hi + 1}"
        region = (
            (min(before.span.end, after.span.end), max(before.span.start, after.span.start))
            if before
            else (0, after.span.start)
        )
        elision = next((e for e in doc.elisions if region[0] <= e.span.start < region[1]), None)
        if elision is not None:
            yield diag(
                "RX101",
                "info",
                f"{what} left out {where}, where the elision {elision.text!r} stands",
                elision.span,
            )
        else:
            yield diag("RX102", "error", f"{what} missing {where}", after.span)


def _letter_index(label: str) -> int:
    return ord(label[0]) - 97 if len(label) == 1 else 26 + ord(label[0]) - 97


def _letter(index: int) -> str:
    return chr(97 + index) if index < 26 else chr(97 + index - 26) * 2


def _is_letter(label: str) -> bool:
    return len(label) == 1 or (len(label) == 2 and label[0] == label[1])


def labels(doc: Document) -> Iterator[Diagnostic]:
    """Item labels as printed, in order: (a) (b) … with (i) (ii) … under them."""
    for p in doc.paragraphs:
        marks = [
            (m.start("mark"), m.end("mark"), m.group("a") or m.group("b")) for m in _LABEL.finditer(p.text)
        ]
        own = p.number or ""  # an item printed as a paragraph ("i)" of an ITU text) counts as seen
        roman: int | None = _ROMAN.index(own) if own in _ROMAN and own != "x" else None  # last numeral
        letter: int | None = _letter_index(own) if own.isalpha() and roman is None else None  # last letter
        last_end = 0
        for k, (start, end, label) in enumerate(marks):
            following = marks[k + 1][2] if k + 1 < len(marks) else None
            next_letter = _letter(0 if letter is None else letter + 1)
            after = 0 if roman is None else roman + 1
            next_roman = _ROMAN[after] if after < len(_ROMAN) else None
            between = p.text[last_end:start]
            last_end = end
            if label == next_roman and (label != next_letter or following == _next(label)):
                roman = _ROMAN.index(label)
                continue
            if label == next_letter:
                letter, roman = _letter_index(label), None
                continue
            is_roman = label in _ROMAN and (len(label) > 1 or roman is not None)
            if not is_roman and not _is_letter(label):
                continue
            if is_roman:
                roman = _ROMAN.index(label)
                previous = _ROMAN[roman - 1] if roman else None
            else:
                letter, roman = _letter_index(label), None
                previous = _letter(letter - 1) if letter else None
            if ELISION.search(between) or (previous and _loose_label(previous).search(between)):
                continue  # "(a) … (...) … (c)"; or "(b)" after an "a)" printed mid-sentence
            expected = f"({next_roman})" if is_roman else f"({next_letter})"
            yield _out_of_sequence("RX106" if is_roman else "RX105", p, label, expected, (start, end))


def _loose_label(label: str) -> regex.Pattern[str]:
    """The label anywhere in running text: "taking into consideration a) the outcome"."""
    return regex.compile(rf"(?<![\w(])\(?{label}\)")


def _next(label: str) -> str | None:
    i = _ROMAN.index(label)
    return _ROMAN[i + 1] if i + 1 < len(_ROMAN) else None


def _out_of_sequence(code: str, p: Paragraph, label: str, expected: str, at: tuple[int, int]) -> Diagnostic:
    kind = "roman numeral" if code == "RX106" else "sub-paragraph"
    return diag(
        code,
        "error",
        f"{kind} ({label}) of {name_of(p)} is out of sequence: {expected} was expected",
        Span(start=p.span.start + at[0], end=p.span.start + at[1]),
    )
