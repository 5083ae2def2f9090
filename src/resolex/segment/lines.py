"""Lines: each line of normalised text classified on its own (pass 1 of segmentation)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import regex

from resolex.models import ParagraphKind
from resolex.normalize import Normalized
from resolex.patterns import LeadMatcher, alternation, bodies

LineKind = Literal[
    "blank",
    "numbered",
    "preambular",
    "elision",
    "enacting",
    "title",
    "closing",
    "furniture",
    "separator",
    "subitem",
    "text",
    "consumed",
    "annex",
    "opstart",
    "clause",
    "article",
]

# "24.", "24)", "OP5"; Arabic "1 - تقرر" (a dash after the number); Chinese "2.请秘书长" (no space).
_NUMBERED = regex.compile(
    r"(?:(?P<op>OP|PP)\s?)?(?P<num>\d{1,3}(?:\s?(?:bis|ter|quater))?)"
    r"(?:[.)]|(?<=(?:OP|PP)\s?\d{1,3})[.:]?|[ ]?-(?=[ ]\p{Arabic}))(?=\s|$|\p{Han})\s*"
)
_ELISION = regex.compile(
    r"(?:\(\s*(?:\.\s*){2,}\.?\s*\)|\[\s*(?:\.\s*){2,}\.?\s*\]|\(\s*…\s*\)|\[\s*…\s*\]|…|\.{3,})"
)
_TITLE = regex.compile(
    r"(?:[A-Z]{1,3}-)?\d{1,4}/\d{1,4}(?:\s?[A-Z])?\.\s+\S"
    r"|(?:RESOLUTION|DECISION|RECOMMENDATION|Resolution|Decision|Recommendation)\s+\d{1,4}\s*\([^()]{1,40}\)$"
)
_CLOSING = regex.compile(r"\d{1,3}(?:st|nd|rd|th)\s+(?:plenary\s+)?meeting\b", regex.IGNORECASE)
_FURNITURE = regex.compile(
    r"""(?:
        \d{1,3}/\d{1,3}                              # page x/y
      | \d{2}-\d{5}\s*(?:\([A-Z]\))?(?:\s+\S+){0,3}  # job number 25-18301 (E)
      | \*\d{6,}\*                                   # barcode
      | [A-Z]{1,5}(?:/[A-Za-z0-9.\-]++){2,}+(?:\s*\(\d{4}\))?  # a symbol alone: running header
      | Page\s+\d+(?:\s+of\s+\d+)?
      | -\s*\d{1,3}\s*-
    )""",
    regex.VERBOSE,
)
_ANNEX = regex.compile(
    r"(?:Annex(?:es)?|ANNEX(?:ES)?|Appendix|APPENDIX)(?:\s+(?P<n>[IVXL]{1,5}|\d{1,2}))?\.?"
)
# Possessive: a part never gives back characters ("/" ends it), so a long "A/RES/A/RES/…" line
# fails at once instead of backtracking through every split of its parts (was quadratic).
_SYMBOL_ALONE = regex.compile(r"[A-Z]{1,5}(?:/[A-Za-z0-9.\-]++){2,}+(?:\s*\(\d{4}\))?")
_RUNNING_TITLE = regex.compile(r"\S*[^\W\d_]{2}.*\s.*")  # words, not a lone number or label
_ARTICLE_HEAD = regex.compile(
    r"(?P<word>Article|ARTICLE|Artículo|ARTÍCULO|Articulo|Статья|المادة)\s+(?P<n>\d{1,3}|premier|1er|primero)\.?"
)
_STRUCTURE_NAME = regex.compile(r"(?i:preamble|préambule|preámbulo|преамбула|الديباجة|序言)\.?")
_SEPARATOR = regex.compile(r"[_\-=*]{5,}")
_SUBITEM = regex.compile(
    r"(?:\((?P<a>[a-z]{1,2}|[ivxl]{1,6}|\d{1,2}|[أابجدهوزحطيكلمنسعفصقرشتثخذض])\)|(?P<b>[a-z]{1,2}|[ivxl]{1,6})\))"
    r"(?:\s+|$|(?=\p{Han}))"
)
# An ITU operative item: "2 that WTPF …", or the number alone with the text on the next line.
_ITU_ITEM = regex.compile(r"(?P<n>[1-9]\d?)(?P<sub>\.\d{1,2})?(?:\s+(?=[a-z])|$)")
# A clause heading that a converter ran into the end of the item before it:
# "… above 6 per cent of total annual expenses, instructs the Secretary-General".
_GLUED_CLAUSE = regex.compile(
    r"(?<=[,;]\s{1,3})(?:further\s+)?(?:instructs|invites|resolves|decides|requests|urges|encourages"
    r"|recommends|authorizes)\s[^.;:]{1,120}$"
)
_ROMAN_LABEL = regex.compile(r"(?:[IVXL]{1,6}|[A-H])\.")
_ROMAN_HEADING = regex.compile(r"(?:[IVXL]{1,6}|[A-H])\.?(?:\s|$)")
_WORD = regex.compile(r"[^\W\d_][\w'-]*")
# "Strongly deploring", "Being further deeply concerned", "Gravely distressed": an opening
# participle, after adverbs, that the vocabulary does not list.
_PARTICIPLE_START = regex.compile(
    r"(?:(?:[A-Z][a-z]+ly|Further|Also|Again|Being|Remaining)\s+(?:(?:further|also|again|[a-z]+ly)\s+){0,2})?"
    r"(?!(?:During|Including|Regarding|According|Concerning|Notwithstanding|Following|Pending|Excluding"
    r"|Nothing|Something|Anything|Everything|United|Based|Red|Need|Speed|Seed|Feed)\b)"
    r"(?:(?<=\s)[a-z]+|[A-Z][a-z]+)(?:ing|ed)\b(?=\s+[a-z])"
)


@dataclass(slots=True)
class Line:
    start: int  # first non-space character
    end: int  # after the last non-space character
    text: str
    kind: LineKind = "text"
    number: str | None = None
    body_start: int = 0  # where the text after the number begins (absolute)
    rest: str = ""  # the text after the number
    lead: str | None = None
    lead_kind: ParagraphKind | None = None
    depth: int = 0
    label: str | None = None  # an item label: "a" of "a)", "2" of an ITU "2 that …"
    listed: tuple[str, int] | None = None  # the number of an <ol><li> item (not in the text), and its depth
    guessed: bool = False  # a lead found by its form (a participle), not in the vocabulary


def _enacting_pattern() -> regex.Pattern[str]:
    names = [alias for body in bodies().body for alias in body.aliases if len(alias) > 4]
    # Russian and Chinese name the organ without an article ("Генеральная Ассамблея,", "大会,"),
    # Arabic after "إن" ("إن الجمعية العامة،"): only the organs' names, never any capitalised words.
    unwritten = [alias for body in bodies().body for alias in body.aliases if not alias.isascii()]
    return regex.compile(
        r"(?:(?:The|La|Le|El|L')\s*(?P<body>"
        + alternation(names)
        + r"|[A-Z][\w'-]+(?:\s+(?:[A-Z][\w'-]+|of|the|and|for|on|de|du|des|la|le|y|del|et)){1,12})"
        + r"|(?:إن\s+)?(?P<body>"
        + alternation(unwritten)
        + r"))(?:\s*\([^()]{1,60}\))?\s*,?"
    )


def split_lines(text: str, norm: Normalized) -> list[Line]:
    lines: list[Line] = []
    listed = {pos: (label, depth) for pos, label, depth in norm.list_labels}
    pos = 0
    for raw_line in text.split("\n"):
        stripped = raw_line.strip(" ")
        if stripped:
            start = pos + (len(raw_line) - len(raw_line.lstrip(" ")))
            line = Line(start, start + len(stripped), stripped, depth=norm.depth_at(start))
            line.listed = listed.get(start)
            lines.append(line)
        else:
            lines.append(Line(pos, pos, "", kind="blank"))
        pos += len(raw_line) + 1
    return lines


def classify(line: Line, leads: LeadMatcher, enacting: regex.Pattern[str]) -> None:
    t = line.text
    if line.kind == "blank":
        return
    if _ELISION.fullmatch(t):
        line.kind = "elision"
        return
    article = _ARTICLE_HEAD.fullmatch(t)
    if article:
        number = article.group("n")
        line.kind, line.number = "article", "1" if not number.isdigit() else number
        line.lead, line.lead_kind, line.body_start = article.group("word"), "operative", line.end
        return
    if line.listed is not None and _listed_start(line, leads):
        return
    clause = leads.clause(t)
    if clause:
        line.kind, line.lead, line.lead_kind = "clause", clause[0], clause[1]
        return
    m = _NUMBERED.match(t)
    if m:
        line.kind = "numbered"
        line.number = m.group("num").replace(" ", "")
        line.body_start = line.start + m.end()
        rest = line.rest = t[m.end() :]
        _attach_lead(line, rest, leads, pp=m.group("op") == "PP")
        return
    sub = _SUBITEM.match(t)
    if sub:
        line.kind, line.label = "subitem", sub.group("a") or sub.group("b")
        line.body_start = line.start + sub.end()
        return
    if _TITLE.match(t):
        line.kind = "title"
        return
    if _CLOSING.match(t) and len(t) < 60:
        line.kind = "closing"
        return
    if _SEPARATOR.fullmatch(t):
        line.kind = "separator"
        return
    if _FURNITURE.fullmatch(t):
        line.kind = "furniture"
        return
    if _ANNEX.fullmatch(t):
        line.kind = "annex"
        return
    lead = leads.preambular_lead(t)
    if lead:
        line.kind, line.lead, line.lead_kind, line.body_start = "preambular", lead, "preambular", line.start
        return
    lead = leads.operative_lead(t)
    if lead:
        line.kind, line.lead, line.lead_kind, line.body_start = "opstart", lead, "operative", line.start
        line.rest = t
        return
    guess = _PARTICIPLE_START.match(t)
    if guess:
        line.kind, line.lead, line.lead_kind, line.body_start = (
            "preambular",
            guess.group(),
            "preambular",
            line.start,
        )
        line.guessed = True
    if len(t) < 160 and enacting.fullmatch(t) and (t.endswith(",") or _names_body(t)):
        line.kind = "enacting"


def _listed_start(line: Line, leads: LeadMatcher) -> bool:
    """An item of a numbered HTML list: its number comes from the markup, its text is all there is."""
    assert line.listed is not None
    label, depth = line.listed
    if depth == 1 and label.isdigit() and not _NUMBERED.match(line.text):
        line.kind, line.number, line.rest, line.body_start = "numbered", label, line.text, line.start
        _attach_lead(line, line.text, leads, pp=False)
        return True
    if depth > 1 or not label.isdigit():
        line.kind, line.label, line.body_start = "subitem", label, line.start
        return True
    return False


def _names_body(text: str) -> bool:
    names = (alias for body in bodies().body for alias in body.aliases)
    return any(alias in text for alias in names if len(alias) > 4 or not alias.isascii())


def _attach_lead(line: Line, rest: str, leads: LeadMatcher, *, pp: bool) -> None:
    lead = leads.operative_lead(rest)
    if lead and not pp:
        line.lead, line.lead_kind = lead, "operative"
        return
    lead = leads.preambular_lead(rest)
    if lead:
        line.lead, line.lead_kind = lead, "preambular"
        return
    lead = leads.we_lead(rest)
    if lead:
        line.lead, line.lead_kind = lead, "operative"


def _sentence_like(line: Line, words: int = 4) -> bool:
    rest = line.rest
    return bool(rest[:1].isupper()) and len(rest.split()) >= words


_DIGITS = regex.compile(r"\d+")


def _as_int(number: str | None) -> int | None:
    if number is None:
        return None
    digits = _DIGITS.match(number)
    return int(digits.group()) if digits else None


def _terminated(text: str) -> bool:
    return text.rstrip()[-1:] in (".", ";", ":", ",", ")") if text.strip() else True


def _heading_like(line: Line) -> bool:
    t = line.text
    if _STRUCTURE_NAME.fullmatch(t):
        return False
    if len(t) > 100 or t[-1:] in (",", ";", ":") or not (t[:1].isupper() or t[:1].isdigit()):
        return False
    words = t.split()
    if len(words) > 12:
        return False
    if t.endswith(".") and len(words) > 4 and not _ROMAN_HEADING.match(t):
        return False
    return not (t[:1].isdigit() and not _ROMAN_HEADING.match(t))


def _opens_block(line: Line | None) -> bool:
    """What a heading stands above: a paragraph start (by vocabulary, not by form alone) or an elision."""
    return line is not None and line.kind in ("numbered", "preambular", "elision") and not line.guessed


def _next_meaningful(lines: list[Line], i: int) -> Line | None:
    for j in range(i + 1, len(lines)):  # by index: a slice would copy the rest of the list at every call
        if lines[j].kind not in ("blank", "furniture", "consumed"):
            return lines[j]
    return None
