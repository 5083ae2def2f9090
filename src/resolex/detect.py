"""Detect: find reference mentions in normalised text.

One compiled pattern (from ``data/patterns.toml``, with the catalogue's names and
the organs' names filled in) finds each mention; small parsers then split its
named parts: pinpoint lists with ranges, resolution lists with a year that
carries backwards, the target. The result is a list of :class:`Mention`, not yet
tied to a document or resolved to an instrument.

Some decisions need the words around a match, not just the match: a name right
after "entitled" is a title, pinpoints inside a quoted title are the title's, a
pinpoint after "including" or after a footnote's closing parenthesis belongs to
the text cited just before. Those look-arounds are placeholders of
patterns.toml too (``Detector.OWN_PLACEHOLDERS``), compiled here on their own.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

import regex

from resolex.candidates import LOOKBACK, CandidateFinder, WordLists
from resolex.catalogue import Catalogue
from resolex.models import Diagnostic, Pinpoint, PinpointUnit, Span
from resolex.patterns import PatternsFile, alternation, bodies, expand, pattern_file, trie

# self: the citing text; thereof / anaphor / backref / footnote / ibid: the text (resolution) cited
# before; said: the pinpoints cited before; continued: a list coordinated with the pinpoints cited
# before ("..., as well as paragraphs 13 and 14"); standalone: a contextual name alone, a reference
# only inside a resolution; none: decided by context
TargetForm = Literal[
    "self",
    "resolution",
    "symbol",
    "instrument",
    "contextual",
    "standalone",
    "none",
    "thereof",
    "anaphor",
    "backref",
    "footnote",
    "said",
    "ibid",
    "continued",
]

MAX_RANGE = 500
MAX_LABEL_RANGE = 26


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
    name: str | None = None  # instrument name, symbol, self or anaphor phrase ("this decision") as written
    resolution: ResolutionItem | None = None
    itu: bool = False
    within: str | None = None  # the part of the cited text: "annex", "annex_II", "chp_VII" (Reference.within)


_HEAD = regex.compile(
    r"(?<![\w-])(?:(?P<its>its|their|sa|ses|leur|leurs|su|sus|сво[а-яё]{0,3})\s+(?:own\s+)?)?"
    r"(?P<word>resolutions?|decisions?|res\b\.?|(?P<scr>UNSCRs?)|résolutions?|décisions?|resoluci(?:ón|ones)|decisi(?:ón|ones)"
    r"|резолюци[а-я]{0,3}|решени[а-я]{0,3})"
    # Arabic: "its" is written onto the word ("قرارها", "مقرره")
    r"|(?<![\w-])(?:ال|لل)?(?P<word>قرار|مقرر)(?:ات|ين|ان)?(?P<its>ها|ه)?(?!\p{Arabic})",
    regex.IGNORECASE,
)
_DECISION_WORDS = ("decision", "décision", "decisi", "решени", "مقرر")
# Chinese writes the word after the numbers, "its" (其) before them: "其第194(III)号决议"
_ZH_ARTICLE_PARAGRAPH = regex.compile(r"条第\s?\S{1,6}?\s?[款项]$")
_ZH_TAIL = regex.compile(r"号\s?(?P<word>决议|决定)$")
_SC_ALIAS = "UNSC"  # the organ that "UNSCR" names (an alias in bodies.toml)
_ORDINALS = ("ordinal", "ordinal_fr", "ordinal_es")  # placeholders of patterns.toml
_PREAMBLE_WORDS = ("preambular", "préambule", "preámbulo")
_ORDINAL_RANGE = ("to", "à", "a")  # "eighth to twelfth", "huitième à douzième", "octavo a duodécimo"
# Where a mention may start: at a word start; in Arabic, after a conjunction or preposition written
# onto the word ("والفقرة 35", "بالقرار 60/252": the mention is "الفقرة 35", "القرار 60/252"); in
# Chinese, written without spaces, at any character ("回顾《突尼斯议程》", "回顾第5段").
_BOUNDARY = r"(?:(?<![\w/-])(?:[وفبكل]{1,2}\K)?|(?=[\p{Han}《]))"


class Detector:
    """The compiled reference pattern for one catalogue."""

    # Placeholders detect.py compiles on their own to split a match into its parts.
    OWN_PLACEHOLDERS = (
        "pin",
        "secnum",
        "sublabel",
        "resnum",
        "date",
        "itu",
        "title_lead",
        "quoted_title",
        "backref_lead",
        "footnote_lead",
        "clause_lead",
        "ordinal",
        "continue_lead",
        "range_word",
    )
    # The entries of patterns.toml, in the order they are tried at one position.
    ENTRIES = ("article", "section", "pinned", "target", "anaphor", "clause")
    # Named groups the code below reads from a match of ``pattern``.
    GROUPS = (
        "m_article",
        "m_pinned",
        "m_target",
        "m_clause",
        "m_section",
        "m_anaphor",
        "chapter",
        "annexpart",
        "thereto",
        "said",
        "ibid",
        "secs",
        "ordinal",
        "ordinal2",
        "ordinal_sep",
        "pins",
        "artpara",
        "subof",
        "selfpos",
        "selfdoc",
        "anaphor",
        "reslist",
        "bodyname",
        "symbol",
        "inst",
        "ctx",
        "andctx",
        "alone",
        "after",
    )

    def __init__(self, catalogue: Catalogue) -> None:
        data = pattern_file()
        dynamic = dict(data.placeholders) | _dynamic_placeholders(catalogue)
        parts = {e.name: expand(e.pattern, dynamic) for e in data.pattern}
        self._parts = parts
        tried = "|".join(f"(?P<m_{name}>{parts[name]})" for name in self.ENTRIES)
        self.pattern = regex.compile(_BOUNDARY + "(?:" + tried + ")", regex.VERBOSE)
        # a pinpoint, or an article's number in Chinese characters ("第十九条")
        self.pin = regex.compile(expand("{pin}|(?<=第\\s?){zhnum}", dynamic), regex.VERBOSE)
        self.secnum = regex.compile(expand("{secnum}", dynamic), regex.VERBOSE)
        self.sublabel = regex.compile(expand("{sublabel}", dynamic), regex.VERBOSE)
        self.resitem = regex.compile(expand("{resnum}(?:{date})?", dynamic), regex.VERBOSE)
        self.itu = regex.compile(expand("{itu}", dynamic), regex.VERBOSE)
        self.title_lead = regex.compile(expand("(?:{title_lead})$", dynamic), regex.VERBOSE)
        self.quoted_title = regex.compile(expand("{quoted_title}", dynamic), regex.VERBOSE)
        self.backref_lead = regex.compile(expand("(?:{backref_lead})$", dynamic), regex.VERBOSE)
        self.footnote_lead = regex.compile(expand("(?:{footnote_lead})$", dynamic), regex.VERBOSE)
        self.clause_lead = regex.compile(expand("(?:{clause_lead})$", dynamic), regex.VERBOSE)
        self.continue_lead = regex.compile(expand("(?:{continue_lead})$", dynamic), regex.VERBOSE)
        self.range_word = regex.compile(expand("(?:{range_word})", dynamic), regex.VERBOSE | regex.IGNORECASE)
        self.symbol = regex.compile(expand("{symbol}", dynamic), regex.VERBOSE)  # a document symbol alone
        self.ordinals = {  # the n-th word of each list means n: "eleventh", "onzième", "undécimo"
            w: n for key in _ORDINALS for n, w in enumerate(dynamic[key].split("|"), start=1)
        }
        self.candidates = _candidate_finder(data, catalogue)
        self.catalogue = catalogue

    def matches(self, text: str, stopped: list[int] | None = None) -> Iterator[regex.Match[str]]:
        """The pattern's matches, tried only at start words shortly before an anchor.

        Every mention opens with a start word and holds an anchor at most ``LOOKBACK``
        characters after its start (candidates.py finds both in one pass); trying the long
        alternation only there keeps detection cheap. Matches are taken leftmost first and
        never overlap, as ``finditer`` would take them; tests check both give the same mentions.
        A pattern that runs past its time limit (``_timeout``: the last guard against input
        that makes it backtrack) ends the search there; the place is put in ``stopped``.
        """
        scan = self.candidates.scan(text)
        starts = scan.starts
        last_end = 0
        k = 0  # starts[k] is the first start word not tried yet
        deadline = _timeout(text)
        for anchor in scan.anchors:
            if anchor < last_end:
                continue
            lowest = max(last_end, anchor - LOOKBACK)
            while k < len(starts) and starts[k] < lowest:
                k += 1
            while k < len(starts) and starts[k] <= anchor:
                start = starts[k]
                k += 1
                try:
                    m = self.pattern.match(text, start, timeout=deadline)
                except TimeoutError:
                    if stopped is not None:
                        stopped.append(start)
                    return
                if m is not None and m.end() > m.start():
                    yield m
                    last_end = m.end()
                    if last_end > anchor:
                        break
                    while k < len(starts) and starts[k] < last_end:
                        k += 1

    def entry_pattern(self, name: str) -> regex.Pattern[str]:
        """One entry of patterns.toml alone, compiled as the detector sees it (for tests and tools)."""
        return regex.compile(_BOUNDARY + "(?:" + self._parts[name] + ")", regex.VERBOSE)

    def find(self, text: str, diagnostics: list[Diagnostic], *, full_scan: bool = False) -> list[Mention]:
        """Every mention in ``text``, in order (matches do not overlap).

        The pattern is tried only near anchor words (``matches``); ``full_scan`` tries
        it at every position instead, the slow reference the tests compare against.
        """
        mentions: list[Mention] = []
        stopped: list[int] = []
        found = (
            self.pattern.finditer(text, timeout=_timeout(text)) if full_scan else self.matches(text, stopped)
        )
        try:
            for m in found:
                mentions.extend(self._mentions(m, diagnostics))
        except TimeoutError:  # (the full scan's finditer)
            stopped.append(mentions[-1].span.end if mentions else 0)
        if stopped:
            diagnostics.append(_stopped(text, stopped[0]))
        mentions = _shared_targets(text, mentions)
        titles = [(t.start("title"), t.end("title")) for t in self.quoted_title.finditer(text)]
        return [x for x in mentions if not _unnamed_in_title(x, titles)] if titles else mentions

    # --- one match to mentions -------------------------------------------------

    def _mentions(self, m: regex.Match[str], diagnostics: list[Diagnostic]) -> list[Mention]:
        """The mentions of one match (a list of resolutions gives several, a discarded match none)."""
        if m.group("m_article") is not None:
            return self._article_mentions(m, diagnostics)
        if m.group("m_pinned") is not None:
            return self._pinned_mentions(m, diagnostics)
        if m.group("m_section") is not None:
            return self._section_mentions(m)
        if m.group("m_target") is not None:
            return self._target_mentions(m, diagnostics)
        if m.group("m_anaphor") is not None:
            return self._anaphor_mentions(m, diagnostics)
        return self._clause_mentions(m, diagnostics)

    def _anaphor_mentions(self, m: regex.Match[str], diagnostics: list[Diagnostic]) -> list[Mention]:
        """'the said paragraph' repeats the pinpoints cited before; 'Ibid.' the citation before."""
        if m.group("said"):
            return [Mention(_trimmed(m), "said", name=m.group("said"))]
        pins = self._pinpoints(m, "after", diagnostics) if m.group("after") else ()
        return [Mention(_trimmed(m), "ibid", pins, name=m.group("ibid"))]

    def _clause_mentions(self, m: regex.Match[str], diagnostics: list[Diagnostic]) -> list[Mention]:
        """'referred to in resolves 8 above': an ITU text's own clause, cited after a preposition.

        Without the preposition the verb is the text's own ('The Assembly decides above all').
        The clause is the part cited (``within``): item 8 under *resolves* is ``resolves__para_8``.
        """
        if not self.clause_lead.search(m.string, max(0, m.start() - 12), m.start()):
            return []
        pins = self._pinpoints(m, "pins", diagnostics) if m.group("pins") else ()
        clause = _NON_ID.sub("_", m.group("clause").lower()).strip("_")
        return [Mention(_trimmed(m), "self", pins, within=clause)]  # segment's ids: resolves__para_8

    def _article_mentions(self, m: regex.Match[str], diagnostics: list[Diagnostic]) -> list[Mention]:
        """'Article 2, paragraph 4, of the Charter': the paragraph narrows the article."""
        pins = self._pinpoints(m, "pins", diagnostics, unit="article")
        if m.group("artpara"):
            sub = self._pinpoints(m, "artpara", diagnostics)
            pins = tuple(
                Pinpoint(unit="article", paragraph=p.paragraph, subparagraph=s.paragraph)
                for p in pins
                for s in sub
            )
        mention = self._target_mention(m, _trimmed(m), pins)
        return [] if mention is None else [mention]

    def _section_mentions(self, m: regex.Match[str]) -> list[Mention]:
        """'sections II and IV of its resolution 67/254 A', 'Chapter VII of the Charter'.

        Sections are pinpoints; a chapter is a part the reference is within (``chp_VII``),
        after the annex it is in, if any ("chapter II of the annex": ``annex__chp_II``).
        """
        within = self._within(m)
        if m.group("chapter"):
            pins: tuple[Pinpoint, ...] = ()
            within = "__".join(filter(None, (within, f"chp_{m.group('chapter')}")))
        else:
            pins = tuple(
                Pinpoint(unit="section", paragraph=s.group()) for s in self.secnum.finditer(m.group("secs"))
            )
        return self._contextual_mentions(m, _trimmed(m), pins, within)

    def _within(self, m: regex.Match[str]) -> str | None:
        """The annex a match names, as segment prefixes its paragraphs: ``annex``, ``annex_II``.

        "the annexes to this decision" names no single part, so no prefix.
        """
        written = m.group("annexpart")
        if not written:
            return None
        part = _ANNEX_PART.search(written)
        if part is None or (part.group("plural") and not part.group("n")):
            return None
        return f"annex_{part.group('n').upper()}" if part.group("n") else "annex"

    def _contextual_mentions(
        self, m: regex.Match[str], span: Span, pins: tuple[Pinpoint, ...], within: str | None
    ) -> list[Mention]:
        """Pinpoints or a part, with what they belong to: a position word, a text cited before, a name."""
        if m.group("selfpos"):
            word = m.group("selfpos").strip(" ,\n\t").lower()
            return [Mention(span, "thereof" if word == "thereof" else "self", pins, within=within)]
        if m.group("thereto"):
            return [Mention(span, "thereof", pins, within=within)]
        if m.group("anaphor"):
            return [Mention(span, "anaphor", pins, name=m.group("anaphor"), within=within)]
        if any(m.group(g) for g in ("selfdoc", "reslist", "symbol", "inst", "ctx")):
            mention = self._target_mention(m, span, pins, within)
            return [] if mention is None else [mention]
        if _cites_unknown_text(m.string, span):
            return []
        if self.backref_lead.search(m.string, max(0, span.start - 20), span.start):
            return [Mention(span, "backref", pins, within=within)]
        if self.footnote_lead.search(m.string, max(0, span.start - 80), span.start):
            return [Mention(span, "footnote", pins, within=within)]
        if pins and self.continue_lead.search(m.string, max(0, span.start - 16), span.start):
            return [Mention(span, "continued", pins, within=within)]
        return [Mention(span, "none", pins, within=within)]

    def _pinned_mentions(self, m: regex.Match[str], diagnostics: list[Diagnostic]) -> list[Mention]:
        """Pinpoints, then what they belong to; with nothing named, the reader decides later."""
        pins = self._ordinal(m) if m.group("ordinal") else self._pinpoints(m, "pins", diagnostics)
        if m.group("subof"):
            pins = self._narrowed(m.group("subof"), pins)
        within = self._within(m)
        if m.group("secpre"):  # "section V, paragraph 31, thereof": paragraph 31 of section V
            within = "__".join(filter(None, (within, f"sec_{m.group('secpre')}")))
        return self._contextual_mentions(m, _trimmed(m), pins, within)

    def _target_mentions(self, m: regex.Match[str], diagnostics: list[Diagnostic]) -> list[Mention]:
        """A cited text named first (or the annex of one), with the pinpoints written after it."""
        after = self._pinpoints(m, "after", diagnostics) if m.group("after") else ()
        if after and _ZH_ARTICLE_PARAGRAPH.search(m.group("after")):  # "第四条第二项": article 4 (2)
            article, paragraph = after[0], after[-1]
            after = (Pinpoint(unit="article", paragraph=article.paragraph, subparagraph=paragraph.paragraph),)
        within = self._within(m)
        if m.group("thereto"):
            return [Mention(_trimmed(m), "thereof", after, within=within)]
        if m.group("anaphor"):
            return [Mention(_trimmed(m), "anaphor", after, name=m.group("anaphor"), within=within)]
        if m.group("reslist") is not None:
            return self._resolution_mentions(m, after, within)
        if m.group("inst") and self.title_lead.search(m.string, max(0, m.start() - 16), m.start()):
            return []  # the title of the text cited just before, not a citation of its own
        first = self._target_mention(m, _trimmed(m), after, within)
        if first is None:
            return []
        if not m.group("andctx"):
            return [first]
        return [_replace_span(first, m.start(), m.end("inst")), self._and_contextual(m)]

    def _and_contextual(self, m: regex.Match[str]) -> Mention:
        """'Geneva Declaration of Principles and Plan of Action': the second name is a text too."""
        joined = m.group("andctx")
        name = _AND_LEAD.sub("", joined)
        return Mention(Span(start=m.end("andctx") - len(name), end=m.end("andctx")), "contextual", (), name)

    def _target_mention(
        self, m: regex.Match[str], span: Span, pins: tuple[Pinpoint, ...], within: str | None = None
    ) -> Mention | None:
        """The cited text a match names, by whichever group matched; ``None`` for an empty list."""
        for group, form in _NAMED_FORMS:
            if m.group(group):
                return Mention(span, form, pins, name=m.group(group), within=within)
        items = self._resolution_items(m)
        if not items:
            return None
        first = items[0][0]
        itu = bool(self.itu.fullmatch(first.number))
        return Mention(span, "resolution", pins, resolution=first, itu=itu, within=within)

    def _resolution_mentions(
        self, m: regex.Match[str], after: tuple[Pinpoint, ...], within: str | None
    ) -> list[Mention]:
        """One mention per number of a list; what is written after the list goes with its last item.

        An annex written before the list ("the annex to resolution 70/125") is the first item's;
        one written after it ("resolution 79/233, annex"), the last item's.
        """
        items = self._resolution_items(m)
        annex_first = within is not None and m.start("annexpart") < m.start("reslist")
        # what follows a list is its last item's: pinpoints, an annex, "of the Human Rights Council"
        tail_end = _trimmed_end(m.string, m.start(), m.end())
        if not after and (within is None or annex_first):
            tail_end = _trimmed_end(m.string, m.start(), m.end("reslist"))
        out: list[Mention] = []
        for n, (item, (start, end)) in enumerate(items):
            last = n == len(items) - 1
            span = Span(start=m.start() if n == 0 else start, end=max(end, tail_end) if last else end)
            part = within if (n == 0 if annex_first else last) else None
            itu = bool(self.itu.fullmatch(item.number))
            out.append(
                Mention(span, "resolution", after if last else (), resolution=item, itu=itu, within=part)
            )
        return out

    def _resolution_items(self, m: regex.Match[str]) -> list[tuple[ResolutionItem, tuple[int, int]]]:
        """The numbers of a resolution list with their spans, years carried back to bare numbers."""
        head_end = m.start("reslist")
        listed = m.group("reslist")
        body = m.group("bodyname") if m.start("bodyname") >= head_end else None
        zh = _ZH_TAIL.search(listed)
        if zh is not None:  # "大会其2006年3月27日第60/252号决议": the numbers from the first "第"
            first = listed.find("第")
            its, decision, numbers_from = "其" in listed[:first], zh.group("word") == "决定", first
        else:
            head = _HEAD.search(listed)
            if head and head.group("scr"):
                body = _SC_ALIAS
            its = bool(head and head.group("its"))
            decision = bool(head and head.group("word").lower().startswith(_DECISION_WORDS))
            numbers_from = head.end() if head else 0
        found: list[tuple[str, int, int]] = []
        for im in self.resitem.finditer(listed, numbers_from):
            found.append((im.group(), head_end + im.start(), head_end + im.end()))
        numbers = _carry_years([_number_only(t) for t, _, _ in found])
        shaped = any(not n.isdigit() for n in numbers)
        return [
            (ResolutionItem(number, body, its, decision), (start, end))
            for number, (_, start, end) in zip(numbers, found, strict=True)
            if not (shaped and number.isdigit())  # "58/318; 31. Encourages": a bare number is no item here
        ]

    def _ordinal(self, m: regex.Match[str]) -> tuple[Pinpoint, ...]:
        """'the eleventh preambular paragraph' is preambular paragraph 11; 'eighth to tenth' is 8, 9, 10."""
        written = m.group("pins").lower()
        unit: PinpointUnit = "preambular" if any(w in written for w in _PREAMBLE_WORDS) else "paragraph"
        first = self.ordinals[m.group("ordinal").lower()]
        last = self.ordinals[m.group("ordinal2").lower()] if m.group("ordinal2") else first
        if m.group("ordinal_sep") not in _ORDINAL_RANGE or last < first:
            numbers = sorted({first, last})
        else:
            numbers = list(range(first, last + 1))
        return tuple(Pinpoint(unit=unit, paragraph=str(n)) for n in numbers)

    def _item_range(self, first: str, rest: str, unit: PinpointUnit) -> list[Pinpoint]:
        """'129 (a) to (s)': paragraph 129, items (a) to (s) (at the deepest level written)."""
        lo = _pinpoint(first, unit)
        label = self.sublabel.search(rest)
        hi = label.group().strip("() ") if label else ""
        deepest = lo.item or lo.subparagraph or ""
        labels = _labels([f"({deepest})", f"({hi})"], f"({deepest}) to ({hi})")
        if lo.item is not None:
            return [lo.model_copy(update={"item": x}) for x in labels]
        return [lo.model_copy(update={"subparagraph": x}) for x in labels]

    def _narrowed(self, subof: str, pins: tuple[Pinpoint, ...]) -> tuple[Pinpoint, ...]:
        """'subparagraphs (a) and (b) of paragraph 4': each label narrows each paragraph."""
        labels = _labels([lm.group() for lm in self.sublabel.finditer(subof)], subof)
        return tuple(
            Pinpoint(unit=p.unit, paragraph=p.paragraph, subparagraph=label) for p in pins for label in labels
        )

    def _pinpoints(
        self, m: regex.Match[str], group: str, diagnostics: list[Diagnostic], unit: PinpointUnit = "paragraph"
    ) -> tuple[Pinpoint, ...]:
        """The pinpoints of a list, ranges expanded ('67 to 72', '108-109')."""
        text = m.group(group)
        offset = m.start(group)
        unit = _unit_of(text, unit)
        items = [(pm.group(), pm.start(), pm.end()) for pm in self.pin.finditer(text)]
        pins: list[Pinpoint] = []
        for k, (item, _start, end) in enumerate(items):
            within_item = _ITEM_RANGE.search(item)
            if within_item:  # "129 (a) to (s)": every item of the range
                pins.extend(self._item_range(item[: within_item.start()], item[within_item.start() :], unit))
                continue
            pin = _pinpoint(item, unit)
            if k and self._is_range(text[items[k - 1][2] : items[k][1]]):
                between = _range_between(pins[-1], pin, unit)
                if between is None:
                    span = Span(start=offset + items[k - 1][1], end=offset + end)
                    diagnostics.append(_backwards(pins[-1], pin, span))
                pins.extend(between or ())
            pins.append(pin)
        return tuple(pins)

    def _is_range(self, separator: str) -> bool:
        """Whether two pinpoints are the ends of a range ('67 to 72', '67-72', '67 à 72') or a list."""
        sep = separator.strip()
        return sep == "-" or self.range_word.fullmatch(sep) is not None


_UNNAMED: frozenset[TargetForm] = frozenset(
    {"self", "none", "backref", "footnote", "anaphor", "thereof", "said", "ibid", "continued"}
)


_COORDINATED = regex.compile(r"[^\S\n]*,?[^\S\n]*(?:and|or|as\s+well\s+as)\s+", regex.IGNORECASE)
# What a bare list may share with the pinned citation coordinated after it.
_SHARED: frozenset[TargetForm] = frozenset(
    {"self", "resolution", "symbol", "instrument", "contextual", "thereof", "anaphor"}
)


def _shared_targets(text: str, mentions: list[Mention]) -> list[Mention]:
    """'paragraphs 3 and 4 and paragraph 7 of resolution 60/252', 'section IV, paragraphs 22 and
    26, and section V, paragraphs 29 and 34, thereof': a bare list coordinated with a pinned
    citation right after it cites the same text (and, if it names none of its own, the same part)."""
    out = list(mentions)
    for n in range(len(out) - 2, -1, -1):
        bare, named = out[n], out[n + 1]
        if bare.form not in ("none", "continued") or named.form not in _SHARED:
            continue
        pinned = bool(bare.pinpoints and named.pinpoints)
        if not pinned or not _COORDINATED.fullmatch(text, bare.span.end, named.span.start):
            continue
        out[n] = Mention(
            bare.span,
            named.form,
            bare.pinpoints,
            named.name,
            named.resolution,
            named.itu,
            within=bare.within or named.within,
        )
    return out


def _unnamed_in_title(mention: Mention, titles: list[tuple[int, int]]) -> bool:
    """Pinpoints with no text named, inside a quoted title: the title's words, not a citation."""
    if mention.form not in _UNNAMED:
        return False
    i = bisect_right(titles, (mention.span.start, 1 << 62)) - 1  # titles are sorted and do not overlap
    return i >= 0 and titles[i][0] <= mention.span.start < titles[i][1]


def _dynamic_placeholders(catalogue: Catalogue) -> dict[str, str]:
    """The placeholders filled from other data: the catalogue's names, the organs' names.

    A resolution's title is not how running text identifies it (its number is, see
    un-conventions.md §1.2), and GA 56/183 and 60/252 are both titled "World Summit on
    the Information Society", the name of the Summit itself: only instruments are
    found by title; resolutions by the aliases the catalogue lists for them.
    """
    names = [
        n for i in catalogue.instruments for n in ((i.title,) if i.kind == "instrument" else ()) + i.aliases
    ]
    abbreviations = [n for i in catalogue.instruments for n in i.abbreviations]
    contextual = [n for i in catalogue.instruments for n in i.contextual]
    body_names = [a for b in bodies().body for a in b.aliases]
    return {
        "instrument": _names_pattern(names, abbreviations),
        "contextual": _names_pattern([], contextual) if contextual else "(?!)",
        "body": "(?P<bodyname>" + trie({_SPACE_RUN.sub(" ", b.strip()) for b in body_names}) + ")",
    }


_LIST_HEAD = regex.compile(
    r"[\s,(]*(?:(?:notably|in\s+particular|especially|including|see)\s+)?(?:its\s+)?", regex.IGNORECASE
)


def _unit_of(pins: str, unit: PinpointUnit) -> PinpointUnit:
    """What a pinpoint list cites, from the word that opens it: 'PP4', 'its Article 26'."""
    lead = _LIST_HEAD.match(pins)
    head = pins[lead.end() if lead else 0 :].lower()
    if unit == "paragraph" and ("preambular" in head[:12] or head.startswith("pp")):
        return "preambular"
    if unit == "paragraph" and (head.startswith(_ARTICLE_WORDS) or head.rstrip().endswith("条")):
        return "article"  # "its Article 26", Russian "статья", Arabic "المادة", Chinese "第十九条"
    return unit


_ARTICLE_WORDS = ("art", "стат", "الماد", "ماد", "للماد", "المواد", "مواد")


def _replace_span(mention: Mention, start: int, end: int) -> Mention:
    return Mention(
        Span(start=start, end=end), mention.form, mention.pinpoints, mention.name, within=mention.within
    )


# The groups that name a cited text, and the form each gives, in the order they are read.
_NAMED_FORMS: tuple[tuple[str, TargetForm], ...] = (
    ("selfdoc", "self"),
    ("symbol", "symbol"),
    ("inst", "instrument"),
    ("ctx", "contextual"),
    ("alone", "standalone"),
)
_ANNEX_PART = regex.compile(r"(?i:annex(?P<plural>es)?)(?:\s+(?P<n>\w+))?")


def _range_between(lo_pin: Pinpoint, hi_pin: Pinpoint, unit: PinpointUnit) -> tuple[Pinpoint, ...] | None:
    """The paragraphs strictly inside a range; ``None`` when it runs backwards."""
    lo, hi = _as_int(lo_pin.paragraph), _as_int(hi_pin.paragraph)
    if lo is None or hi is None or lo_pin.subparagraph:
        return ()
    if hi <= lo:
        return None
    if hi > lo + MAX_RANGE:
        return ()
    return tuple(Pinpoint(unit=unit, paragraph=str(n)) for n in range(lo + 1, hi))


def _backwards(lo: Pinpoint, hi: Pinpoint, span: Span) -> Diagnostic:
    return Diagnostic(
        code="RX030",
        severity="warning",
        message=f"range {lo.paragraph} to {hi.paragraph} runs backwards; kept its two ends only",
        span=span,
    )


def _labels(written: list[str], text: str) -> list[str]:
    """Sub-paragraph labels without brackets; '(a) to (d)' is expanded when both ends are single letters."""
    labels = [w.strip("() ") for w in written]
    if len(labels) == 2 and _LABEL_RANGE.search(text):
        lo, hi = labels
        if len(lo) == len(hi) == 1 and 0 < ord(hi) - ord(lo) < MAX_LABEL_RANGE:
            return [chr(c) for c in range(ord(lo), ord(hi) + 1)]
    return labels


# "paragraph 3 of the Rome Statute", not "paragraphs 13 and 14, in which it is stated"
# "paragraph 3 of the Rome Statute", "of the 2025 report"; "paragraphs 60 to 63, and in particular
# paragraph 63 (d), of the Final Document" (a list, then one item of it singled out, then the text);
# not "paragraphs 13 and 14, in which it is stated"
_INTERPOSED = r"(?:(?:and\s+)?(?:in\s+particular|including|notably|especially)\s+[^,;\n]{1,60}?\s*,?\s*)?"
# French and Spanish: "du contrat", "de la carta", "de l'accord" (the article elided or held in "du")
_UNKNOWN_AFTER = regex.compile(
    r"\s*,?\s*" + _INTERPOSED + r"(?:(?:of|in|to|de|du|des|del|من)\s+|d['’]\s?)(?!(?:which|whom|whose)\b)"
    r"(?:(?:the|its|that|this|la|le|les|el|los|las|sa|son|ses|su|sus|ce|cet|cette|ese|esa|este|esta)\s+"
    r"|l['’]\s?)?(?:\d{4}\s+)?[^\W\d]",
    regex.IGNORECASE,
)
_OWN_AFTER = regex.compile(
    r"\s*,?\s*" + _INTERPOSED + r"(?:(?:of|in)\s+(?:this|the\s+present)"
    r"|(?:de|del)\s+(?:la\s+présente|cette|la\s+presente|esta)|من\s+(?:هذا|هذه))\b",
    regex.IGNORECASE,
)
_ARTICLE_BEFORE = regex.compile(r"(?i:article|art\.)\s*\d+[a-z]?\s*,\s*$")
# Russian names the cited text in the genitive, with no word before it: "пункт 49 повестки дня"
# (agenda item 49), "пункт 5 доклада" are another text's; "пункт 5 говорит о …" is not.
_RU_GENITIVE_AFTER = regex.compile(
    r"[^\S\n]+(?!(?:выше|ниже|также|тоже)\b)\p{Cyrillic}{1,30}?(?:ого|его|ой|ей|ых|их|ов|ев|ий|ы|и|а|я)\b",
    regex.IGNORECASE,
)
# Chinese names the cited text before the pinpoint: "秘书长报告第5段" is the report's paragraph 5
_ZH_TEXT_BEFORE = regex.compile(r"(?:报告|公约|文件|协定|条约|议定书|备忘录|来文|章程|说明)[)）》]?的?\s?$")


def _cites_unknown_text(text: str, span: Span) -> bool:
    """ "paragraph 3 of the Rome Statute", "article 12, paragraph 3": not this text's own paragraph."""
    if _UNKNOWN_AFTER.match(text, span.end) and not _OWN_AFTER.match(text, span.end):
        return True
    if _RU_GENITIVE_AFTER.match(text, span.end):
        return True
    if _ZH_TEXT_BEFORE.search(text, max(0, span.start - 8), span.start):
        return True
    return bool(_ARTICLE_BEFORE.search(text, max(0, span.start - 30), span.start))


def _names_pattern(names: list[str], abbreviations: list[str]) -> str:
    """Names match in any case ("the Tunis agenda"); abbreviations only as written ("TA", not "ta")."""
    parts = []
    if names:
        parts.append("(?i:" + trie({_SPACE_RUN.sub(" ", n.strip()).lower() for n in names}) + ")")
    if abbreviations:
        parts.append(alternation(abbreviations))
    return "(?:" + "|".join(parts) + r")" + _NAME_END


_SPACE_RUN = regex.compile(r"\s+")


# A name ends where its word does; a Chinese one anywhere ("《原则宣言》的第4段", "突尼斯议程第35段").
_NAME_END = r"(?:(?<=[\p{Han}》])|(?![\w-]))"


def _candidate_finder(data: PatternsFile, catalogue: Catalogue) -> CandidateFinder:
    """The word lists of patterns.toml, completed from the names mentions are made of.

    A catalogue name opens a mention and anchors it, and is looked for whole ("United Nations
    Millennium Declaration"): its first word alone is too often a common one ("United",
    "Information", "Human"). An organ's name opens one ("General Assembly resolution 60/252").
    A distinctive word of each name anchors it too, where it stands outside a whole name.
    """
    names = {n for i in catalogue.instruments for n in (i.title, *i.aliases, *i.abbreviations, *i.contextual)}
    organs = {a for b in bodies().body for a in b.aliases}
    distinctive = {_distinctive_word(n) for n in names} - {""}
    return CandidateFinder(
        WordLists(
            anchors=_with_proclitics((*data.anchors, *sorted(distinctive), *sorted(names))),
            starts=_with_proclitics((*data.starts, *sorted(names | organs))),
            determiners=data.determiners,
            followers=data.followers,
        )
    )


# Arabic writes a conjunction or a preposition onto the next word: "والفقرة" (and the paragraph),
# "بالقرار" (by the resolution), "لقرارها" (to its resolution); "ل" takes the article's alif
# ("للفقرة"). A mention starts after them (_BOUNDARY); its word is found where the written word starts.
_BEFORE_ARTICLE = ("و", "ف", "ب", "ك", "وب", "فب", "وك", "فك")
_BEFORE_WORD = ("و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك")


def _with_proclitics(words: tuple[str, ...]) -> tuple[str, ...]:
    """The listed words, and each Arabic one with the proclitics that may be written onto it."""
    out = list(words)
    for word in words:
        if not _ARABIC_WORD.match(word):
            continue
        if word.startswith("ال"):
            out += [p + word for p in _BEFORE_ARTICLE] + [p + word[1:] for p in ("ل", "ول", "فل")]
        else:
            out += [p + word for p in _BEFORE_WORD]
    return tuple(out)


_ARABIC_WORD = regex.compile(r"\p{Arabic}")


def _distinctive_word(name: str) -> str:
    """The first word of a name that running UN text does not use everywhere."""
    words: list[str] = [w for w in regex.findall(r"[^\W_][\w.'-]*", name) if w.casefold() not in _ARTICLES]
    rare = [w for w in words if w.casefold() not in _COMMON]
    return (rare or words or [""])[0]


_ARTICLES = frozenset({"the", "la", "le", "les", "el", "los", "las", "l", "l'"})
# Words on every page of a UN text: a name is anchored on a rarer word of its own.
_COMMON = frozenset(
    {
        "united", "nations", "international", "information", "development", "rights", "human",
        "general", "assembly", "council", "conference", "world", "summit", "society", "declaration",
        "of", "and", "for", "on", "de", "des", "du", "y", "et", "del", "pour", "sur", "our", "a", "un",
    }
)  # fmt: skip


def _stopped(text: str, at: int) -> Diagnostic:
    line_end = text.find("\n", at)
    return Diagnostic(
        code="RX031",
        severity="error",
        message=(
            f"reference detection stopped at character {at}: the pattern ran past its time limit there"
            " (input that makes it backtrack); references after this point are not found"
        ),
        span=Span(start=at, end=len(text) if line_end < 0 else line_end),
    )


def _timeout(text: str) -> float:
    """A last guard against pathological input: generous, and scaled to the text."""
    return 5.0 + len(text) / 200_000


def _trimmed_end(text: str, start: int, end: int) -> int:
    """``end`` moved back over the spaces and commas a separator left behind."""
    while end > start and text[end - 1] in " \n,":
        end -= 1
    return end


def _trimmed(m: regex.Match[str]) -> Span:
    """The match without the separators a pattern may end on."""
    return Span(start=m.start(), end=_trimmed_end(m.string, m.start(), m.end()))


_ITEM_RANGE = regex.compile(r"(?<=\))\s?(?:-|to|through)\s?(?=\(|[a-z]{1,2}\)|[ivx]{1,4}\))")
_SUB = regex.compile(
    r"\(\s?([a-z]{1,2}|[ivxl]{1,6}|هـ|[أابجدهوزحطيكلمنسعفصقرشتثخذضظغ])\s?\)|(?<=\s|^)([a-z]|[ivx]{1,4})\)"
)


def _pinpoint(item: str, unit: PinpointUnit) -> Pinpoint:
    """One pinpoint as written ('9 d) i)', '33 (b)', '6 bis', '十九', '5 (ب)') to its parts."""
    number = _PIN_NUMBER.match(item)
    assert number is not None
    labels = [_LATIN_LABEL.get(a, a) or b for a, b in _SUB.findall(item[number.end() :])]
    written = number.group().replace(" ", "")
    return Pinpoint(
        unit=unit,
        paragraph=written if written[:1].isdigit() else str(_zh_number(written)),
        subparagraph=labels[0] if labels else None,
        item=labels[1] if len(labels) > 1 else None,
    )


# Arabic letters a sub-paragraph is labelled with, in the order of the abjad: (أ) is (a), (ب) (b) ...
# The ids of a paragraph are the same in every language version (un-conventions.md §3.1).
_ABJAD = "أبجدهوزحطيكلمنسعفصقرشتثخذض"
_LATIN_LABEL = {ch: chr(ord("a") + k) for k, ch in enumerate(_ABJAD)} | {"ا": "a", "هـ": "e"}
_ZH_DIGITS = {ch: n for n, ch in enumerate("〇一二三四五六七八九")} | {"两": 2}


def _zh_number(written: str) -> int:
    """A number in Chinese characters: "十九" is 19, "一百零五" 105, "二十" 20."""
    total, digit = 0, 0
    for ch in written:
        if ch in _ZH_DIGITS:
            digit = _ZH_DIGITS[ch]
        elif ch in "十百":
            total += (digit or 1) * (10 if ch == "十" else 100)
            digit = 0
    return total + digit


def _as_int(number: str) -> int | None:
    """A paragraph number as an integer; '6bis' has none, so no range runs through it."""
    return int(number) if number.isdigit() else None


_DATE_TAIL = regex.compile(
    r"\s*,?\s+(?:of|dated|adopted\s+on|du|en\s+date\s+du|de|от|المؤرخ(?:ة|ين)?)\s+.*$", regex.DOTALL
)


def _number_only(item: str) -> str:
    """The resolution number without its date, spaces normalised: ``1325 (2000)``.

    Written in another script, it is read as the English one: Arabic "40 / 152 سين" is ``40/152 O``
    (the letter spelt, in the order of the abjad), "217 ألف (د - 3)" is ``217 A (III)``, Russian
    "217 А (III)" (a Cyrillic letter) is ``217 A (III)``.
    """
    number = _DATE_TAIL.sub("", item).strip()
    number = _RUNS_OF_SPACE.sub(" ", number)
    if not number.isascii():
        number = _SPACED_SLASH.sub("/", number)
        number = _LETTER_NAME.sub(lambda m: _LETTER_NAMES[m.group()], number)
        number = number.translate(_CYRILLIC_LETTERS)
        number = _ARABIC_SESSION.sub(lambda m: "(" + _roman(int(m.group(1))) + ")", number)
    return _GLUED_BRACKET.sub(" (", number)


_SPACED_SLASH = regex.compile(r"\s/\s")
# The letters' names, in the order of the abjad: ألف is A, باء B, … (A/RES/52/31: "40 / 152 سين" is 40/152 O)
_ABJAD_NAMES = (
    "ألف", "باء", "جيم", "دال", "هاء", "واو", "زاي", "حاء", "طاء", "ياء", "كاف", "لام", "ميم",
    "نون", "سين", "عين", "فاء", "صاد", "قاف", "راء", "شين", "تاء", "ثاء", "خاء", "ذال", "ضاد",
)  # fmt: skip
_LETTER_NAMES = {name: chr(ord("A") + k) for k, name in enumerate(_ABJAD_NAMES)}
_LETTER_NAME = regex.compile("|".join(_LETTER_NAMES))
_CYRILLIC_LETTERS = str.maketrans("АВЕ", "ABE")  # the capitals that look like Latin ones
_ARABIC_SESSION = regex.compile(r"\(د\s?-\s?(\d{1,2})\)")


def _roman(n: int) -> str:
    """A session number in roman numerals, as English numbers old General Assembly resolutions."""
    out = ""
    for value, letters in ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out, n = out + letters, n - value
    return out


def _carry_years(numbers: list[str]) -> list[str]:
    """A year in a list applies to the bare numbers before it: ``2712, 2720 (2023)``."""
    out = list(numbers)
    year: str | None = None
    for k in range(len(out) - 1, -1, -1):
        m = _WITH_YEAR.fullmatch(out[k])
        if m:
            year = m.group(1)
        elif year and _BARE_NUMBER.fullmatch(out[k]):
            out[k] = f"{out[k]} ({year})"
        else:
            year = None if "/" in out[k] else year
    return out


# Compiled once: the module-level regex functions look their pattern up in a cache on every call.
_NON_ID = regex.compile(r"[^a-z0-9]+")
_AND_LEAD = regex.compile(r"^\s*and\s+")
_LABEL_RANGE = regex.compile(r"\)\s*(?:to|-|through)\s*\(?[a-z]")
_PIN_NUMBER = regex.compile(r"\d{1,3}(?:\s?(?:bis|ter|quater))?|[〇一二三四五六七八九十百两]{1,6}")
_RUNS_OF_SPACE = regex.compile(r"\s+")
_GLUED_BRACKET = regex.compile(r"(?<=\d|[A-Z])\(")
_WITH_YEAR = regex.compile(r"\d{1,4}(?:\s?[A-Z])?\s\(((?:19|20)\d{2})\)")
_BARE_NUMBER = regex.compile(r"\d{1,4}")


@lru_cache(maxsize=8)
def detector_for(catalogue: Catalogue) -> Detector:
    """Compile once per catalogue (catalogues are immutable values)."""
    return Detector(catalogue)
