"""Replies: the lines of an e-mail body that are furniture, not text.

Attribution lines ("On 11/23/06, Avri Doria wrote:"), the header blocks of quoted and
forwarded messages ("-----Original Message-----", "From: … Sent: … Subject: …"),
signatures (from a "-- " line) and mailing-list footers say who wrote what, not what
was written: paragraphs and references found in them are dropped. The rules work on
normalised text (quote markers already removed, line by line), so they apply the same
to plain text and HTML mail, at any quote depth.
"""

from __future__ import annotations

from collections.abc import Callable

import regex

_ATTRIBUTION = regex.compile(
    r"\b(?:wrote|writes|a\s+[ée]crit|escribi[óo]|ha\s+escrito|schrieb|scrive|schreef)\s*:\s*$",
    regex.IGNORECASE,
)
_SEPARATOR = regex.compile(
    r"-{2,}\s*(?:original\s+message|forwarded\s+message|message\s+d'origine|mensaje\s+original)\s*-{2,}"
    r"|begin\s+forwarded\s+message\s*:|_{10,}",
    regex.IGNORECASE,
)
_HEADER = regex.compile(
    r"\*?(?P<name>from|sent|to|cc|bcc|date|subject|reply-to|de|envoy[ée]|[àa]|objet|para|asunto|enviado"
    r"|fecha|von|gesendet|an|betreff|datum)\s*\*?\s*:(?:\s|$)",
    regex.IGNORECASE,
)
_SENDER_HEADERS = frozenset({"from", "de", "von"})
_SIGNATURE = regex.compile(r"--")  # "-- " once stripped
_LIST_FOOTER = regex.compile(r"mailing\s+list|unsubscribe|listinfo|list\s+info", regex.IGNORECASE)

_SIGNATURE_LINES = 15  # a longer "signature" is more likely text after a stray "--"
_FOOTER_LINES = 10


def reply_furniture(text: str, depth_at: Callable[[int], int]) -> tuple[tuple[int, int], ...]:
    """Sorted, disjoint ``(start, end)`` ranges of ``text`` that are mail furniture."""
    lines = _lines(text)
    regions: list[tuple[int, int]] = []
    i = 0
    while i < len(lines):
        end = _furniture_at(lines, i, depth_at)
        if end > i:
            regions.append((lines[i][0], lines[end - 1][1]))
            i = end
        else:
            i += 1
    return tuple(regions)


def _lines(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, stripped content)`` of every line."""
    out: list[tuple[int, int, str]] = []
    start = 0
    for line in text.split("\n"):
        out.append((start, start + len(line), line.strip()))
        start += len(line) + 1
    return out


def _furniture_at(lines: list[tuple[int, int, str]], i: int, depth_at: Callable[[int], int]) -> int:
    """The index after the furniture that starts at line ``i`` (``i`` when there is none)."""
    content = lines[i][2]
    if not content:
        return i
    if len(content) <= 300 and _ATTRIBUTION.search(content):
        return i + 1
    if (
        content.lower().startswith(("on ", "le ", "el ", "am "))
        and i + 1 < len(lines)
        and len(content) + len(lines[i + 1][2]) <= 300
        and _ATTRIBUTION.search(lines[i + 1][2])
    ):  # an attribution wrapped over two lines
        return i + 2
    if _SEPARATOR.fullmatch(content):
        after = _header_block(lines, i + 1)
        if after > i + 1:
            return after
        if _is_list_footer(lines, i):
            return _run(lines, i, depth_at, _FOOTER_LINES)
        return i + 1 if not content.startswith("_") else i
    if _HEADER.match(content):
        return _header_block(lines, i)
    if _SIGNATURE.fullmatch(content):
        return _run(lines, i, depth_at, _SIGNATURE_LINES)
    return i


def _header_block(lines: list[tuple[int, int, str]], i: int) -> int:
    """Two or more header lines ("From: …", "Sent: …"), one naming the sender; else ``i``."""
    end = i
    names: set[str] = set()
    while end < len(lines):
        m = _HEADER.match(lines[end][2])
        if m:
            names.add(m.group("name").lower())
            end += 1
        elif lines[end][2] and end + 1 < len(lines) and _HEADER.match(lines[end + 1][2]) and names:
            end += 1  # a wrapped header value ("To: a;\nb; c")
        else:
            break
    if end - i >= 2 and names & _SENDER_HEADERS and len(names) >= 2:
        return end
    return i


def _is_list_footer(lines: list[tuple[int, int, str]], i: int) -> bool:
    return any(_LIST_FOOTER.search(lines[j][2]) for j in range(i + 1, min(i + 4, len(lines))))


def _run(lines: list[tuple[int, int, str]], i: int, depth_at: Callable[[int], int], limit: int) -> int:
    """From line ``i`` to the end of its quotation level, an attribution or a header block."""
    depth = depth_at(lines[i][0])
    end = i + 1
    while end < len(lines) and end - i < limit:
        start, _stop, content = lines[end]
        if content and depth_at(start) != depth:
            break
        if content and (_ATTRIBUTION.search(content) or _SEPARATOR.fullmatch(content)):
            break
        if _HEADER.match(content) and _header_block(lines, end) > end:
            break
        end += 1
    while end > i + 1 and not lines[end - 1][2]:
        end -= 1
    return end
