"""Normalisation: block structure survives, inline tags join, every character maps back."""

from __future__ import annotations

import html

import pytest
import regex

import resolex
from resolex.normalize import normalize_html, normalize_text
from resolex.offsets import map_span


def visible(raw: str) -> str:
    """What a reader sees of a raw slice: tags dropped, entities decoded, spaces folded."""
    text = regex.sub(r"<!--.*?-->|<[^>]*>", "", raw, flags=regex.DOTALL)
    text = html.unescape(text).replace("\u00ad", "")
    table: dict[str, str | int | None] = {
        "\u00a0": " ",
        "\u2013": "-",
        "\u2019": "'",
        "\u201c": '"',
        "\u201d": '"',
    }
    text = text.translate(str.maketrans(table))
    return " ".join(text.split())


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        pytest.param("<p>60/<b>252</b></p>", "60/252", id="inline-tag-inside-number"),
        pytest.param("Tunis <span>Agenda</span>", "Tunis Agenda", id="inline-tags-join"),
        pytest.param("paragraph&nbsp;35", "paragraph 35", id="nbsp-entity"),
        pytest.param("para\u00adgraph 35", "paragraph 35", id="soft-hyphen"),
        pytest.param("para&shy;graph 35", "paragraph 35", id="soft-hyphen-entity"),
        pytest.param("67&ndash;72 and 67\u201372", "67-72 and 67-72", id="dashes"),
        pytest.param("\u201cquoted\u201d it\u2019s", '"quoted" it\'s', id="curly-quotes"),
        pytest.param("a<br>b", "a\nb", id="br-is-a-line-break"),
        pytest.param("<div>a</div><div>b</div>", "a\nb", id="div-blocks"),
        pytest.param("<p>a</p><p>b</p>", "a\n\nb", id="paragraph-blocks-leave-a-blank-line"),
        pytest.param("<div>a</div><div><br></div><div>b</div>", "a\n\nb", id="empty-div-with-br"),
        pytest.param(
            "Enhanced cooperation<br><br>(...)<br><br>24. Invites",
            "Enhanced cooperation\n\n(...)\n\n24. Invites",
            id="word-mail-structure",
        ),
        pytest.param("<style>p.MsoNormal {margin: 0}\n21. fake</style>text", "text", id="style-dropped"),
        pytest.param("<script>var x = '1. Decides';</script>ok", "ok", id="script-dropped"),
        pytest.param(
            "<!--[if gte mso 9]><xml>1. Decides</xml><![endif]-->kept", "kept", id="word-conditional-comment"
        ),
        pytest.param("<![if !supportLists]>(a)<![endif]> item", "(a) item", id="downlevel-revealed-comment"),
        pytest.param(
            "<head><title>T</title><meta charset=utf-8></head><body>body</body>", "body", id="head-dropped"
        ),
        pytest.param("word\n   wrapped\r\n  line", "word wrapped line", id="source-newlines-are-spaces"),
        pytest.param("<pre>a\n  b</pre>", "a\n  b", id="pre-keeps-layout"),
        pytest.param("5 &lt; 6 &amp; 7", "5 < 6 & 7", id="entities"),
        pytest.param("a &bogus; b", "a &bogus; b", id="unknown-entity-kept"),
    ],
)
def test_html_flattening(markup: str, expected: str) -> None:
    assert normalize_html(markup).text == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        pytest.param("a\r\nb", "a\nb", id="crlf"),
        pytest.param("para\u00adgraph", "paragraph", id="soft-hyphen"),
        pytest.param("paragraph\u00a035", "paragraph 35", id="nbsp"),
        pytest.param("67\u201372", "67-72", id="en-dash"),
        pytest.param("\ufeffBOM", "BOM", id="bom"),
        pytest.param("> quoted\n>> deeper\nplain", "quoted\ndeeper\nplain", id="quote-markers"),
        pytest.param("《突尼斯议程》第３５段（ａ）", "《突尼斯议程》第35段(a)", id="full-width-forms"),
        pytest.param("الفقرة ٣٥ و۷", "الفقرة 35 و7", id="arabic-indic-digits"),
    ],
)
def test_text_normalisation(raw: str, expected: str) -> None:
    assert normalize_text(raw).text == expected


def test_quote_depth_per_line_in_text() -> None:
    norm = normalize_text("said:\n> one\n>> two\nback")
    depths = [norm.depth_at(norm.text.index(word)) for word in ("said", "one", "two", "back")]
    assert depths == [0, 1, 2, 0]


def test_quote_depth_holds_over_several_lines_at_one_depth() -> None:
    norm = normalize_text("said:\n> one\n> two\n>> three\n>> four\n> five\nback")
    words = ("said", "one", "two", "three", "four", "five", "back")
    assert [norm.depth_at(norm.text.index(word)) for word in words] == [0, 1, 1, 2, 2, 1, 0]


def test_quote_depth_in_html_blockquotes() -> None:
    norm = normalize_html(
        "<p>mine</p><blockquote>theirs<blockquote>older</blockquote></blockquote><p>mine again</p>"
    )
    depths = [norm.depth_at(norm.text.index(word)) for word in ("mine", "theirs", "older", "mine again")]
    assert depths == [0, 1, 2, 0]


NESTED = (
    "<div><p class=MsoNormal><span lang=EN-US>24.&nbsp;<i>Invites</i> the Secretary-General, "
    "as stated in para&shy;graph&nbsp;35 of the <b>Tunis <span>Agenda</span></b>, and in "
    "paragraphs 67&ndash;72 of the Tunis Agenda;</span></p></div>"
    "<blockquote><div>&gt; 25. <i>Requests</i> the Secretary-General to report;</div></blockquote>"
)


def test_source_span_round_trip_on_nested_markup() -> None:
    doc = resolex.extract(NESTED)
    assert [p.number for p in doc.paragraphs] == ["24"]
    assert len(doc.references) == 2
    items: list[resolex.Paragraph | resolex.Reference] = [*doc.paragraphs, *doc.references]
    for item in items:
        start, end = doc.source_span(item.span)
        assert doc.source is not None
        assert visible(doc.source.raw[start:end]) == " ".join(item.text.split())


def test_offset_map_is_monotone_on_html() -> None:
    norm = normalize_html(NESTED)
    last = -1
    for pos in range(len(norm.text)):
        start, _ = map_span(norm.offsets, pos, pos + 1)
        assert start >= last
        last = start


def test_text_source_span_is_identity_without_edits() -> None:
    doc = resolex.extract("1. Decides to act in accordance with paragraph 35 of the Tunis Agenda.")
    for r in doc.references:
        assert doc.source_span(r.span) == (r.span.start, r.span.end)


def test_text_source_span_after_crlf_and_quotes() -> None:
    raw = (
        "On Monday, X wrote:\r\n> 24. Invites the Secretary-General, as stated in\r\n"
        "> paragraph 35 of the Tunis Agenda;\r\n"
    )
    doc = resolex.extract(raw, format="text")
    (ref,) = doc.references
    start, end = doc.source_span(ref.span)
    assert raw[start:end] == "paragraph 35 of the Tunis Agenda"
    assert ref.quote_depth == 1
