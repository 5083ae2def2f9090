"""How a document divides for checking: texts of a volume, parts, numbers; the diagnostic maker."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

import regex

from resolex.models import Diagnostic, Document, Paragraph, Severity, Span

Corpus = Mapping[str, Document]
NUMBER = regex.compile(r"(?P<n>\d{1,3})(?P<suffix>bis|ter|quater)?")
SUFFIXES = ("", "bis", "ter", "quater")
PREFIX = regex.compile(r"(?P<prefix>.*?)(?:para_|preamble__p_)")
ELISION = regex.compile(r"\(\s*(?:\.\s*){3}\)|\[\s*(?:\.\s*){3}\]|[(\[]\s*…\s*[)\]]|…|\.{3,}")


def diag(code: str, severity: Severity, message: str, span: Span | None) -> Diagnostic:
    return Diagnostic(code=code, severity=severity, message=message, span=span)


def name_of(p: Paragraph) -> str:
    return f"paragraph {p.number}" if p.number else f"paragraph {p.id}"


def digits(number: str | None) -> int | None:
    m = NUMBER.fullmatch(number or "")
    return int(m.group("n")) if m else None


def texts(doc: Document) -> list[int]:
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
        nxt = digits(paras[k].number) if digits(paras[k].number) is not None else nxt
    out: list[int] = []
    text, numbered = 0, False
    for k, p in enumerate(paras):
        if p.kind == "preambular" and digits(p.number) is None and numbered and following[k] == 1:
            text, numbered = text + 1, False
        numbered = numbered or (p.kind == "operative" and digits(p.number) is not None)
        out.append(text)
    return out


def parts(doc: Document) -> Iterator[list[Paragraph]]:
    """Runs of paragraphs that share a part: the same text, id prefix, section and quote depth."""
    part: list[Paragraph] = []
    key: tuple[int, str, str | None, int] | None = None
    for text, p in zip(texts(doc), doc.paragraphs, strict=True):
        prefix = PREFIX.match(p.id)
        k = (text, prefix.group("prefix") if prefix else "", p.section, p.quote_depth)
        if part and k != key:
            yield part
            part = []
        key = k
        part.append(p)
    if part:
        yield part


def is_clause(prefix: str, p: Paragraph) -> bool:
    """An item under an ITU clause: its id prefix is its lead ("instructs the ITU Council")."""
    return bool(prefix) and prefix == regex.sub(r"[^a-z0-9]+", "_", p.lead.lower()).strip("_") + "__"
