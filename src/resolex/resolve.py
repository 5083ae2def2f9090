"""Resolve: a mention to what it cites, in the context of the citing text.

Rules, in order (see README "How references are resolved"):

- A resolution number takes its organ from the mention ("General Assembly
  resolution 60/252"), else from a body named just before "its" ("the General
  Assembly, in its resolution …"), else "its" means the citing text's own organ,
  else the shape of the number decides (``1325 (2000)`` Security Council,
  ``2006/46`` ECOSOC, ``60/252`` General Assembly) — and a citing text by an organ
  whose numbers have that shape claims it. A bare serial ("resolution 2216")
  is a Security Council number without its year; under no organ, or another
  one, it is no reference ("chap. I, resolution 1", "a decision 2 weeks later").
- A symbol is normalised; a resolution symbol also yields organ and number.
- Names, symbols and numbers found in the catalogue take the catalogue id; a
  contextual name alone ("the Charter") counts only inside a resolution.
- "this decision" inside a General Assembly or Security Council text is not the
  text itself: those organs' decisions are not texts (un-conventions.md §1.1).
- "paragraph 3 of the resolution", "the same resolution", "that decision" take the
  resolution (decision) cited before it; "thereof", "the annex thereto", "Ibid.",
  "..., including paragraphs 21 and 22" and a footnote's "(A/64/27), para. 18" take the
  text cited just before (the last two only when it is close); "Ibid." alone and "the
  said paragraph" repeat the pinpoints cited before as well.
- "..., as well as paragraphs 13 and 14" continues the pinpoints cited before it in the
  same sentence, with the text and the part (annex) they belong to.
- Pinpoints with no cited text ("paragraph 1") point at the text itself when
  it is a resolution (it has an enacting formula, or the mention sits in one of
  its paragraphs); in other prose they take the text cited just before.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache

import regex

from resolex.catalogue import Catalogue, Instrument
from resolex.detect import Mention, ResolutionItem
from resolex.models import Diagnostic, DocumentRef, Paragraph, Pinpoint, Reference
from resolex.patterns import Body, alternation, bodies

_SHAPES = {
    "serial-year": regex.compile(r"\d{1,4}(?:\s?[A-Z])?\s\((?:19|20)\d{2}\)"),
    "year": regex.compile(r"(?:19[4-9]\d|20\d\d)/\d{1,4}(?:\s[A-Z])?"),
    "session": regex.compile(
        r"(?:(?:ES-|S-)?\d{1,2}/\d{1,4}(?:\s[A-Z](?:\s(?:and|to)\s[A-Z])?)?|\d{1,4}(?:\s?[A-Z])?\s\([IVXL]+\))"
    ),
}
_LOOKBACK = 80
_BACKREF_REACH = 300  # characters from the text cited to "including paragraph N", outside paragraphs


@dataclass(frozen=True, slots=True)
class Context:
    """What the citing text tells about its references."""

    text: str
    catalogue: Catalogue
    enacting_body: str | None
    is_resolution: bool


def body_by_name(name: str | None) -> Body | None:
    """The organ a name or alias stands for, in any case and spacing ("general  assembly")."""
    if not name:
        return None
    return _bodies_by_name().get(" ".join(name.split()).casefold())


@cache
def _bodies_by_name() -> dict[str, Body]:
    """Every organ under its name and aliases, folded (the first organ listed wins a shared alias)."""
    table: dict[str, Body] = {}
    for body in bodies().body:
        for alias in (*body.aliases, body.name):
            table.setdefault(" ".join(alias.split()).casefold(), body)
    return table


def resolution_ref(item: ResolutionItem, start: int, ctx: Context, *, itu: bool) -> DocumentRef | None:
    """The resolution or decision a number names; ``None`` when no UN organ numbers it so.

    A bare serial ("resolution 2216") is a Security Council number written without
    its year; under any other organ, or with no organ known, it is not a citable
    number ("chap. I, resolution 1", "a decision 2 weeks later").
    """
    kind = "decision" if item.decision else "resolution"
    if itu:
        return DocumentRef(
            kind=kind, body="International Telecommunication Union", number=item.number, title=None
        )
    body = _organ(item, start, ctx)
    bare = item.number.isdigit()
    if bare and (body is None or body.number_shape != "serial-year" or kind == "decision"):
        return None
    symbol = None
    numbered = body is not None and (bare or _shape_fits(body, item.number))
    if body is not None and body.resolution_symbol and kind == "resolution" and numbered:
        symbol = body.resolution_symbol.format(number=_symbol_number(item.number))
    known = ctx.catalogue.by_symbol(symbol) if symbol else None
    return DocumentRef(
        kind=kind,
        id=known.id if known else None,
        symbol=symbol,
        title=known.title if known else None,
        body=body.name if body else None,
        number=item.number,
    )


def _organ(item: ResolutionItem, start: int, ctx: Context) -> Body | None:
    """Named in the mention, else named before "its", else the citing organ, else the number's shape."""
    body = body_by_name(item.body)
    if body is None and item.its:
        body = body_by_name(_body_before(ctx.text, start)) or body_by_name(ctx.enacting_body)
    if body is None:
        body = _body_by_shape(item.number, body_by_name(ctx.enacting_body))
    return body


def own_symbol(number: str | None, enacting_body: str | None) -> str | None:
    """The symbol a text states for itself: its number line ("80/16.") under its organ."""
    body = body_by_name(enacting_body)
    if number is None or body is None or not body.resolution_symbol or not _shape_fits(body, number):
        return None
    return body.resolution_symbol.format(number=_symbol_number(number))


def _body_before(text: str, start: int) -> str | None:
    """An organ named just before "its": "the Human Rights Council, in its resolution …"."""
    m = _organ_before().search(text, max(0, start - _LOOKBACK), start)
    return m.group("organ") if m else None


@cache
def _organ_before() -> regex.Pattern[str]:
    aliases = [alias for body in bodies().body for alias in body.aliases if len(alias) > 3]
    return regex.compile(r"(?P<organ>" + alternation(aliases) + r")\W{0,3}(?:\w+\W+){0,3}$")


def _body_by_shape(number: str, own: Body | None) -> Body | None:
    """The organ whose numbers look like this one; the citing organ first.

    An organ omits its own name when it cites itself (un-conventions.md §2.3), so a
    bare serial inside a Security Council text is the Council's.
    """
    bare_sc = number.isdigit() and own is not None and own.number_shape == "serial-year"
    if own is not None and (_shape_fits(own, number) or bare_sc):
        return own
    for body in bodies().body:
        if body.resolution_symbol and body.id in ("ga", "sc", "ecosoc") and _shape_fits(body, number):
            return body
    return None


def _shape_fits(body: Body, number: str) -> bool:
    return bool(_SHAPES[body.number_shape].fullmatch(number))


# Compiled once: the module-level regex functions look their pattern up in a cache on every call.
_SPACED_ROMAN_SESSION = regex.compile(r"\s\(([IVXL]+)\)$")
_RES_COMPONENT = regex.compile(r"(?i)(?<=/)res(?=/)")
_YEAR_AT_END = regex.compile(r"\((\d{4})\)$")
_RESOLUTION_SYMBOL = regex.compile(r"(?P<prefix>A/HRC|A|S|E)/RES/(?P<number>.+)$")
_GLUED_YEAR = regex.compile(r"(?<=\d)\(")


def _symbol_number(number: str) -> str:
    """Number as it stands in a symbol: ``57/270 B``, ``1325 (2000)``, ``1514(XV)``."""
    return _SPACED_ROMAN_SESSION.sub(r"(\1)", number)


def normalise_symbol(symbol: str) -> str:
    """One canonical form: no white space, except a space before a Security Council year; RES in capitals."""
    compact = _RES_COMPONENT.sub("RES", "".join(symbol.split()))
    return str(_YEAR_AT_END.sub(r" (\1)", compact))


def symbol_ref(symbol: str, catalogue: Catalogue) -> DocumentRef:
    canonical = normalise_symbol(symbol)
    known = catalogue.by_symbol(canonical)
    m = _RESOLUTION_SYMBOL.match(canonical)
    if m:
        prefix = {
            "A": "General Assembly",
            "S": "Security Council",
            "E": "Economic and Social Council",
            "A/HRC": "Human Rights Council",
        }
        number = _GLUED_YEAR.sub(" (", m.group("number"))
        return DocumentRef(
            kind="resolution",
            id=known.id if known else None,
            symbol=canonical,
            title=known.title if known else None,
            body=prefix[m.group("prefix")],
            number=number,
        )
    return DocumentRef(
        kind=known.kind if known else "document",
        id=known.id if known else None,
        symbol=canonical,
        title=known.title if known else None,
    )


def instrument_ref(name: str, catalogue: Catalogue) -> DocumentRef | None:
    known = catalogue.by_name(name)
    if known is None:
        return None
    return _from_instrument(known, " ".join(name.split()))


def _from_instrument(inst: Instrument, written: str) -> DocumentRef:
    return DocumentRef(
        kind=inst.kind, id=inst.id, symbol=inst.symbol, title=written, body=inst.body, number=inst.number
    )


def resolve(
    mentions: Sequence[Mention],
    ctx: Context,
    paragraphs: Sequence[Paragraph],
    diagnostics: list[Diagnostic],
    depth_at: Callable[[int], int],
) -> list[Reference]:
    """Turn mentions into references, in text order."""
    refs: list[Reference] = []
    locator = _ParagraphLocator(paragraphs)
    memory = _Memory()
    for mention in mentions:
        para_id = locator.find(mention.span.start, mention.span.end)
        found = _cited(mention, ctx, para_id, memory)
        if isinstance(found, str):
            if found:
                diagnostics.append(_orphan(mention, found))
            continue
        ref = Reference(
            text=ctx.text[mention.span.start : mention.span.end],
            span=mention.span,
            document=found.document,
            pinpoints=found.pinpoints,
            within=found.within,
            paragraph_id=para_id,
            quote_depth=depth_at(mention.span.start),
        )
        memory.remember(ref)
        refs.append(ref)
    return refs


@dataclass(frozen=True, slots=True)
class _Cited:
    """What a mention was resolved to: the text (``None``: the citing text), pinpoints and part."""

    document: DocumentRef | None
    pinpoints: tuple[Pinpoint, ...] = ()
    within: str | None = None


@dataclass(slots=True)
class _Memory:
    """What was cited so far, for "paragraph 76" in prose, "thereof", "Ibid." and "the said paragraph"."""

    last: Reference | None = None  # the last reference to another text
    last_pinned: Reference | None = None  # the last reference with pinpoints, to any text
    last_of_kind: dict[str, DocumentRef] = field(default_factory=dict)  # "resolution", "decision"

    def remember(self, ref: Reference) -> None:
        if ref.pinpoints:
            self.last_pinned = ref
        if ref.document is None:
            return
        self.last = ref
        self.last_of_kind[ref.document.kind] = ref.document

    def nearby(self, start: int, para_id: str | None) -> DocumentRef | None:
        """The text cited just before, if it is in the same paragraph (or close by, outside paragraphs)."""
        last = self.last
        if last is None or last.document is None:
            return None
        if para_id is not None:
            return last.document if para_id == last.paragraph_id else None
        return last.document if 0 <= start - last.span.end <= _BACKREF_REACH else None

    def continued(self, text: str, start: int, para_id: str | None) -> Reference | None:
        """The pinned reference a coordinated list continues: same paragraph, same sentence."""
        last = self.last_pinned
        if last is None or last.paragraph_id != para_id or start - last.span.end > _BACKREF_REACH:
            return None
        return None if _SENTENCE_BREAK.search(text, last.span.end, start) else last


_SENTENCE_BREAK = regex.compile(r";|\.\s+[A-Z]|\n\s*\n")


def _cited(mention: Mention, ctx: Context, para_id: str | None, memory: _Memory) -> str | _Cited:
    """What a mention cites, with the pinpoints and part it takes from what was cited before."""
    form = mention.form
    if form in ("said", "ibid", "thereof", "continued"):
        return _repeated(mention, ctx, para_id, memory)
    found = _document(mention, ctx, para_id, memory)
    if isinstance(found, str):
        return found
    return _Cited(found, mention.pinpoints, mention.within)


def _repeated(mention: Mention, ctx: Context, para_id: str | None, memory: _Memory) -> str | _Cited:
    """Forms that repeat what was cited before: the text, and its part and pinpoints where they say so."""
    form = mention.form
    if form == "said":  # "the said paragraph": the pinpoints cited before, in the text they were cited in
        before = memory.last_pinned
        if before is None:
            return f"{mention.name!r} with no paragraph cited before it"
        return _Cited(before.document, before.pinpoints, before.within)
    if form == "continued":  # "..., as well as paragraphs 13 and 14": the text and part cited before
        before = memory.continued(ctx.text, mention.span.start, para_id)
        if before is not None:
            return _Cited(before.document, mention.pinpoints, mention.within or before.within)
        found = _document(mention, ctx, para_id, memory)  # no list to continue: a bare pinpoint
        return found if isinstance(found, str) else _Cited(found, mention.pinpoints, mention.within)
    last = memory.last
    if form == "thereof" and memory.nearby(mention.span.start, para_id) is None:
        last = None  # "thereof" is the text just named, in the same paragraph, or nothing resolex knows
    if last is None or last.document is None:
        return f"{mention.name or 'thereof'!r} with no text cited before it"
    if form == "ibid" and not mention.pinpoints:  # "Ibid." alone repeats the whole citation
        return _Cited(last.document, last.pinpoints, mention.within or last.within)
    return _Cited(last.document, mention.pinpoints, mention.within or last.within)


def _document(
    mention: Mention, ctx: Context, para_id: str | None, memory: _Memory
) -> str | DocumentRef | None:
    """What a mention cites (``None``: the text itself), or why it is no reference (a string)."""
    if mention.form == "self":
        return "" if _decision_in_resolution(mention, ctx) else None
    if mention.form == "resolution" and mention.resolution is not None:
        return resolution_ref(mention.resolution, mention.span.start, ctx, itu=mention.itu) or ""
    if mention.form == "symbol" and mention.name:
        return symbol_ref(mention.name, ctx.catalogue)
    if mention.form in ("instrument", "contextual") and mention.name:
        return instrument_ref(mention.name, ctx.catalogue) or ""
    if mention.form == "standalone" and mention.name:
        return (instrument_ref(mention.name, ctx.catalogue) if ctx.is_resolution else None) or ""
    if mention.form == "anaphor":  # "the same resolution", "that decision", "paragraph 3 of the resolution"
        kind = "decision" if mention.name and "decision" in mention.name.lower() else "resolution"
        return memory.last_of_kind.get(kind) or f"'the {kind}' with no {kind} cited before it"
    if mention.form == "backref" and (near := memory.nearby(mention.span.start, para_id)) is not None:
        return near  # "report (S/2006/997) on ..., including paragraphs 21, 22 and 23"
    if mention.form == "footnote":  # "(A/64/27), para. 18": never the citing text's own paragraph
        return (
            memory.nearby(mention.span.start, para_id) or "a footnote pinpoint with no text cited before it"
        )
    if ctx.is_resolution or para_id is not None:
        return None  # a bare "paragraph 1" inside a resolution: its own paragraph
    last = memory.last
    return last.document if last is not None else "a paragraph is cited with no text named before it"


def _decision_in_resolution(mention: Mention, ctx: Context) -> bool:
    """'this decision' in a General Assembly or Security Council text is some other decision.

    Those organs' decisions are not issued as texts of their own (un-conventions.md §1.1),
    so a text with their enacting formula is a resolution and never calls itself a decision.
    """
    organ = body_by_name(ctx.enacting_body)
    return bool(mention.name and "decision" in mention.name.lower() and organ and organ.id in ("ga", "sc"))


def _orphan(mention: Mention, why: str) -> Diagnostic:
    return Diagnostic(code="RX021", severity="warning", message=f"not linked: {why}", span=mention.span)


class _ParagraphLocator:
    """Which paragraph a span sits in (paragraphs are sorted and do not overlap)."""

    def __init__(self, paragraphs: Sequence[Paragraph]) -> None:
        self.paragraphs = sorted(paragraphs, key=lambda p: p.span.start)
        self.starts = [p.span.start for p in self.paragraphs]

    def find(self, start: int, end: int) -> str | None:
        i = bisect_right(self.starts, start) - 1
        if i >= 0 and self.paragraphs[i].span.end >= end:
            return self.paragraphs[i].id
        return None
