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


def decode(data: bytes, *, charset: str | None = None) -> Decoded:
    """Decode by BOM, then ``charset`` (as a mail header declares it), then a charset the
    markup declares, then UTF-8, then cp1252 (Word).

    A declared charset that is unknown or does not decode the bytes is noted (``RX001``)
    and the bytes are guessed instead. ``us-ascii`` and ``iso-8859-1`` labels are read as
    cp1252 when the bytes use its printable range 0x80-0x9F, as browsers do.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return Decoded(data.decode(codec, errors="replace"), codec)
    if charset:
        return _declared(data, charset.strip().lower(), "header")
    declared = EncodingDetector.find_declared_encoding(data, is_html=True, search_entire_document=False)
    if declared:
        return _declared(data, declared, "markup")
    return _guess(data)


_LATIN1_LABELS = frozenset({"iso-8859-1", "iso8859-1", "latin-1", "latin1", "l1", "iso_8859-1"})
_ASCII_LABELS = frozenset({"us-ascii", "ascii", "ansi_x3.4-1968"})


def _declared(data: bytes, declared: str, where: str) -> Decoded:
    if declared in _LATIN1_LABELS and _has_c1(data):
        try:
            return Decoded(data.decode("cp1252"), "cp1252")
        except UnicodeDecodeError:
            return Decoded(data.decode("latin-1"), declared)
    try:
        return Decoded(data.decode(declared), declared)
    except UnicodeDecodeError:
        problem = "does not decode the bytes"
    except (LookupError, ValueError):  # ValueError: a name no codec can have ("utf\x008")
        problem = "is unknown"
    if declared in _ASCII_LABELS:
        problem = "does not decode the bytes (8-bit text)"
    note = Diagnostic(
        code="RX001",
        severity="warning",
        message=f"charset {declared!r} declared in the {where} {problem}; guessed instead",
    )
    guessed = _guess(data)
    return Decoded(guessed.text, guessed.encoding, (note, *guessed.diagnostics))


def _has_c1(data: bytes) -> bool:
    return len(data.translate(None, _C1)) != len(data)


_C1 = bytes(range(0x80, 0xA0))
# Bytes that text does not hold: C0 controls other than tab, line feed, form feed, carriage
# return and escape (ISO-2022 text uses it), and DEL.
_CONTROLS = bytes([*range(0x09), 0x0B, *range(0x0E, 0x1B), *range(0x1C, 0x20), 0x7F])


def looks_binary(data: bytes) -> bool:
    """Whether bytes are not text at all: a NUL, or more than 5% control bytes, in the first 64 KiB.

    Text in UTF-16 or UTF-32 holds NULs; it is recognised by its byte-order mark.
    """
    sample = data[:65536]
    if not sample or any(sample.startswith(bom) for bom, _codec in _BOMS):
        return False
    if b"\x00" in sample:
        return True
    controls = len(sample) - len(sample.translate(None, _CONTROLS))
    return controls > len(sample) // 20


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
            message="bytes are neither UTF-8 nor cp1252 and declare no usable charset; read as latin-1",
        )
        return Decoded(data.decode("latin-1"), "latin-1", (note,))
    note = Diagnostic(
        code="RX002",
        severity="info",
        message="bytes are not UTF-8 and declare no usable charset; read as cp1252 (Word)",
    )
    return Decoded(text, "cp1252", (note,))


def sniff(text: str, requested: Format) -> Literal["text", "html"]:
    """``auto`` is HTML when markup tags or entities appear in the first 64 KiB."""
    if requested != "auto":
        return requested
    return "html" if _HTML_SIGNS.search(text, 0, 65536) else "text"
