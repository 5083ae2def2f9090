"""Load: bytes to text with charsets as declared (headers, markup) or guessed; spans back into the raw.

The round trip at the end is the contract of ``Document.source_span``: for every item of
every seed and every ``../shared/corpus`` file, the raw characters it maps to, stripped of
markup, entities and quote markers, read as the item's text (white space folded).
"""

from __future__ import annotations

import html
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
import regex

import resolex
from resolex.load import decode, looks_binary
from tests.conftest import CORPUS, SEEDS, corpus_file


@pytest.mark.parametrize(
    ("data", "charset", "text", "encoding", "codes"),
    [
        pytest.param("Café".encode(), None, "Café", "utf-8", [], id="utf-8-undeclared"),
        pytest.param("Café".encode("cp1252"), None, "Café", "cp1252", ["RX002"], id="cp1252-undeclared"),
        pytest.param("Café".encode(), "utf-8", "Café", "utf-8", [], id="utf-8-declared"),
        pytest.param("Genève".encode("latin-1"), "iso-8859-1", "Genève", "iso-8859-1", [], id="latin-1"),
        pytest.param(
            "\u201cGenève\u201d".encode("cp1252"),
            "ISO-8859-1",
            "\u201cGenève\u201d",
            "cp1252",
            [],
            id="latin-1-label-on-cp1252-bytes",
        ),
        pytest.param(
            "67\u201372".encode("cp1252"), "windows-1252", "67\u201372", "windows-1252", [], id="cp1252"
        ),
        pytest.param(
            "Café".encode("cp1252"),
            "utf-8",
            "Café",
            "cp1252",
            ["RX001", "RX002"],
            id="utf-8-declared-on-cp1252",
        ),
        pytest.param("Café".encode(), "x-no-such-charset", "Café", "utf-8", ["RX001"], id="unknown-charset"),
        pytest.param("Café".encode(), "us-ascii", "Café", "utf-8", ["RX001"], id="ascii-label-on-8-bit"),
        pytest.param(b"abc", "base64", "abc", "utf-8", ["RX001"], id="not-a-text-codec"),
        pytest.param(b"abc", "utf\x008", "abc", "utf-8", ["RX001"], id="nul-in-charset-name"),
        pytest.param("\ufeffCafé".encode("utf-16"), "utf-8", "Café", "utf-16", [], id="bom-wins"),
    ],
)
def test_decode(data: bytes, charset: str | None, text: str, encoding: str, codes: list[str]) -> None:
    decoded = decode(data, charset=charset)
    assert decoded.text.lstrip("\ufeff") == text
    assert decoded.encoding == encoding
    assert [d.code for d in decoded.diagnostics] == codes


def test_markup_declared_charset_still_counts_without_a_header() -> None:
    decoded = decode('<meta charset="windows-1252"><p>Caf\xe9</p>'.encode("cp1252"))
    assert (decoded.text, decoded.encoding, decoded.diagnostics) == (
        '<meta charset="windows-1252"><p>Café</p>',
        "windows-1252",
        (),
    )


@pytest.mark.parametrize(
    ("data", "binary"),
    [
        pytest.param(b"", False, id="empty"),
        pytest.param(b"plain\ttext\r\n\x0c", False, id="text-with-tab-cr-ff"),
        pytest.param("Genève".encode("utf-16"), False, id="utf-16-with-bom"),
        pytest.param(b"GIF89a\x01\x00\x01\x00\x00\xff", True, id="nul-byte"),
        pytest.param(bytes(range(1, 32)) * 4, True, id="control-bytes"),
        pytest.param(b"text " * 100 + b"\x01", False, id="one-stray-control"),
    ],
)
def test_looks_binary(data: bytes, binary: bool) -> None:
    assert looks_binary(data) is binary


# --- source_span round trip ------------------------------------------------------------

FOLD = str.maketrans(
    {
        **dict.fromkeys(
            "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f", " "
        ),
        **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032", "'"),
        **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033", '"'),
        **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d", "-"),
        **dict.fromkeys("\u00ad\u200b\u200c\u200d\u2060\ufeff", None),
    }
)
# Tags that start a new line or block (a space once folded); any other tag joins its neighbours.
BLOCK_TAG = regex.compile(
    r"</?(?:p|div|br|li|ul|ol|tr|td|th|table|h[1-6]|blockquote|pre|hr|title|dt|dd|dl|section|article|"
    r"para|paragraph|num|heading|subheading|content|intro|listitem|orderedlist|point|list|recital|"
    r"preamble|formula|container|hcontainer|subparagraph|part|chapter|conclusions|mainbody)\b[^>]*>",
    regex.IGNORECASE,
)
OTHER_MARKUP = regex.compile(r"<!--.*?(?:-->|\Z)|<[^>]*>", regex.DOTALL)
QUOTE_MARKERS = regex.compile(r"(?m)(?<=\n)[ \t]{0,3}(?:>[ \t]?)+")


def fold(text: str) -> str:
    return " ".join(text.translate(FOLD).split())


def visible(raw: str, media_type: str) -> str:
    """What a reader sees of a raw slice: markup, entities and quote markers gone, white space folded."""
    if media_type == "text/html":
        raw = html.unescape(OTHER_MARKUP.sub("", BLOCK_TAG.sub(" ", raw)))
    else:
        raw = QUOTE_MARKERS.sub("", raw)
    return fold(raw)


Item = resolex.Paragraph | resolex.SubParagraph | resolex.Reference | resolex.Heading


def items(doc: resolex.Document) -> Iterator[Item]:
    def subs(sub: tuple[resolex.SubParagraph, ...]) -> Iterator[resolex.SubParagraph]:
        for s in sub:
            yield s
            yield from subs(s.subparagraphs)

    for p in doc.paragraphs:
        yield p
        yield from subs(p.subparagraphs)
    yield from doc.references
    yield from doc.headings


def assert_round_trip(doc: resolex.Document) -> int:
    """Every item's raw slice reads as its text; returns how many items were checked."""
    assert doc.source is not None
    count = 0
    for item in items(doc):
        start, end = doc.source_span(item.span)
        assert visible(doc.source.raw[start:end], doc.source.media_type) == fold(item.text), (
            f"{doc.source.path}: {type(item).__name__} {item.text[:60]!r} maps to {doc.source.raw[start:end][:200]!r}"
        )
        count += 1
    return count


SEED_FILES = sorted(SEEDS.glob("*.txt"))
CORPUS_FILES = (
    sorted(p.relative_to(CORPUS).as_posix() for p in CORPUS.rglob("*") if p.is_file())
    if CORPUS.is_dir()
    else []
)


@pytest.mark.parametrize("path", SEED_FILES, ids=[p.name for p in SEED_FILES])
def test_source_span_round_trip_on_seeds(path: Path) -> None:
    (doc,) = resolex.read(path)
    assert assert_round_trip(doc) >= (0 if path.name.startswith("003") else 2)


@pytest.mark.parametrize("relative", CORPUS_FILES or ["(absent)"], ids=CORPUS_FILES or ["corpus-absent"])
def test_source_span_round_trip_on_corpus(relative: str) -> None:
    path = corpus_file(relative)
    if path.suffix == ".json":  # Security Council drafts: the text is the JSON's "Content"
        doc = resolex.extract(json.loads(path.read_text(encoding="utf-8"))["Content"], format="text")
        docs = [doc]
    else:
        docs = list(resolex.read(path))
    assert len(docs) == 1
    assert [d.code for d in docs[0].diagnostics if d.code.startswith("RX00")] == []
    checked = assert_round_trip(docs[0])
    assert checked > 0 or relative == "MANIFEST.md"  # every corpus text has paragraphs
