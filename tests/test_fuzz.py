"""Fuzzing with resolution-like text and Word-like HTML: the contract holds on every input.

The strategies build what resolex reads, with the damage real files carry: enacting
formulas, preambular and numbered operative paragraphs with their leads, sub-paragraphs
inline and on their own lines, headings, elisions, page furniture, footnotes, every
reference form of the README in lists and ranges, near misses, e-mail quoting and
signatures, CRLF, tabs and look-alike characters; and Word HTML around them (``MsoNormal``
paragraphs, inline runs cut anywhere, nested tags, entities good and broken, comments,
conditional comments, ``<ol start>`` lists, blockquotes, tables, unclosed tags and quotes).
Random text is mixed in at every level.

On each input: ``extract`` raises nothing; every span slices to its text; every span maps
inside the source; the JSON loads back equal; annotating and then removing the added
elements gives the source back byte for byte.

The test is marked ``slow``. Its number of examples is ``RESOLEX_FUZZ_EXAMPLES``: a few
hundred by default (the suite, CI), 100,000 when the slow tests are asked for by name
(``python -m pytest -m slow``, see ``conftest.py``). Runs are derandomised: a failure
found once is found again.
"""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import resolex
from tests.test_annotate import stripped
from tests.test_properties import check_spans

EXAMPLES = int(os.environ.get("RESOLEX_FUZZ_EXAMPLES", "300"))
FUZZ = settings(
    max_examples=EXAMPLES,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)

num = st.integers(min_value=0, max_value=1200).map(str)
small = st.integers(min_value=1, max_value=80).map(str)
year = st.integers(min_value=1945, max_value=2030).map(str)
month = st.sampled_from(["January", "March", "July", "December", "Mars"])
label = st.sampled_from(["a", "b", "c", "h", "i", "ii", "iv", "v", "x", "aa", "z"])
ORGANS = [
    "General Assembly",
    "Security Council",
    "Economic and Social Council",
    "Human Rights Council",
    "UNGA",
]
NAMES = [
    "the Tunis Agenda",
    "the Tunis Agenda for the Information Society",
    "the Geneva Declaration of Principles and Plan of Action",
    "the Charter of the United Nations",
    "the Charter",
    "the Universal Declaration of Human Rights",
    "the 2030 Agenda for Sustainable Development",
    "the UN Charter",
    "the TA",
    "the Rome Statute",
]
LEADS = [
    "Decides", "Also decides", "Requests", "Further requests", "Invites", "Calls upon", "Urges", "Takes note",
    "Welcomes", "We reaffirm", "Strongly condemns", "Prie", "Decide", "Invita",
]  # fmt: skip
PREAMBLE = ["Recalling", "Recalling also", "Reaffirming", "Bearing in mind", "Deeply concerned", "Considérant",
            "Recordando", "Noting with concern", "Gravely distressed"]  # fmt: skip
NOISE = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=8
)  # anything, in small doses
ODD = st.sampled_from(
    ["\u00a0", "\t", "\r\n", "\r", "\u2013", "\u201c", "\u201d", "\u2019", "\u00ad", "\u200b", "\ufeff", "\uff08",
     "\u0663", "\u2028", "\x0c", "\x1c", " ", "  ", "\n", "\n\n", "(", ")", "[", "...", "\u2026", ";", ":", ",", "."]
)  # fmt: skip


def form(template: str, *parts: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """``template`` with each ``{}`` filled from its strategy (only the form drawn draws its numbers)."""
    return st.tuples(*parts).map(lambda values: template.format(*values))


organ = st.sampled_from(ORGANS)
name = st.sampled_from(NAMES)
REFERENCE = st.one_of(
    form("paragraph {} of the Tunis Agenda", small),
    form("para {} of {}", small, name),
    form("paras. {}, {} and {} ({}) of document A/RES/{}/{}", small, small, small, label, small, num),
    form("paragraphs {} to {}", small, small),
    form("paragraphs {}-{} of the Tunis Agenda", small, small),
    form("paragraph {} {}) {})", small, label, label),
    form("{} resolution {}/{} of {} {} {}", organ, small, num, small, month, year),
    form("resolutions {} ({}) and {} ({})", num, year, num, year),
    form("resolutions {}, {} ({}), {} and {} ({})", num, num, year, num, num, year),
    form("its resolution {}/{}", year, small),
    form("operative paragraph {} of resolution {} ({})", small, num, year),
    form("its decisions {}/{} of {} {} {} and {}/{}", small, num, small, month, year, small, num),
    form("A/RES/{}/{}", small, num),
    form("S/RES/{}({})", num, year),
    form("A/HRC/RES/{}/{}", small, small),
    form("A/RES/{}/{}, para. {} ({})", small, num, small, label),
    form(
        "paragraph {} {}", small, st.sampled_from(["above", "below", "of the present resolution", "thereof"])
    ),
    form(
        "Article {} of {}",
        small,
        st.sampled_from(["the Charter", "the Universal Declaration of Human Rights"]),
    ),
    form("the {} preambular paragraph", st.sampled_from(["first", "eleventh", "eighth"])),
    form("section {} of its resolution {}/{} A", st.sampled_from(["II", "VI", "IV"]), small, num),
    form("resolves {} above", small),
    name,
    st.sampled_from(
        ["this resolution", "resolution of the problem", "the draft resolution", "paragraph breaks"]
    ),
    form("the {}th session of the General Assembly", small),
    form("paragraph {} of the Rome Statute", small),
    form("version {}.{}, +41 22 {} {}", small, small, num, num),
)


@st.composite
def clause(draw: st.DrawFn) -> str:
    """Running text with references and noise in it."""
    parts = draw(
        st.lists(
            st.one_of(
                REFERENCE,
                st.sampled_from(["to strengthen cooperation", "as stated in", "and", "in line with", "of"]),
                ODD,
                NOISE,
            ),
            max_size=8,
        )
    )
    return " ".join(parts)


@st.composite
def paragraph(draw: st.DrawFn) -> str:
    """A block of a resolution: preambular, operative with items, heading, elision, furniture, footnote."""
    kind = draw(st.integers(min_value=0, max_value=9))
    if kind <= 1:
        return f"{draw(st.sampled_from(PREAMBLE))} {draw(clause())},"
    if kind <= 5:
        number = draw(small)
        sep = draw(st.sampled_from([". ", ") ", ".\n", " ", ". OP", "bis. "]))
        head = f"{number}{sep}{draw(st.sampled_from(LEADS))} {draw(clause())}"
        items = draw(st.lists(st.tuples(label, clause()), max_size=4))
        if not items:
            return head + draw(st.sampled_from([";", ".", ""]))
        joiner = draw(st.sampled_from(["\n", " ", "\n\n"]))
        return head + ":" + "".join(f"{joiner}({lab}) {text};" for lab, text in items)
    if kind == 6:
        return draw(
            st.sampled_from(["Enhanced cooperation", "I. Follow-up", "II.", "ANNEX", "Article 5", "resolves"])
        )
    if kind == 7:
        return draw(st.sampled_from(["(...)", "[...]", "\u2026", "_______________", "(\u2026)"]))
    if kind == 8:
        return draw(
            st.sampled_from(["A/RES/80/2", "25-18301 (E)", "Page 3 of 5", "*2518301*", "- 4 -", "3/5"])
        )
    return f"{draw(small)} {draw(clause())}"  # a footnote, or a number that opens nothing


@st.composite
def resolution_text(draw: st.DrawFn) -> str:
    """Plain text: a resolution, perhaps inside an e-mail reply."""
    blocks = [
        draw(st.sampled_from(["", "The General Assembly,", "The Security Council,", "L'Assemblée générale,"]))
    ]
    blocks += draw(st.lists(paragraph(), max_size=12))
    text = draw(st.sampled_from(["\n\n", "\n", "\r\n\r\n"])).join(blocks)
    if draw(st.booleans()):
        depth = draw(st.sampled_from(["> ", ">> ", ">", "  > "]))
        quoted = "\n".join(depth + line for line in text.split("\n"))
        text = f"On 11/23/06, X <x@y.org> wrote:\n{quoted}\n\n{draw(clause())}\n-- \nSignature"
    return text + draw(NOISE)


INLINE = ["b", "i", "span", "font", "u", "a", "sup", "o:p", "em"]
BLOCK = ["p", "div", "li", "td", "h2", "blockquote", "pre"]


@st.composite
def markup(draw: st.DrawFn, text: str) -> str:
    """``text`` cut into pieces with tags, entities and markup between them, as Word writes it (and worse)."""
    out: list[str] = []
    cuts = sorted(draw(st.lists(st.integers(min_value=0, max_value=len(text)), max_size=12)))
    last = 0
    for cut in [*cuts, len(text)]:
        piece = text[last:cut].replace("&", "&amp;").replace("<", "&lt;")
        out.append(piece)
        last = cut
        tag = draw(st.integers(min_value=0, max_value=12))
        if tag <= 4:
            name = draw(st.sampled_from(INLINE))
            out.append(f"<{name} class=MsoNormal style='font-family:\"Arial\"'>" if tag % 2 else f"</{name}>")
        elif tag <= 6:
            out.append(draw(st.sampled_from(["&nbsp;", "&#8220;", "&#x201D;", "&shy;", "&amp", "&bogus;", "&#0;",
                                             "&#99999999;", "&lt;"])))  # fmt: skip
        elif tag == 7:
            name = draw(st.sampled_from(BLOCK))
            out.append(draw(st.sampled_from([f"<{name}>", f"</{name}>", "<br>", "<br/>"])))
        elif tag == 8:
            out.append(draw(st.sampled_from(["<!-- 5. Decides -->", "<!--[if gte mso 9]><xml>x</xml><![endif]-->",
                                             "<![if !supportLists]>", "<![endif]>", "<!DOCTYPE html>", "<?xml x?>"])))  # fmt: skip
        elif tag == 9:
            out.append(draw(st.sampled_from(["<ol start=24>", "<ol type=a>", "<ol>", "</ol>", "<ul>", "</ul>",
                                             "<li value=7>", "<li>"])))  # fmt: skip
        elif tag == 10:
            out.append(draw(st.sampled_from(["<style>p{x:1}</style>", "<script>if(a<b)x()</script>", "<head>",
                                             "<title>T</title>", "</head>", "<table><tr><td>", "</td></tr></table>"])))  # fmt: skip
        elif tag == 11:
            out.append(draw(st.sampled_from(["<", '<p title="x>', "<b", "</", "<a href='x", "<<p>>", ">"])))
        else:
            depth = draw(st.integers(min_value=1, max_value=40))
            out.append("<span>" * depth + draw(REFERENCE) + "</span>" * draw(st.integers(0, depth)))
    return "".join(out)


@st.composite
def word_html(draw: st.DrawFn) -> str:
    body = draw(markup(draw(resolution_text())))
    head = draw(st.sampled_from(["", "<html><head><meta charset=utf-8><style>x</style></head><body>", "<p>"]))
    return head + body + draw(st.sampled_from(["", "</body></html>", "</p"]))


def check_contract(doc: resolex.Document) -> None:
    assert doc.source is not None
    check_spans(doc)
    raw = doc.source.raw
    spans = [p.span for p in doc.paragraphs] + [r.span for r in doc.references]
    spans += [h.span for h in doc.headings] + [e.span for e in doc.elisions]
    spans += [d.span for d in doc.diagnostics if d.span is not None]
    for span in spans:
        start, end = doc.source_span(span)
        assert 0 <= start <= end <= len(raw)
    assert resolex.Document.model_validate_json(doc.model_dump_json()) == doc
    assert stripped(resolex.annotate(doc), doc) == raw


INPUTS = st.one_of(
    st.tuples(resolution_text(), st.sampled_from(["text", "auto"])),
    st.tuples(word_html(), st.sampled_from(["html", "auto"])),
    # markup read as text, and the reverse
    st.tuples(st.one_of(resolution_text(), word_html()), st.just("text")),
    st.tuples(resolution_text(), st.just("html")),
    # bytes in an encoding
    st.tuples(st.one_of(resolution_text(), word_html()), st.sampled_from(["utf-8", "cp1252", "utf-16"])),
)


@pytest.mark.slow
@FUZZ
@given(INPUTS)
def test_contract_on_resolution_like_text_and_markup(case: tuple[str, str]) -> None:
    text, how = case
    if how in ("utf-8", "cp1252", "utf-16"):
        check_contract(resolex.extract(text.encode(how, errors="replace")))
    else:
        check_contract(resolex.extract(text, format=how))  # type: ignore[arg-type]
