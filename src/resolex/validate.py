"""Validate: what is wrong or doubtful in extracted documents, as coded diagnostics.

Codes are stable; ``docs/diagnostics.md`` holds the one table with an example of each.

- ``RX0xx`` come from extraction (load, segment, detect, resolve) and are carried over
  from ``Document.diagnostics``; the lead checks ``RX010``/``RX011`` are also re-derived
  here, so a document built or loaded by other means is checked the same way;
- ``RX1xx`` numbering, ``RX2xx`` structure, ``RX3xx`` references, ``RX4xx`` quotations.

Every check reads only the public models; none changes a document.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

import regex

from resolex.catalogue import Catalogue
from resolex.models import (
    Diagnostic,
    Document,
    DocumentReport,
    Paragraph,
    Reference,
    Report,
    Severity,
    Span,
    SubParagraph,
)
from resolex.patterns import bodies, lead_matcher

Corpus = Mapping[str, Document]

_NUMBER = regex.compile(r"(?P<n>\d{1,3})(?P<suffix>bis|ter|quater)?")
_SUFFIXES = ("", "bis", "ter", "quater")
_PREFIX = regex.compile(r"(?P<prefix>.*?)(?:para_|preamble__p_)")
_DRAFT_LABEL = regex.compile(r"(?:PP|OP)\s?\d")
_ELISION = regex.compile(r"\(\s*(?:\.\s*){3}\)|\[\s*(?:\.\s*){3}\]|[(\[]\s*…\s*[)\]]|…|\.{3,}")
# An item label at a line start or after a colon or semicolon: "(a) ", "b) ", "(iii) ".
_LABEL = regex.compile(
    r"(?:(?<=\n)[ ]*|(?<=[:;][ ]{1,3}))"
    r"(?P<mark>\((?P<a>[a-z]{1,2}|[ivxl]{1,6})\)|(?P<b>[a-z]{1,2}|[ivxl]{1,6})\))(?=[ \n])"
)
_ORPHAN_ITEM = regex.compile(r"^[ ]*\(?(?:[a-z]|[ivx]{1,4})\)[ ]+\S", regex.MULTILINE)
_ONES = ("", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix")
_ROMAN = tuple(tens + ones for tens in ("", "x", "xx") for ones in _ONES)[1:]  # i … xxix
_SHAPES = {
    "session": r"(?:(?:ES-|S-)?\d{1,2}/\d{1,4}(?:\s?[A-Z])?|\d{1,4}\s?\([IVXL]+\))",
    "year": r"(?:19[4-9]\d|20\d\d)/\d{1,4}(?:\s?[A-Z])?",
    "serial-year": r"\d{1,4}(?:\s?\((?:19|20)\d{2}\))?",
}
_EXAMPLES = {"session": "60/252", "year": "2006/46", "serial-year": "1325 (2000)"}
_SYMBOL_TAIL = r"(?:/(?:Add|Corr|Rev)\.\d{1,2})*(?:-[EFSRCA])?"
# A quotation right after the reference: "…, which says '…'", "… reads: \"…\"", "…: '…'".
_EXPLICIT_SELF = regex.compile(r"\b(?:above|below|hereof|herein|present|this)\b", regex.IGNORECASE)
_QUOTED = regex.compile(
    r"(?:[ ,]*\(?(?:(?:which|that|where\s+it)\s+)?(?:says|said|reads|read|states|stated|provides|declares)"
    r"(?:\s+as\s+follows|\s+that)?\s*[:,]?|[ ]*:)\s*"
    r"(?:\"(?P<dq>[^\"]{8,3000})\"|'(?P<sq>(?:[^']|'(?=\w)){8,3000})'(?!\w))"
)
_BRACKETED = regex.compile(r"\[[^\[\]]{0,80}\]")


def validate(
    documents: Document | Iterable[Document] | Mapping[str, Document],
    *,
    corpus: Corpus | None = None,
    catalogue: Catalogue | None = None,
) -> Report:
    """Check one document, several, or a mapping of name to document.

    ``corpus`` maps an instrument id (or symbol) to its Document; with it, quotations of a
    cited paragraph are compared with that paragraph. A mapping passed as ``documents`` is
    its own corpus unless another is given. ``catalogue`` (default: the shipped one) gives
    paragraph counts. Never raises on a document: what is wrong becomes a diagnostic.
    """
    named: list[tuple[str | None, object]]
    if isinstance(documents, Document):
        named = [(documents.symbol, documents)]
    elif isinstance(documents, Mapping):
        named = list(documents.items())
        corpus = documents if corpus is None else corpus
    elif isinstance(documents, Iterable) and not isinstance(documents, (str, bytes)):
        named = [(getattr(d, "symbol", None), d) for d in documents]
    else:
        raise TypeError(f"validate() takes Documents, not {type(documents).__name__}")
    checked: list[tuple[str | None, Document]] = []
    for name, doc in named:
        if not isinstance(doc, Document):
            raise TypeError(f"validate(): {name or 'an item'} is a {type(doc).__name__}, not a Document")
        checked.append((name, doc))
    catalogue = catalogue or Catalogue.default()
    return Report(
        documents=tuple(
            DocumentReport(name=name, diagnostics=check(doc, corpus=corpus, catalogue=catalogue))
            for name, doc in checked
        )
    )


def check(doc: Document, *, corpus: Corpus | None, catalogue: Catalogue) -> tuple[Diagnostic, ...]:
    """Every diagnostic of one document, in text order (extraction's own first at equal places)."""
    found = list(doc.diagnostics)
    seen = {(d.code, d.span) for d in found}
    for d in (
        *numbering(doc),
        *labels(doc),
        *leads(doc),
        *order(doc),
        *orphan_items(doc),
        *references(doc, catalogue, corpus),
        *quotations(doc, corpus),
    ):
        if (d.code, d.span) not in seen:
            seen.add((d.code, d.span))
            found.append(d)
    return tuple(sorted(found, key=lambda d: (d.span.start if d.span else -1, d.code)))


def _diag(code: str, severity: Severity, message: str, span: Span | None) -> Diagnostic:
    return Diagnostic(code=code, severity=severity, message=message, span=span)


def _name(p: Paragraph) -> str:
    return f"paragraph {p.number}" if p.number else f"paragraph {p.id}"


# --- numbering: RX101-RX104, RX107 ------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Numbered:
    n: int
    suffix: int  # 0 plain, 1 bis, 2 ter, 3 quater
    para: Paragraph


def _digits(number: str | None) -> int | None:
    m = _NUMBER.fullmatch(number or "")
    return int(m.group("n")) if m else None


def _texts(doc: Document) -> list[int]:
    """Which text of a collection each paragraph belongs to (0, 1 …).

    A new text begins where a new preamble follows numbered operative paragraphs and the
    numbering then starts again at 1 (a volume of resolutions, an outcome text after the
    resolution adopting it).
    """
    paras = doc.paragraphs
    following: list[int | None] = [None] * len(paras)
    nxt: int | None = None
    for k in range(len(paras) - 1, -1, -1):
        following[k] = nxt
        nxt = _digits(paras[k].number) if _digits(paras[k].number) is not None else nxt
    out: list[int] = []
    text, numbered = 0, False
    for k, p in enumerate(paras):
        if p.kind == "preambular" and _digits(p.number) is None and numbered and following[k] == 1:
            text, numbered = text + 1, False
        numbered = numbered or (p.kind == "operative" and _digits(p.number) is not None)
        out.append(text)
    return out


def _number_runs(doc: Document) -> Iterator[tuple[int, list[_Numbered]]]:
    """Numbered paragraphs that should count 1, 2, 3 …, with their quote depth.

    Grouped by text, part (id prefix), quote depth and series ("PP" labels apart); a run
    starts again at a paragraph 1 under a new heading (sections number from 1) or under an
    ITU clause ("resolves" recurs in each resolution of a volume).
    """
    groups: dict[tuple[int, str, int, bool], list[_Numbered]] = {}
    for text, p in zip(_texts(doc), doc.paragraphs, strict=True):
        m = _NUMBER.fullmatch(p.number or "")
        prefix = _PREFIX.match(p.id)
        if m is None or prefix is None:
            continue
        key = (text, prefix.group("prefix"), p.quote_depth, p.text.startswith("PP"))
        groups.setdefault(key, []).append(
            _Numbered(int(m.group("n")), _SUFFIXES.index(m.group("suffix") or ""), p)
        )
    for (_, part, depth, _), items in groups.items():
        clause = _is_clause(part, items[0].para)
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


def _is_clause(prefix: str, p: Paragraph) -> bool:
    """An item under an ITU clause: its id prefix is its lead ("instructs the ITU Council")."""
    return bool(prefix) and prefix == regex.sub(r"[^a-z0-9]+", "_", p.lead.lower()).strip("_") + "__"


def numbering(doc: Document) -> Iterator[Diagnostic]:
    for depth, items in _number_runs(doc):
        first: dict[tuple[int, int], Paragraph] = {}
        top: tuple[int, int] | None = None
        for item in items:
            key = (item.n, item.suffix)
            p = item.para
            if key in first:
                yield _diag("RX103", "error", f"{_name(p)} appears twice (again here)", p.span)
            elif top is not None and key < top:
                yield _diag(
                    "RX104",
                    "error",
                    f"{_name(p)} comes after paragraph {_label_of(top)}: out of order",
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
    return f"{key[0]}{_SUFFIXES[key[1]]}"


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
            yield _diag(
                "RX101",
                "info",
                f"{what} left out {where}, where the elision {elision.text!r} stands",
                elision.span,
            )
        else:
            yield _diag("RX102", "error", f"{what} missing {where}", after.span)


# --- sub-paragraph labels: RX105, RX106 ---------------------------------------------------


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
            if _ELISION.search(between) or (previous and _loose_label(previous).search(between)):
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
    return _diag(
        code,
        "error",
        f"{kind} ({label}) of {_name(p)} is out of sequence: {expected} was expected",
        Span(start=p.span.start + at[0], end=p.span.start + at[1]),
    )


# --- structure: RX010, RX011, RX107, RX201-RX203 --------------------------------------------


def _in_vocabulary(lead: str) -> bool:
    m = lead_matcher()
    if lead == "We" or m.clause(lead):
        return True
    return bool(m.operative_lead(lead) or m.we_lead(lead) or m.preambular_lead(lead))


def leads(doc: Document) -> Iterator[Diagnostic]:
    """The segmenter's own lead checks, re-derived from the paragraphs (same codes)."""
    for p in doc.paragraphs:
        if not p.lead:
            yield _diag("RX010", "warning", f"paragraph {p.number or ''} opens with no known lead", p.span)
        elif not _in_vocabulary(p.lead):
            yield _diag(
                "RX011",
                "info",
                f"paragraph {p.number or p.id} opens with {p.lead!r}, in no lead vocabulary",
                p.span,
            )


def _parts(doc: Document) -> Iterator[list[Paragraph]]:
    """Runs of paragraphs that share a part: the same text, id prefix, section and quote depth."""
    part: list[Paragraph] = []
    key: tuple[int, str, str | None, int] | None = None
    for text, p in zip(_texts(doc), doc.paragraphs, strict=True):
        prefix = _PREFIX.match(p.id)
        k = (text, prefix.group("prefix") if prefix else "", p.section, p.quote_depth)
        if part and k != key:
            yield part
            part = []
        key = k
        part.append(p)
    if part:
        yield part


def order(doc: Document) -> Iterator[Diagnostic]:
    """Preamble first, then the operative part: each part of a text is checked on its own."""
    for part in _parts(doc):
        numbered_op = [
            i for i, p in enumerate(part) if p.kind == "operative" and (p.number or "")[:1].isdigit()
        ]
        operative = [i for i, p in enumerate(part) if p.kind == "operative"]
        begins = (numbered_op or operative or [len(part)])[0]  # where the operative part begins
        for i, p in enumerate(part):
            prefix = _PREFIX.match(p.id)
            if (
                p.kind == "operative"
                and i < begins
                and p.text.rstrip().endswith(",")
                and not _is_clause(prefix.group("prefix") if prefix else "", p)
            ):
                yield _diag(
                    "RX201",
                    "error",
                    f"{_name(p)} opens with the operative {p.lead!r} but ends with a comma in the preamble,"
                    f" before operative {_name(part[begins])}",
                    p.span,
                )
            elif p.kind == "preambular" and i > begins:
                yield _diag(
                    "RX202",
                    "error",
                    f"preambular {_name(p)} ({p.lead!r}) comes after operative {_name(part[begins])}",
                    p.span,
                )
            elif p.kind == "preambular" and (p.number or "")[:1].isdigit() and not _DRAFT_LABEL.match(p.text):
                yield _diag(
                    "RX107",
                    "warning",
                    f"preambular paragraph {p.lead!r} is numbered {p.number}; preambular paragraphs are not",
                    p.span,
                )


def orphan_items(doc: Document) -> Iterator[Diagnostic]:
    """Lettered items on lines of their own that no paragraph holds (unless an elision explains it)."""
    held = sorted(
        [(p.span.start, p.span.end) for p in doc.paragraphs]
        + [(h.span.start, h.span.end) for h in doc.headings]
    )
    starts = [a for a, _ in held]
    run: list[regex.Match[str]] = []
    for m in _ORPHAN_ITEM.finditer(doc.text):
        i = bisect_right(starts, m.start()) - 1
        if i >= 0 and held[i][1] > m.start():
            continue
        if run and bisect_left(starts, m.start()) > bisect_left(starts, run[-1].end()):
            yield from _orphan_run(doc, run)
            run = []
        run.append(m)
    if run:
        yield from _orphan_run(doc, run)


def _orphan_run(doc: Document, run: list[regex.Match[str]]) -> Iterator[Diagnostic]:
    start = run[0].start() + len(run[0].group()) - len(run[0].group().lstrip(" "))
    before = max((p.span.end for p in doc.paragraphs if p.span.end <= start), default=0)
    if any(before <= e.span.start < start for e in doc.elisions):
        return  # the items of a paragraph the excerpt leaves out
    end = doc.text.find("\n", run[-1].start())
    end = len(doc.text) if end < 0 else end
    labels = ", ".join(m.group().split()[0] for m in run)
    yield _diag(
        "RX203", "warning", f"sub-paragraphs {labels} stand outside any paragraph", Span(start=start, end=end)
    )


# --- references: RX301-RX305 -----------------------------------------------------------------


def references(doc: Document, catalogue: Catalogue, corpus: Corpus | None) -> Iterator[Diagnostic]:
    for r in doc.references:
        if r.document is None:
            yield from _self_reference(doc, r)
            continue
        if r.document.symbol:
            yield from _symbol(r, r.document.symbol)
        inst = catalogue.get(r.document.id) if r.document.id else None
        if inst is not None and inst.paragraph_count is not None:
            for pin in r.pinpoints:
                if (
                    pin.unit == inst.unit
                    and pin.paragraph.isdigit()
                    and int(pin.paragraph) > inst.paragraph_count
                ):
                    count = f"{inst.paragraph_count} {inst.unit}s"
                    yield _diag(
                        "RX303",
                        "error",
                        f"{inst.unit} {pin} of {inst.title} is cited; it has {count}",
                        r.span,
                    )
        target = _target(corpus, r)
        if target is not None and target is not doc:
            yield from _missing_in(target, r, "RX304", f"{r.document.id or r.document.symbol}", sure=True)


def _self_reference(doc: Document, r: Reference) -> Iterator[Diagnostic]:
    """ "paragraph 14 above" must exist; a bare "paragraph 14" may cite another text, so only warns."""
    yield from _missing_in(doc, r, "RX301", "this text", sure=bool(_EXPLICIT_SELF.search(r.text)))
    for pin in r.pinpoints:
        p = doc.paragraph(pin.paragraph) if pin.unit == "paragraph" else None
        if p is None or pin.subparagraph is None:
            continue
        subs = {s.label: s for s in p.subparagraphs}
        sub = subs.get(pin.subparagraph)
        if sub is None or (pin.item and pin.item not in {s.label for s in sub.subparagraphs}):
            yield _diag("RX302", "warning", f"{_name(p)} has no sub-paragraph {pin} as cited", r.span)


def _missing_in(target: Document, r: Reference, code: str, what: str, *, sure: bool) -> Iterator[Diagnostic]:
    """Pinpoints the target lacks: an error when the target is whole and the citation certain."""
    numbers = {p.number for p in target.paragraphs if _digits(p.number) is not None}
    preambular = sum(1 for p in target.paragraphs if p.kind == "preambular" and not p.number)
    severity: Severity = "error" if sure and not target.elisions else "warning"
    what += " (an excerpt)" if target.elisions else ""
    doubt = "" if sure else " (another text may be meant)"
    for pin in r.pinpoints:
        if pin.unit == "paragraph" and numbers and pin.paragraph not in numbers:
            message = f"paragraph {pin.paragraph} is cited; {what} has no paragraph {pin.paragraph}{doubt}"
            yield _diag(code, severity, message, r.span)
        elif pin.unit == "preambular" and preambular and (_digits(pin.paragraph) or 0) > preambular:
            message = f"preambular paragraph {pin.paragraph} is cited; {what} has {preambular}{doubt}"
            yield _diag(code, severity, message, r.span)


def _symbol(r: Reference, symbol: str) -> Iterator[Diagnostic]:
    """A resolution symbol as written ("A/RES/60/2520/1") must have its series' shape."""
    written = "".join(r.text.split())
    for body in bodies().body:
        series = body.resolution_symbol.replace("{number}", "")
        if not series or not symbol.startswith(series) or series not in written:
            continue
        number = symbol[len(series) :]
        if not regex.fullmatch(_SHAPES[body.number_shape] + _SYMBOL_TAIL, number):
            example = _EXAMPLES[body.number_shape]
            message = f"symbol {symbol} is malformed: {body.name} resolutions read like {series}{example}"
            yield _diag("RX305", "error", message, r.span)
        return


def _target(corpus: Corpus | None, r: Reference) -> Document | None:
    if corpus is None or r.document is None:
        return None
    ref = r.document
    for key in (ref.id, ref.symbol):
        if key and key in corpus:
            return corpus[key]
    return next((d for d in corpus.values() if ref.symbol and d.symbol == ref.symbol), None)


# --- quotations: RX401, RX402 ----------------------------------------------------------------


def _folded(text: str) -> str:
    """Letters and digits only, case folded: what a quotation must keep."""
    return "".join(regex.findall(r"[\p{L}\p{N}]+", text.casefold()))


def quotations(doc: Document, corpus: Corpus | None) -> Iterator[Diagnostic]:
    """A quotation of a cited paragraph against that paragraph (this text's own, or the corpus's)."""
    for r in doc.references:
        pins = [p for p in r.pinpoints if p.unit == "paragraph"]
        m = _QUOTED.match(doc.text, r.span.end)
        if len(pins) != 1 or m is None or (r.document is not None and corpus is None):
            continue
        group = "dq" if m.group("dq") is not None else "sq"
        quote = Span(start=m.start(group), end=m.end(group))
        pin = pins[0]
        cited = f"paragraph {pin}" + (f" of {r.document.id or r.document.symbol}" if r.document else "")
        target = doc if r.document is None else _target(corpus, r)
        if target is None:
            yield _diag(
                "RX402", "info", f"quotation of {cited} not checked: no text of it in the corpus", quote
            )
            continue
        text = _cited_text(target, pin.paragraph, pin.subparagraph, pin.item)
        if text is None:
            continue  # RX301/RX304 say the paragraph is missing
        differs = _first_difference(doc.text[quote.start : quote.end], _folded(text))
        if differs is not None:
            yield _diag("RX401", "error", f"quotation of {cited} differs from its text at {differs}", quote)


def _cited_text(target: Document, number: str, sub: str | None, item: str | None) -> str | None:
    p = target.paragraph(number)
    if p is None:
        return None
    node: Paragraph | SubParagraph = p
    for label in (sub, item):
        if label is None:
            break
        found = next((s for s in node.subparagraphs if s.label == label), None)
        if found is None:
            return None
        node = found
    return node.text


def _first_difference(quote: str, target: str) -> str | None:
    """Where the quotation leaves the target: its first word not found in order; None if none.

    Elision marks and bracketed insertions split the quotation into pieces that must
    appear in the target in order; case, spaces and punctuation are ignored.
    """
    pos = 0
    for piece in _ELISION.split(_BRACKETED.sub("…", quote)):
        folded = _folded(piece)
        if not folded:
            continue
        at = target.find(folded, pos)
        if at >= 0:
            pos = at + len(folded)
            continue
        words = piece.split()
        k = 0
        while k < len(words) and target.find(_folded(" ".join(words[: k + 1])), pos) >= 0:
            k += 1
        k = min(k, len(words) - 1)
        before = " ".join(words[max(0, k - 3) : k])
        return f"{words[k]!r} (after {before!r})" if before else repr(words[k])
    return None
