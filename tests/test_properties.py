"""Properties that hold for every input: total on str, exact spans, JSON round trip.

Runs are derandomised (a fixed seed per test) so a failure reproduces; the
strategies build resolution-like text and markup, not only random strings.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import resolex
from resolex.offsets import map_span

PROFILE = settings(
    max_examples=150, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)

FRAGMENTS = st.sampled_from(
    [
        "The General Assembly,\n",
        "Recalling its resolution 60/252 of 27 March 2006,\n",
        "1. Decides",
        "24. Invites the Secretary-General",
        " paragraph 35 of the Tunis Agenda",
        " paras. 29, 30 and 33 (b) of A/RES/70/125",
        " resolutions 2712, 2720 (2023), 2728 and 2735 (2024)",
        " (a) first; (b) second;",
        " (i) sub",
        "\n(...)\n",
        "\nEnhanced cooperation\n",
        " paragraph 1 above",
        " the present resolution",
        "67-72",
        "67\u201372",
        " S/RES/1325(2000)",
        "<p>",
        "</p>",
        "<br>",
        "<b>",
        "</b>",
        "&nbsp;",
        "&shy;",
        "\u00ad",
        "> ",
        "\n>> ",
        "\r\n",
        "\n\n",
        "; ",
        ", ",
        ". ",
        "\u201c",
        "\u2019",
        "<style>p {x:1}</style>",
        "<!-- 5. Decides -->",
        "<blockquote>",
        "</blockquote>",
        "paragraph ",
        "A/RES/",
        "(",
        ")",
        "[...]",
        "\u2026",
        "We reaffirm",
        " Article 2 of the Charter",
        "\t",
        "\u00a0",
    ]
)
RESOLUTION_LIKE = st.lists(st.one_of(FRAGMENTS, st.text(max_size=12)), max_size=40).map("".join)
ANY_TEXT = st.one_of(st.text(max_size=300), RESOLUTION_LIKE)


def check_spans(doc: resolex.Document) -> None:
    for p in doc.paragraphs:
        assert doc.text[p.span.start : p.span.end] == p.text
        stack = list(p.subparagraphs)
        while stack:
            s = stack.pop()
            assert doc.text[s.span.start : s.span.end] == s.text
            assert p.span.start <= s.span.start <= s.span.end <= p.span.end
            stack.extend(s.subparagraphs)
    items: list[resolex.Reference | resolex.Heading | resolex.Elision] = [
        *doc.references,
        *doc.headings,
        *doc.elisions,
    ]
    for item in items:
        assert doc.text[item.span.start : item.span.end] == item.text
    for d in doc.diagnostics:
        if d.span is not None:
            assert 0 <= d.span.start <= d.span.end <= len(doc.text)


@PROFILE
@given(ANY_TEXT, st.sampled_from(["auto", "text", "html"]))
def test_any_string_gives_a_document_with_exact_spans(text: str, fmt: str) -> None:
    doc = resolex.extract(text, format=fmt)  # type: ignore[arg-type]
    assert isinstance(doc, resolex.Document)
    check_spans(doc)


@PROFILE
@given(ANY_TEXT)
def test_json_round_trip(text: str) -> None:
    doc = resolex.extract(text)
    assert resolex.Document.model_validate_json(doc.model_dump_json()) == doc


@PROFILE
@given(ANY_TEXT, st.sampled_from(["text", "html"]))
def test_offset_map_is_monotone_and_inside_the_source(text: str, fmt: str) -> None:
    doc = resolex.extract(text, format=fmt)  # type: ignore[arg-type]
    assert doc.source is not None
    last = 0
    for pos in range(len(doc.text)):
        start, end = map_span(doc.offsets, pos, pos + 1)
        assert last <= start <= end <= len(doc.source.raw)
        last = start


@PROFILE
@given(st.binary(max_size=300))
def test_any_bytes_give_a_document(data: bytes) -> None:
    doc = resolex.extract(data)
    check_spans(doc)
