"""Replies: attribution lines, quoted headers, signatures and list footers give nothing.

Each row is a mail body; every furniture line in it names a citable text ("resolution
61/16", "A/RES/61/16") that must not come out, while the text around it still does.
"""

from __future__ import annotations

import pytest

import resolex
from resolex.normalize import normalize_text
from resolex.replies import reply_furniture

SIG = "-- "  # the signature delimiter keeps its trailing space


@pytest.mark.parametrize(
    ("body", "references"),
    [
        pytest.param(
            f"See paragraph 35 of the Tunis Agenda.\n\n{SIG}\nAvri Doria\nChair, resolution 61/16 group\n",
            ["paragraph 35 of the Tunis Agenda"],
            id="signature",
        ),
        pytest.param(
            "See the Tunis Agenda.\n--\nAvri, resolution 61/16\n",
            ["the Tunis Agenda"],
            id="signature-without-trailing-space",
        ),
        pytest.param(
            "On 11/23/06, Friends of resolution 61/16 <x@example.org> wrote:\n> See the Tunis Agenda.\n",
            ["the Tunis Agenda"],
            id="attribution",
        ),
        pytest.param(
            "On Thu, Nov 23, 2006 at 10:00 AM, resolution 61/16 group <\nx@example.org> wrote:\n"
            "> See the Tunis Agenda.\n",
            ["the Tunis Agenda"],
            id="attribution-wrapped-over-two-lines",
        ),
        pytest.param(
            "Le 23/11/06, Comité A/RES/61/16 a écrit :\n> Voir the Tunis Agenda.\n",
            ["the Tunis Agenda"],
            id="attribution-in-french",
        ),
        pytest.param(
            "Parminder (on resolution 61/16) wrote : \n> See the Tunis Agenda.\n",
            ["the Tunis Agenda"],
            id="attribution-as-in-seed-000",
        ),
        pytest.param(
            "Agreed.\n\n-----Original Message-----\nFrom: X [mailto:x@example.org]\n"
            "Sent: Thursday, November 23, 2006 10:00 AM\nTo: governance@lists.cpsr.org\n"
            "Subject: RE: resolution 61/16\n\nSee the Tunis Agenda.\n",
            ["the Tunis Agenda"],
            id="outlook-header-block",
        ),
        pytest.param(
            "Agreed.\n________________________________\nFrom: X\nSent: Thursday\n"
            "To: a@example.org; b@example.org;\nc@example.org\nSubject: A/RES/61/16\n\nSee the Tunis Agenda.\n",
            ["the Tunis Agenda"],
            id="outlook-separator-and-wrapped-to",
        ),
        pytest.param(
            "See the Tunis Agenda.\n\n---------- Forwarded message ---------\nFrom: X <x@example.org>\n"
            "Date: Thu, Nov 23, 2006\nSubject: resolution 61/16\n\nSee paragraph 35 of the Tunis Agenda.\n",
            ["the Tunis Agenda", "paragraph 35 of the Tunis Agenda"],
            id="forwarded-header-block",
        ),
        pytest.param(
            "See the Tunis Agenda.\n\n_______________________________________________\n"
            "Governance mailing list, resolution 61/16\nhttp://lists.cpsr.org/lists/info/governance\n",
            ["the Tunis Agenda"],
            id="mailing-list-footer",
        ),
        pytest.param(
            "I agree.\n\nOn Mon, X wrote:\n> See the Tunis Agenda.\n> -- \n> X, resolution 61/16 group\n\n"
            "And paragraph 35 of the Tunis Agenda.\n",
            ["the Tunis Agenda", "paragraph 35 of the Tunis Agenda"],
            id="quoted-signature-ends-with-its-quotation",
        ),
        pytest.param(
            "<div>Parminder wrote : </div><blockquote>See the Tunis Agenda.</blockquote>"
            "<div>-- <br>Avri<br>resolution 61/16</div>",
            ["the Tunis Agenda"],
            id="html-attribution-and-signature",
        ),
        pytest.param(
            "<p>Agreed.</p><div><p><b>From:</b> X<br><b>Sent:</b> Thursday<br><b>To:</b> list<br>"
            "<b>Subject:</b> RE: resolution 61/16</p></div><p>See the Tunis Agenda.</p>",
            ["the Tunis Agenda"],
            id="html-outlook-header-block",
        ),
        # near misses: text that only looks like furniture
        pytest.param(
            "The Secretary-General wrote in resolution 61/16 that the Tunis Agenda applies.\n",
            ["resolution 61/16", "the Tunis Agenda"],
            id="wrote-inside-a-sentence",
        ),
        pytest.param(
            "From: resolution 61/16 onwards, see the Tunis Agenda.\n",
            ["resolution 61/16", "the Tunis Agenda"],
            id="one-header-like-line",
        ),
        pytest.param(
            "1. Decides to act;\n__________________\n1 See resolution 61/16.\n",
            ["resolution 61/16"],
            id="footnote-rule-is-not-a-footer",
        ),
    ],
)
def test_furniture_gives_nothing(body: str, references: list[str]) -> None:
    doc = resolex.extract(body)
    assert [" ".join(r.text.split()) for r in doc.references] == references


def test_paragraphs_in_furniture_are_dropped() -> None:
    body = (
        "On 11/23/06, X wrote:\n> 24. Invites the Secretary-General to report;\n\n"
        f"{SIG}\n1. Decides to sign with resolution 61/16 in mind;\n"
    )
    doc = resolex.extract(body, format="text")
    assert [(p.id, p.quote_depth) for p in doc.paragraphs] == [("para_24", 1)]


def test_a_signature_runs_at_most_fifteen_lines() -> None:
    lines = [SIG, *(f"line {i}" for i in range(1, 30))]
    norm = normalize_text("\n".join(lines))
    ((start, end),) = reply_furniture(norm.text, norm.depth_at)
    assert norm.text[start:end].split("\n")[-1] == "line 14"


def test_regions_are_sorted_and_disjoint() -> None:
    body = "On Mon, X wrote:\n> a\n> -- \n> b\n\nc\n\n-----Original Message-----\nFrom: x\nSent: y\n\nd\n-- \ne\n"
    norm = normalize_text(body)
    regions = reply_furniture(norm.text, norm.depth_at)
    assert [norm.text[s:e] for s, e in regions] == [
        "On Mon, X wrote:",
        "-- \nb",
        "-----Original Message-----\nFrom: x\nSent: y",
        "-- \ne",
    ]
    flat = [x for region in regions for x in region]
    assert flat == sorted(flat)
