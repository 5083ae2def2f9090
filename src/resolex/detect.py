"""Detect: find reference mentions in normalised text.

One compiled pattern (from ``data/patterns.toml``, with the catalogue's names and
the organs' names filled in) finds each mention; small parsers then split its
named parts: pinpoint lists with ranges, resolution lists with a year that
carries backwards, the target. The result is a list of :class:`Mention`, not yet
tied to a document or resolved to an instrument.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

import regex

from resolex.catalogue import Catalogue
from resolex.models import Diagnostic, Pinpoint, PinpointUnit, Span
from resolex.patterns import alternation, bodies, expand, pattern_file

TargetForm = Literal["self", "resolution", "symbol", "instrument", "contextual", "none", "thereof"]

MAX_RANGE = 500


@dataclass(frozen=True, slots=True)
class ResolutionItem:
    """One number of a resolution list, with what the list says about it."""

    number: str
    body: str | None  # an organ named in the mention, if any
    its: bool  # "its resolution": the organ of the citing text
    decision: bool


@dataclass(frozen=True, slots=True)
class Mention:
    """A reference as found in the text, before it is resolved."""

    span: Span
    form: TargetForm
    pinpoints: tuple[Pinpoint, ...] = ()
    name: str | None = None  # instrument name or symbol as written
    resolution: ResolutionItem | None = None
    itu: bool = False


class Detector:
    """The compiled reference pattern for one catalogue."""

    def __init__(self, catalogue: Catalogue) -> None:
        data = pattern_file()
        names = [n for i in catalogue.instruments for n in (i.title, *i.aliases)]
        abbreviations = [n for i in catalogue.instruments for n in i.abbreviations]
        contextual = [n for i in catalogue.instruments for n in i.contextual]
        body_names = [a for b in bodies().body for a in b.aliases]
        dynamic = dict(data.placeholders)
        dynamic["instrument"] = _names_pattern(names, abbreviations)
        dynamic["contextual"] = _names_pattern([], contextual) if contextual else "(?!)"
        dynamic["body"] = "(?P<bodyname>" + alternation(body_names) + ")"
        parts = {e.name: expand(e.pattern, dynamic) for e in data.pattern}
        self.pattern = regex.compile(
            r"(?<![\w/-])(?:(?P<m_article>" + parts["article"] + ")|(?P<m_pinned>" + parts["pinned"]
            + ")|(?P<m_target>" + parts["target"] + "))",
            regex.VERBOSE,
        )
        self.pin = regex.compile(expand("{pin}", dynamic), regex.VERBOSE)
        self.resitem = regex.compile(expand("{resnum}", dynamic) + "(?:" + expand("{date}", dynamic) + ")?", regex.VERBOSE)
        self.itu = regex.compile(expand("{itu}", dynamic), regex.VERBOSE)
        self.contextual_names = contextual
        self.catalogue = catalogue

    def find(self, text: str, diagnostics: list[Diagnostic]) -> list[Mention]:
        mentions: list[Mention] = []
        for m in self.pattern.finditer(text, timeout=_timeout(text)):
            mentions.extend(self._mentions(m, diagnostics))
        return mentions

    # --- one match to mentions -------------------------------------------------

    def _mentions(self, m: regex.Match[str], diagnostics: list[Diagnostic]) -> list[Mention]:
        span = _trimmed(m)
        if m.group("m_article") is not None:
            pins = self._pinpoints(m, "pins", diagnostics, unit="article")
            if m.group("artpara"):
                sub = self._pinpoints(m, "artpara", diagnostics)
                pins = tuple(Pinpoint(unit="article", paragraph=p.paragraph, subparagraph=s.paragraph) for p in pins for s in sub)
            return [self._target_mention(m, span, pins)]
        if m.group("m_pinned") is not None:
            pins = self._pinpoints(m, "pins", diagnostics)
            if m.group("selfpos"):
                word = m.group("selfpos").strip().lower()
                return [Mention(span, "thereof" if word == "thereof" else "self", pins)]
            if m.group("selfdoc") or m.group("reslist") or m.group("symbol") or m.group("inst") or m.group("ctx"):
                return [self._target_mention(m, span, pins)]
            if _cites_unknown_text(m.string, span):
                return []
            return [Mention(span, "none", pins)]
        after = self._pinpoints(m, "after", diagnostics) if m.group("after") else ()
        if m.group("reslist") is not None:
            return self._resolution_mentions(m, after)
        out = [self._target_mention(m, span, after)]
        if m.group("andctx"):
            ctx_start = m.start("andctx") + len(m.group("andctx")) - len(m.group("andctx").lstrip())
            name = regex.sub(r"^\s*and\s+", "", m.group("andctx"))
            first = out[0]
            out = [
                Mention(Span(start=m.start(), end=m.end("inst")), first.form, first.pinpoints, first.name),
                Mention(Span(start=ctx_start + (len(m.group("andctx").lstrip()) - len(name)), end=m.end("andctx")), "contextual", (), name),
            ]
        return out

    def _target_mention(self, m: regex.Match[str], span: Span, pins: tuple[Pinpoint, ...]) -> Mention:
        if m.group("selfdoc"):
            return Mention(span, "self", pins)
        if m.group("symbol"):
            return Mention(span, "symbol", pins, name=m.group("symbol"))
        if m.group("inst"):
            return Mention(span, "instrument", pins, name=m.group("inst"))
        if m.group("ctx"):
            return Mention(span, "contextual", pins, name=m.group("ctx"))
        items = self._resolution_items(m)
        if not items:
            return Mention(span, "none", pins)
        first = items[0][0]
        return Mention(span, "resolution", pins, resolution=first, itu=bool(self.itu.fullmatch(first.number)))

    def _resolution_mentions(self, m: regex.Match[str], after: tuple[Pinpoint, ...]) -> list[Mention]:
        items = self._resolution_items(m)
        out: list[Mention] = []
        for n, (item, (start, end)) in enumerate(items):
            begin = m.start() if n == 0 else start
            last = n == len(items) - 1
            stop = m.end() if last and after else end
            pins = after if last else ()
            out.append(
                Mention(Span(start=begin, end=stop), "resolution", pins, resolution=item, itu=bool(self.itu.fullmatch(item.number)))
            )
        return out

    def _resolution_items(self, m: regex.Match[str]) -> list[tuple[ResolutionItem, tuple[int, int]]]:
        head_end = m.start("reslist")
        listed = m.group("reslist")
        body = m.group("bodyname") if m.start("bodyname") >= head_end else None
        head = regex.match(r"(?:.*?\s)?(?P<its>its|their)?\s*(?:own\s+)?(?P<word>(?i:resolutions?|decisions?|res\.))", listed, regex.DOTALL)
        its = bool(head and head.group("its"))
        decision = bool(head and head.group("word").lower().startswith("decision"))
        found: list[tuple[str, int, int]] = []
        head_len = head.end() if head else 0
        for im in self.resitem.finditer(listed, head_len):
            found.append((im.group(), head_end + im.start(), head_end + im.end()))
        numbers = _carry_years([_number_only(t) for t, _, _ in found])
        shaped = any(not n.isdigit() for n in numbers)
        return [
            (ResolutionItem(number, body, its, decision), (start, end))
            for number, (_, start, end) in zip(numbers, found, strict=True)
            if not (shaped and number.isdigit())  # "58/318; 31. Encourages": a bare number is no item here
        ]

    def _pinpoints(
        self, m: regex.Match[str], group: str, diagnostics: list[Diagnostic], unit: PinpointUnit = "paragraph"
    ) -> tuple[Pinpoint, ...]:
        text = m.group(group)
        offset = m.start(group)
        head = text.lstrip(" ,(").lower()
        if unit == "paragraph" and ("preambular" in head or head.startswith("pp")):
            unit = "preambular"
        items = [(pm.group(), pm.start(), pm.end()) for pm in self.pin.finditer(text)]
        pins: list[Pinpoint] = []
        for k, (item, _start, end) in enumerate(items):
            pin = _pinpoint(item, unit)
            if k and _is_range(text[items[k - 1][2] : items[k][1]]):
                lo, hi = _as_int(pins[-1].paragraph), _as_int(pin.paragraph)
                if lo is not None and hi is not None and lo < hi <= lo + MAX_RANGE and not pins[-1].subparagraph:
                    pins.extend(Pinpoint(unit=unit, paragraph=str(n)) for n in range(lo + 1, hi))
                elif lo is not None and hi is not None and hi <= lo:
                    diagnostics.append(
                        Diagnostic(
                            code="RX030", severity="warning",
                            message=f"range {lo} to {hi} runs backwards; kept its two ends only",
                            span=Span(start=offset + items[k - 1][1], end=offset + end),
                        )
                    )
            pins.append(pin)
        return tuple(pins)


_UNKNOWN_AFTER = regex.compile(r"\s*,?\s*(?:of|in|to)\s+(?:the\s+|its\s+|that\s+|this\s+)?[^\W\d]", regex.IGNORECASE)
_ARTICLE_BEFORE = regex.compile(r"(?i:article|art\.)\s*\d+[a-z]?\s*,\s*$")


def _cites_unknown_text(text: str, span: Span) -> bool:
    """ "paragraph 3 of the Rome Statute", "article 12, paragraph 3": not this text's own paragraph."""
    if _UNKNOWN_AFTER.match(text, span.end) and not regex.match(r"\s*,?\s*(?:of|in)\s+(?:this|the\s+present)\b", text[span.end : span.end + 30], regex.IGNORECASE):
        return True
    return bool(_ARTICLE_BEFORE.search(text, max(0, span.start - 30), span.start))


def _names_pattern(names: list[str], abbreviations: list[str]) -> str:
    parts = []
    if names:
        parts.append("(?i:" + alternation(names) + ")")
    if abbreviations:
        parts.append(alternation(abbreviations))
    return "(?:" + "|".join(parts) + r")(?![\w-])"


def _timeout(text: str) -> float:
    """A last guard against pathological input: generous, and scaled to the text."""
    return 5.0 + len(text) / 200_000


def _trimmed(m: regex.Match[str]) -> Span:
    start, end = m.start(), m.end()
    text = m.string
    while end > start and text[end - 1] in " \n,":
        end -= 1
    return Span(start=start, end=end)


_SUB = regex.compile(r"\(\s?([a-z]{1,2}|[ivxl]{1,6})\s?\)|(?<=\s|^)([a-z]|[ivx]{1,4})\)")


def _pinpoint(item: str, unit: PinpointUnit) -> Pinpoint:
    number = regex.match(r"\d{1,3}(?:\s?(?:bis|ter|quater))?", item)
    assert number is not None
    labels = [a or b for a, b in _SUB.findall(item[number.end() :])]
    return Pinpoint(
        unit=unit,
        paragraph=number.group().replace(" ", ""),
        subparagraph=labels[0] if labels else None,
        item=labels[1] if len(labels) > 1 else None,
    )


def _is_range(separator: str) -> bool:
    sep = separator.strip().lower()
    return sep in ("-", "to", "through", "until", "till")


def _as_int(number: str) -> int | None:
    return int(number) if number.isdigit() else None


_DATE_TAIL = regex.compile(r"\s*,?\s+(?:of|dated|adopted\s+on)\s+.*$", regex.DOTALL)


def _number_only(item: str) -> str:
    """The resolution number without its date, spaces normalised: ``1325 (2000)``."""
    number = _DATE_TAIL.sub("", item).strip()
    number = regex.sub(r"\s+", " ", number)
    return regex.sub(r"(?<=\d|[A-Z])\(", " (", number)


def _carry_years(numbers: list[str]) -> list[str]:
    """A year in a list applies to the bare numbers before it: ``2712, 2720 (2023)``."""
    out = list(numbers)
    year: str | None = None
    for k in range(len(out) - 1, -1, -1):
        m = regex.fullmatch(r"\d{1,4}(?:\s?[A-Z])?\s\(((?:19|20)\d{2})\)", out[k])
        if m:
            year = m.group(1)
        elif year and regex.fullmatch(r"\d{1,4}", out[k]):
            out[k] = f"{out[k]} ({year})"
        else:
            year = None if "/" in out[k] else year
    return out


@lru_cache(maxsize=8)
def detector_for(catalogue: Catalogue) -> Detector:
    """Compile once per catalogue (catalogues are immutable values)."""
    return Detector(catalogue)
