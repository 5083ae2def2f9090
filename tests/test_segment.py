"""Segmentation: what is a paragraph, where it ends, what it belongs to.

Each case is written to show one rule; the expectations follow the UN
conventions (../shared/docs/un-conventions.md §1) and were worked out by hand.
"""

from __future__ import annotations

import pytest

import resolex


def shape(text: str, fmt: str = "text") -> list[tuple[str, str | None, str, str]]:
    doc = resolex.extract(text, format=fmt)  # type: ignore[arg-type]
    return [(p.id, p.number, p.kind, p.lead) for p in doc.paragraphs]


RESOLUTION = """60/252. World Summit on the Information Society

The General Assembly,

Recalling its resolutions 56/183 of 21 December 2001 and 57/238 of 20 December 2002,

Recalling also the Tunis Agenda for the Information Society,

Deeply concerned that the digital divide persists,

1. Endorses the Tunis Commitment and the Tunis Agenda;

2. Also requests the Secretary-General to report;

3. Takes note with appreciation of the report;

4. Decides to consider the matter at its sixty-first session.

86th plenary meeting
27 March 2006
"""


def test_full_resolution_structure() -> None:
    doc = resolex.extract(RESOLUTION)
    assert doc.enacting_body == "General Assembly"
    assert doc.title == "World Summit on the Information Society"
    assert doc.symbol == "A/RES/60/252"
    assert [(p.id, p.number, p.kind, p.lead) for p in doc.paragraphs] == [
        ("preamble__p_1", None, "preambular", "Recalling"),
        ("preamble__p_2", None, "preambular", "Recalling also"),
        ("preamble__p_3", None, "preambular", "Deeply concerned"),
        ("para_1", "1", "operative", "Endorses"),
        ("para_2", "2", "operative", "Also requests"),
        ("para_3", "3", "operative", "Takes note"),
        ("para_4", "4", "operative", "Decides"),
    ]
    assert doc.paragraphs[-1].text == "4. Decides to consider the matter at its sixty-first session."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Dear all,\n\n1. logistics will follow.\n2. the agenda is attached.\n\nBest",
            [],
            id="numbered-email-prose-lowercase",
        ),
        pytest.param(
            "Points:\n1. Agenda\n2. Venue\n3. AOB\n",
            [],
            id="short-numbered-list-without-leads",
        ),
        pytest.param(
            "We meet on 11/23/06 at 10.30.\n3.5 million were spent.\n", [], id="dates-times-decimals"
        ),
        pytest.param(
            "Noting that the meeting went well, I propose we continue.\n",
            [],
            id="prose-that-opens-with-a-participle",
        ),
        pytest.param(
            "24) Invites the Secretary-General to convene consultations;",
            [("para_24", "24", "operative", "Invites")],
            id="number-with-parenthesis",
        ),
        pytest.param(
            "1.\nEndorses the declaration;\n\n2.\nRequests a report.",
            [("para_1", "1", "operative", "Endorses"), ("para_2", "2", "operative", "Requests")],
            id="number-alone-on-its-line",
        ),
        pytest.param(
            "35. We reaffirm that the management of the Internet encompasses technical issues.\n"
            "36. We recognize that there is a need to promote multi-stakeholder cooperation.",
            [("para_35", "35", "operative", "We reaffirm"), ("para_36", "36", "operative", "We recognize")],
            id="declaration-we-paragraphs",
        ),
        pytest.param(
            "28. We recognize that the Internet is a global facility available to the public.\n"
            "29. The Internet has evolved into a global facility available to the public and its governance.\n"
            "30. We acknowledge that the Internet is central to the infrastructure of the society.",
            [
                ("para_28", "28", "operative", "We recognize"),
                ("para_29", "29", "operative", "The Internet"),
                ("para_30", "30", "operative", "We acknowledge"),
            ],
            id="unled-paragraph-inside-a-numbered-run",
        ),
        pytest.param(
            "OP5 Decides to convene the Forum;\nOP6 Requests the Secretary-General to report;",
            [("para_5", "5", "operative", "Decides"), ("para_6", "6", "operative", "Requests")],
            id="negotiation-draft-op-labels",
        ),
        pytest.param(
            "The Security Council,\n\nActing under Chapter VII of the Charter of the United Nations,\n\n"
            "Adopts the annexed declaration.",
            [
                ("preamble__p_1", None, "preambular", "Acting under"),
                ("para_unnumbered", None, "operative", "Adopts"),
            ],
            id="single-unnumbered-operative-paragraph",
        ),
        pytest.param(
            "The Security Council,\nGravely distressed by the continuing violence,\n1. Decides to act.",
            [
                ("preamble__p_1", None, "preambular", "Gravely distressed"),
                ("para_1", "1", "operative", "Decides"),
            ],
            id="preambular-participle-outside-the-vocabulary",
        ),
    ],
)
def test_what_is_a_paragraph(text: str, expected: list[tuple[str, str | None, str, str]]) -> None:
    assert shape(text) == expected


def test_pdf_wrapped_lines_belong_to_one_paragraph() -> None:
    text = (
        "The Security Council,\n"
        "Recalling its previous resolutions on the Central African Republic, in particular\n"
        "resolutions 2121 (2013) and 2127 (2013),\n"
        "1. Decides that all Member States shall take the necessary measures to prevent the\n"
        "supply of arms; and to establish a functioning public financial management in order to\n"
        "Meet the expenses;\n"
        "2. Requests the Secretary-General to report.\n"
    )
    doc = resolex.extract(text)
    assert [p.id for p in doc.paragraphs] == ["preamble__p_1", "para_1", "para_2"]
    assert doc.paragraphs[1].text.endswith("Meet the expenses;")
    assert doc.paragraphs[0].text.endswith("2127 (2013),")


def test_paragraphs_run_together_on_one_line_are_split() -> None:
    text = (
        "The Security Council,\n"
        "29. Requests the Secretariat to provide options; 30. Calls upon the Panel of Experts to cooperate; "
        "31. Expresses particular concern about reports of illicit trafficking networks and calls for action; "
        "Reporting and review 32. Calls upon all States to report to the Committee;\n"
    )
    doc = resolex.extract(text)
    assert [(p.number, p.lead, p.section) for p in doc.paragraphs] == [
        ("29", "Requests", None),
        ("30", "Calls upon", None),
        ("31", "Expresses", None),
        ("32", "Calls upon", "Reporting and review"),
    ]
    assert doc.paragraphs[1].text == "30. Calls upon the Panel of Experts to cooperate;"


def test_headings_and_elisions_from_word_mail() -> None:
    html = (
        "<p>21. Recognizes that the two processes may be complementary,</p>"
        "<p><b>Enhanced cooperation</b></p><p>(...)</p>"
        "<p>24. Invites the Secretary-General to convene consultations;</p>"
        "<p><b>Internet Governance Forum</b></p><p>[...]</p>"
        "<p>30. Invites the chair of the Commission to establish a working group.</p>"
    )
    doc = resolex.extract(html)
    assert [(p.number, p.section) for p in doc.paragraphs] == [
        ("21", None),
        ("24", "Enhanced cooperation"),
        ("30", "Internet Governance Forum"),
    ]
    assert [e.text for e in doc.elisions] == ["(...)", "[...]"]
    assert [h.text for h in doc.headings] == ["Enhanced cooperation", "Internet Governance Forum"]


def test_subparagraphs_on_their_own_lines_with_nested_items() -> None:
    text = (
        "5. Decides that the Forum shall:\n"
        "(a) Discuss public policy issues;\n"
        "(b) Facilitate discourse between bodies, in particular:\n"
        "(i) Intergovernmental organizations;\n"
        "(ii) Other institutions;\n"
        "(c) Interface with appropriate organizations;\n"
    )
    doc = resolex.extract(text)
    (para,) = doc.paragraphs
    assert [s.label for s in para.subparagraphs] == ["a", "b", "c"]
    assert [s.label for s in para.subparagraphs[1].subparagraphs] == ["i", "ii"]
    assert para.subparagraphs[1].subparagraphs[1].id == "para_5__subpara_b__subpara_ii"
    assert para.subparagraphs[0].text == "(a) Discuss public policy issues;"


def test_inline_subparagraphs_and_letter_i_after_h() -> None:
    labels = "abcdefghij"
    items = "; ".join(f"({c}) item {c}" for c in labels)
    doc = resolex.extract(f"7. Requests the following: {items}.")
    (para,) = doc.paragraphs
    assert [s.label for s in para.subparagraphs] == list(labels)
    assert all(s.subparagraphs == () for s in para.subparagraphs)


def test_pinpoint_in_text_is_not_a_subparagraph() -> None:
    doc = resolex.extract("3. Recalls paragraph 33 (b) of resolution 70/125 and (c) nothing else;")
    assert doc.paragraphs[0].subparagraphs == ()


def test_running_page_header_inside_a_paragraph_is_skipped() -> None:
    text = (
        "The General Assembly,\n\n"
        "2. Requests the Secretary-General to provide the necessary support, in accordance with\n\n"
        "Open-ended working group on security\n\n"
        "resolution 79/237, and the additional elements agreed;\n\n"
        "3. Also requests the Secretary-General to report."
    )
    doc = resolex.extract(text)
    assert [p.number for p in doc.paragraphs] == ["2", "3"]
    assert doc.paragraphs[0].text.endswith("the additional elements agreed;")
    assert doc.headings == ()


def test_annex_paragraphs_get_their_own_ids() -> None:
    text = (
        "The General Assembly\n\nAdopts the declaration annexed to the present resolution.\n\n"
        "28th plenary meeting\n\nAnnex\n\nDoha Political Declaration\n\n"
        "1. We, Heads of State and Government, have gathered in Doha.\n\n"
        "2. We acknowledge the urgent need to address social challenges."
    )
    doc = resolex.extract(text)
    assert [p.id for p in doc.paragraphs] == ["para_unnumbered", "annex__para_1", "annex__para_2"]
    assert doc.paragraphs[2].section == "Doha Political Declaration"


def test_itu_clauses_with_lettered_and_numbered_items() -> None:
    text = (
        "The Plenipotentiary Conference of the International Telecommunication Union (Dubai, 2018),\n\n"
        "considering\n\na) relevant resolutions of the General Assembly;\n\nb)\n\n"
        "Resolution 77 (Rev. Dubai, 2018) of this conference,\n\n"
        "resolves\n\n1 to hold the forum;\n\n2\n\nthat the forum shall be open to all;\n\n"
        "instructs the Secretary-General\n\nto make the necessary preparations,"
    )
    doc = resolex.extract(text)
    assert [(p.id, p.number, p.kind, p.lead) for p in doc.paragraphs] == [
        ("preamble__p_1", "a", "preambular", "considering"),
        ("preamble__p_2", "b", "preambular", "considering"),
        ("resolves__para_1", "1", "operative", "resolves"),
        ("resolves__para_2", "2", "operative", "resolves"),
        (
            "instructs_the_secretary_general__para_unnumbered",
            None,
            "operative",
            "instructs the Secretary-General",
        ),
    ]


def test_quoted_paragraph_records_its_depth() -> None:
    doc = resolex.extract("X wrote:\n> 24. Invites the Secretary-General to convene consultations;\n")
    (para,) = doc.paragraphs
    assert para.quote_depth == 1
    assert para.text == "24. Invites the Secretary-General to convene consultations;"


def test_duplicate_numbers_get_distinct_ids() -> None:
    ids = [p.id for p in resolex.extract("7. Decides to act;\n7. Requests a report;").paragraphs]
    assert ids == ["para_7", "para_7__dup_2"]


def test_uncertain_lead_is_reported() -> None:
    doc = resolex.extract(
        "28. We recognize that the Internet is a global facility available to the public.\n"
        "29. The Internet has evolved into a global facility available to the public and its governance.\n"
    )
    codes = [(d.code, d.span) for d in doc.diagnostics]
    assert ("RX011", doc.paragraphs[1].span) in codes


def test_sections_of_an_annex_keep_the_annex_in_their_ids() -> None:
    text = (
        "The General Assembly,\n\n1. Adopts the annexed text.\n\n25th plenary meeting\n\nAnnex\n\n"
        "I. Principles\n\n1. We affirm the principles of the Charter.\n\n2. We recall our commitments.\n\n"
        "II. Actions\n\n1. We decide to act together.\n\n"
        "III. Follow-up\n\n1. We request a report."
    )
    ids = [p.id for p in resolex.extract(text).paragraphs]
    assert ids == [
        "para_1",
        "annex__sec_I__para_1",  # numbering restarts in each section: every section names its own
        "annex__sec_I__para_2",
        "annex__sec_II__para_1",
        "annex__sec_III__para_1",
    ]
