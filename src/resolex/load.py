"""Load: bytes to text (with an honest account of the encoding) and format sniffing."""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from typing import Literal

import regex
from bs4.dammit import EncodingDetector

from resolex.models import Diagnostic

Format = Literal["auto", "text", "html"]

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Tags that only markup has; one of them near the start makes a text HTML.
_HTML_SIGNS = regex.compile(
    r"<\?xml\b|<(?:!doctype\s+html|html|head|body|meta|div|p|br|span|font|table|blockquote|b|i|a\s|title|"
    r"style|li|ul|ol|h[1-6]|td|tr|o:p)\b[^<>]{0,2000}>|&(?:nbsp|amp|lt|gt|quot|#\d{1,7});",
    regex.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Decoded:
    """Text decoded from bytes, the codec used and any doubt about it."""

    text: str
    encoding: str
    diagnostics: tuple[Diagnostic, ...] = ()


def decode(data: bytes) -> Decoded:
    """Decode by BOM, then a declared charset, then UTF-8, then cp1252 (Word)."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return Decoded(data.decode(codec, errors="replace"), codec)
    declared = EncodingDetector.find_declared_encoding(data, is_html=True, search_entire_document=False)
    if declared:
        try:
            return Decoded(data.decode(declared), declared)
        except (LookupError, UnicodeDecodeError):
            note = Diagnostic(
                code="RX001",
                severity="warning",
                message=f"declared charset {declared!r} does not decode the bytes; guessed instead",
            )
            guessed = _guess(data)
            return Decoded(guessed.text, guessed.encoding, (note, *guessed.diagnostics))
    return _guess(data)


def _guess(data: bytes) -> Decoded:
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:  # the five bytes cp1252 leaves undefined
        note = Diagnostic(
            code="RX002",
            severity="warning",
            message="bytes are neither UTF-8 nor cp1252 and declare no charset; read as latin-1",
        )
        return Decoded(data.decode("latin-1"), "latin-1", (note,))
    note = Diagnostic(
        code="RX002",
        severity="info",
        message="bytes are not UTF-8 and declare no charset; read as cp1252 (Word)",
    )
    return Decoded(text, "cp1252", (note,))


def sniff(text: str, requested: Format) -> Literal["text", "html"]:
    """``auto`` is HTML when markup tags or entities appear in the first 64 KiB."""
    if requested != "auto":
        return requested
    return "html" if _HTML_SIGNS.search(text, 0, 65536) else "text"
