"""Validation: the table of codes in docs/diagnostics.md, walked row by row, then the cases
around each check that the table has no room for.

Every row's example must raise its code and every near miss must not. Expected spans are
written inline as [[markers]]; messages and severities were read off the texts by hand.
"""

from __future__ import annotations

import ast
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest

import resolex
import resolex.detect
from resolex import Diagnostic, Document, Report, validate
from tests.conftest import REPO, SEEDS

TABLE = REPO / "docs" / "diagnostics.md"

TUNIS = resolex.extract(
    "72. We ask the UN Secretary-General, in an open and inclusive process, to convene, by the second"
    " quarter of 2006, a meeting of the new forum for multi-stakeholder policy dialogue - called the"
    " Internet Governance Forum (IGF).\n\n"
    "73. We reaffirm our commitment to the Forum.\n"
)
CORPUS = {"tunis-agenda": TUNIS}


Example = str | bytes | dict[str, object] | tuple[object, ...]


@dataclass(frozen=True)
class Row:
    code: str
    severities: tuple[str, ...]
    corpus: bool
    example: Example
    near_miss: Example
    time_limit: bool = False  # run with the detector's time limit lowered (RX031)


def _literal(cell: str) -> Example:
    value = ast.literal_eval(cell.strip().strip("`"))
    assert isinstance(value, (str, bytes, dict, tuple)), cell
    return value


def table_rows() -> list[Row]:
    rows = []
    for line in TABLE.read_text(encoding="utf-8").splitlines():
        if not line.startswith("| RX"):
            continue
        code, severity, _stage, what, example, near = (c.strip() for c in line.strip("|").split(" | "))
        severities = tuple(s.strip() for s in severity.split(","))
        limited = "*(time limit)*" in what
        rows.append(Row(code, severities, "*(corpus)*" in what, _literal(example), _literal(near), limited))
    return rows


ROWS = table_rows()


def documents(source: Example) -> list[Document]:
    """The table's example as documents: text, raw bytes, a Document as JSON, or a file read."""
    if isinstance(source, dict):
        return [Document.model_validate(source)]
    if isinstance(source, (str, bytes)):
        return [resolex.extract(source)]
    name, content, *more = source
    assert isinstance(name, str)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, name)
        if content is None:
            os.symlink(Path(folder, "nowhere", name), path)
        else:
            assert isinstance(content, bytes)
            path.write_bytes(content * (more[0] if more else 1))  # type: ignore[operator]
        if more:
            return list(resolex.read(folder, max_bytes=more[1]))  # type: ignore[arg-type]
        return list(resolex.read(folder))


def found(source: Example, *, corpus: bool = False) -> list[Diagnostic]:
    return list(validate(documents(source), corpus=CORPUS if corpus else None).diagnostics)


def codes(source: Example, *, corpus: bool = False) -> list[str]:
    return [d.code for d in found(source, corpus=corpus)]


def marked(text: str) -> tuple[str, tuple[int, int]]:
    """Text with one [[span]] marked: the text without markers, and the span's offsets."""
    start = text.index("[[")
    end = text.index("]]") - 2
    return text.replace("[[", "").replace("]]", ""), (start, end)


# --- the table ---------------------------------------------------------------------------------


def test_the_table_lists_every_code_the_package_can_record() -> None:
    source = "\n".join(p.read_text(encoding="utf-8") for p in sorted((REPO / "src" / "resolex").rglob("*.py")))
    in_code = set(re.findall(r"\"(RX\d{3})\"", source))
    assert sorted(in_code) == sorted(r.code for r in ROWS)


def test_the_table_has_one_row_per_code() -> None:
    listed = [r.code for r in ROWS]
    assert len(listed) == len(set(listed)) >= 30


@pytest.fixture
def limit(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """A row marked *(time limit)* runs with the reference pattern's time limit at a nanosecond."""
    if request.node.callspec.params["row"].time_limit:
        monkeypatch.setattr(resolex.detect, "_timeout", lambda text: 1e-9)


@pytest.mark.parametrize("row", ROWS, ids=[r.code for r in ROWS])
@pytest.mark.usefixtures("limit")
def test_the_example_triggers_its_code_with_its_severity(row: Row) -> None:
    hits = [d for d in found(row.example, corpus=row.corpus) if d.code == row.code]
    assert hits, f"{row.code} not raised by {row.example!r}"
    assert {d.severity for d in hits} <= set(row.severities)
    assert all(d.message for d in hits)


@pytest.mark.parametrize("row", ROWS, ids=[r.code for r in ROWS])
@pytest.mark.usefixtures("limit")
def test_the_near_miss_does_not(row: Row) -> None:
    assert row.code not in codes(row.near_miss, corpus=row.corpus)


# --- the report -------------------------------------------------------------------------------


def test_report_ok_and_diagnostics_across_documents() -> None:
    clean = resolex.extract("1. Decides to act;\n\n2. Requests a report.")
    gap = resolex.extract("11. Requests the Secretary-General to report;\n\n13. Decides to remain seized.")
    report = validate({"clean.txt": clean, "gap.txt": gap})
    assert [(e.name, e.ok) for e in report.documents] == [("clean.txt", True), ("gap.txt", False)]
    assert [d.code for d in report.diagnostics] == ["RX102"]
    assert report.ok is False
    assert validate(clean).ok is True
    assert validate([clean, clean]).ok is True
    assert Report.model_validate_json(report.model_dump_json()) == report


def test_warnings_and_notes_leave_a_report_ok() -> None:
    report = validate(resolex.extract("11. Requests a report;\n\n(...)\n\n13. Decides to remain seized."))
    assert [(d.code, d.severity) for d in report.diagnostics] == [("RX101", "info")]
    assert report.ok is True


@pytest.mark.parametrize("wrong", ["1. Decides.", b"1. Decides.", 42, [object()]], ids=["str", "bytes", "int", "list"])
def test_validate_takes_documents_only(wrong: object) -> None:
    with pytest.raises(TypeError, match="Document"):
        validate(wrong)  # type: ignore[arg-type]


def test_extraction_diagnostics_are_carried_and_not_repeated() -> None:
    doc = resolex.extract("11. Requests the Secretary-General to report;\n12. The Forum will meet in the usual way of things;\n13. Decides to remain seized.")
    assert [d.code for d in doc.diagnostics] == ["RX011"]
    assert [d.code for d in validate(doc).diagnostics] == ["RX011"]


# --- seeds ------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.name[:3])
def test_the_seeds_validate_without_errors(path: Path) -> None:
    assert validate(resolex.extract(path.read_text(encoding="utf-8"))).ok


def test_seed_002_gaps_are_explained_by_its_elisions() -> None:
    (path,) = sorted(SEEDS.glob("002_*.txt"))
    doc = resolex.extract(path.read_text(encoding="utf-8"))
    found_ = [(d.code, d.severity, d.message, doc.text[d.span.start : d.span.end] if d.span else None) for d in validate(doc).diagnostics]
    assert found_ == [
        ("RX101", "info", "paragraphs 22 to 23 are left out between 21 and 24, where the elision '(...)' stands", "(...)"),
        ("RX101", "info", "paragraphs 25 to 29 are left out between 24 and 30, where the elision '(...)' stands", "(...)"),
    ]


# --- numbering --------------------------------------------------------------------------------


NUMBERING = [
    ("11. Requests a report;\n\n[[13. Decides to remain seized.]]", "RX102", "paragraph 12 is missing between 11 and 13"),
    ("11. Requests a report;\n\n[[15. Decides to remain seized.]]", "RX102", "paragraphs 12 to 14 are missing between 11 and 15"),
    ("The General Assembly,\n\nRecalling its resolution 60/252,\n\n[[3. Requests a report.]]", "RX102", "paragraphs 1 to 2 are missing before 3"),
    ("11. Requests a report;\n\n[[(...)]]\n\n13. Decides to remain seized.", "RX101", "paragraph 12 is left out between 11 and 13, where the elision '(...)' stands"),
    ("7. Requests a report;\n\n[[7. Decides to remain seized.]]", "RX103", "paragraph 7 appears twice (again here)"),
    ("5. Requests a report;\n\n6. Notes the report;\n\n[[4. Decides to remain seized.]]", "RX104", "paragraph 4 comes after paragraph 6: out of order"),
]


@pytest.mark.parametrize(("text", "code", "message"), NUMBERING, ids=[f"{c}-{i}" for i, (_, c, _) in enumerate(NUMBERING)])
def test_numbering_message_and_span(text: str, code: str, message: str) -> None:
    plain, span = marked(text)
    doc = resolex.extract(plain)
    hits = [d for d in validate(doc).diagnostics if d.code == code]
    assert [(d.message, (d.span.start, d.span.end) if d.span else None) for d in hits] == [(message, span)]


NUMBERING_NEAR_MISSES = {
    "an excerpt that starts at 11": "11. Requests a report;\n\n12. Decides to remain seized.",
    "bis between 6 and 7": "6. Decides to act;\n\n6 bis. Decides to wait;\n\n7. Requests a report.",
    "draft labels PP and OP apart": "The General Assembly,\n\nPP1 Recalling its resolution 60/252,\n\nPP2 Noting the report,\n\nOP1 Requests a report;\n\nOP2 Decides to remain seized.",
    "a volume of ITU resolutions: resolves 1, 2 in each": (
        "RESOLUTION 2 (REV. DUBAI, 2018)\n\nThe Plenipotentiary Conference,\n\nconsidering\n\na) that the Forum is useful;\n\nb) that it meets yearly,\n\n"
        "resolves\n\n1 that the Forum continue;\n\n2 that it report,\n\nRESOLUTION 5 (REV. DUBAI, 2018)\n\nThe Plenipotentiary Conference,\n\n"
        "considering\n\na) that the Union is useful,\n\nresolves\n\n1 that the Union continue;\n\n2 that it report."
    ),
    "a reply quoting the draft it answers": "> 5. Requests a report;\n> 6. Decides to remain seized.\n\n5. Requests a full report by May.\n",
}


@pytest.mark.parametrize("text", NUMBERING_NEAR_MISSES.values(), ids=NUMBERING_NEAR_MISSES.keys())
def test_numbering_near_misses(text: str) -> None:
    assert not {"RX102", "RX103", "RX104"} & set(codes(text))


def test_a_gap_with_the_elision_elsewhere_is_still_an_error() -> None:
    text = "(...)\n\n10. Notes the report;\n\n11. Requests a report;\n\n13. Decides to remain seized."
    assert codes(text) == ["RX102"]


# --- sub-paragraph labels ----------------------------------------------------------------------


LABELS = [
    ("1. Requests a report:\n(a) on this;\n[[(c)]] on that.", "RX105", "sub-paragraph (c) of paragraph 1 is out of sequence: (b) was expected"),
    ("1. Requests a report:\n(a) on this;\n(b) on that;\n[[(a)]] on the other.", "RX105", "sub-paragraph (a) of paragraph 1 is out of sequence: (c) was expected"),
    ("1. Requests a report:\n(a) on this:\n(i) one;\n[[(iii)]] three;\n(b) on that.", "RX106", "roman numeral (iii) of paragraph 1 is out of sequence: (ii) was expected"),
    ("1. Requests a report on: (i) one; (ii) two; [[(iv)]] four.", "RX106", "roman numeral (iv) of paragraph 1 is out of sequence: (iii) was expected"),
]


@pytest.mark.parametrize(("text", "code", "message"), LABELS, ids=[f"{c}-{i}" for i, (_, c, _) in enumerate(LABELS)])
def test_label_message_and_span(text: str, code: str, message: str) -> None:
    plain, span = marked(text)
    hits = [d for d in validate(resolex.extract(plain)).diagnostics if d.code == code]
    assert [(d.message, (d.span.start, d.span.end) if d.span else None) for d in hits] == [(message, span)]


LABEL_NEAR_MISSES = {
    "(i) after (h) is a letter": "1. Requests a report:\n(a) a;\n(b) b;\n(c) c;\n(d) d;\n(e) e;\n(f) f;\n(g) g;\n(h) h;\n(i) i;\n(j) j.",
    "roman items under a letter, then the next letter": "1. Requests a report:\n(a) on this:\n(i) one;\n(ii) two;\n(b) on that.",
    "a roman list with no letters": "1. Requests a report on: (i) one; (ii) two; (iii) three.",
    "an elision between (a) and (c)": "1. Requests a report: (a) on this; (...) (c) on that.",
    "a label printed mid-sentence": "2 that the programme continue, taking into consideration a) the outcome of the pilot;\nb) the needs of regions.",
    "labels inside a cross-reference": "1. Recalls paragraphs 3 (a) and (c) of resolution 60/252;",
}


@pytest.mark.parametrize("text", LABEL_NEAR_MISSES.values(), ids=LABEL_NEAR_MISSES.keys())
def test_label_near_misses(text: str) -> None:
    assert not {"RX105", "RX106"} & set(codes(text))


# --- structure --------------------------------------------------------------------------------


def test_preambular_after_operative_names_both() -> None:
    text = "The General Assembly,\n\nRecalling its resolution 60/252,\n\n1. Requests a report;\n\n[[2. Recalling its resolution 60/1;]]\n\n3. Decides to remain seized."
    plain, span = marked(text)
    (hit,) = [d for d in validate(resolex.extract(plain)).diagnostics if d.code == "RX202"]
    assert hit.message == "preambular paragraph 2 ('Recalling') comes after operative paragraph 1"
    assert hit.span is not None
    assert (hit.span.start, hit.span.end) == span


def test_sections_carry_their_own_preamble() -> None:
    text = (
        "The General Assembly,\n\nI\n\nRecalling its resolution 60/252,\n\n1. Requests a report;\n\n2. Decides to act;\n\n"
        "II\n\nNoting the report,\n\n1. Welcomes the report;\n\n2. Decides to remain seized."
    )
    assert not {"RX103", "RX202", "RX201"} & set(codes(text))


def test_an_unnumbered_proclamation_before_articles_is_not_in_the_preamble() -> None:
    text = "The General Assembly,\n\nRecalling its resolution 60/252,\n\nProclaims this Declaration as a common standard.\n\n1. Requests a report."
    assert "RX201" not in codes(text)


def test_lead_checks_match_the_segmenter() -> None:
    paragraph = resolex.Paragraph(id="para_1", number="1", kind="operative", lead="", text="1. x", span=resolex.Span(start=0, end=4))
    doc = Document(text="1. x", paragraphs=(paragraph,))
    assert [(d.code, d.severity, d.message) for d in validate(doc).diagnostics] == [("RX010", "warning", "paragraph 1 opens with no known lead")]


def test_orphan_items_span_their_lines() -> None:
    plain, span = marked("Dear all,\n\n[[(a) on this;\n(b) on that;]]\n\nBest regards")
    hits = [d for d in validate(resolex.extract(plain)).diagnostics if d.code == "RX203"]
    assert [(d.message, (d.span.start, d.span.end) if d.span else None) for d in hits] == [("sub-paragraphs (a), (b) stand outside any paragraph", span)]


# --- references -------------------------------------------------------------------------------


SELF = [
    ("1. Decides to act;\n\n2. Recalls [[paragraph 14 above]].", "error", "paragraph 14 is cited; this text has no paragraph 14"),
    ("1. Decides to act;\n\n2. Recalls [[paragraph 14]].", "warning", "paragraph 14 is cited; this text has no paragraph 14 (another text may be meant)"),
    ("1. Decides to act;\n\n(...)\n\n3. Recalls [[paragraph 14 above]].", "warning", "paragraph 14 is cited; this text (an excerpt) has no paragraph 14"),
]


@pytest.mark.parametrize(("text", "severity", "message"), SELF, ids=["above", "bare", "excerpt"])
def test_self_reference_to_a_missing_paragraph(text: str, severity: str, message: str) -> None:
    plain, span = marked(text)
    hits = [d for d in validate(resolex.extract(plain)).diagnostics if d.code == "RX301"]
    assert [(d.severity, d.message, (d.span.start, d.span.end) if d.span else None) for d in hits] == [(severity, message, span)]


def test_a_text_without_numbered_paragraphs_is_not_checked_for_self_references() -> None:
    assert "RX301" not in codes("As I said in paragraph 14 above, the Forum is useful.")


def test_catalogue_count_and_article_unit() -> None:
    assert [d.message for d in found("Recalling paragraph 40 of resolution 55/2,") if d.code == "RX303"] == [
        "paragraph 40 of United Nations Millennium Declaration is cited; it has 32 paragraphs"
    ]
    assert "RX303" in codes("Recalling article 31 of the Universal Declaration of Human Rights,")
    assert "RX303" not in codes("Recalling article 30 of the Universal Declaration of Human Rights,")


@pytest.mark.parametrize(
    "text",
    ["See A/RES/60/252.", "See S/RES/1325 (2000).", "See E/RES/2006/46.", "See A/HRC/RES/20/8.", "See A/RES/ES-10/19.", "recalling its resolution 36/87 A and B of 9 December 1981,"],
    ids=["ga", "sc", "ecosoc", "hrc", "emergency-session", "lettered-by-number"],
)
def test_well_formed_symbols(text: str) -> None:
    assert "RX305" not in codes(text)


def test_malformed_symbol_message() -> None:
    plain, span = marked("See [[A/RES/60/2520/1]].")
    hits = [d for d in validate(resolex.extract(plain)).diagnostics if d.code == "RX305"]
    assert [(d.message, (d.span.start, d.span.end) if d.span else None) for d in hits] == [
        ("symbol A/RES/60/2520/1 is malformed: General Assembly resolutions read like A/RES/60/252", span)
    ]


# --- quotations -------------------------------------------------------------------------------


QUOTES_THAT_MATCH = {
    "exact": "Recall paragraph 72 of the Tunis Agenda, which says 'We ask the UN Secretary-General, in an open and inclusive process, to convene'.",
    "case, spaces and punctuation": 'Recall paragraph 72 of the Tunis Agenda, which reads: "we ask the UN Secretary General in an open and inclusive process, to convene".',
    "an ellipsis": "Recall paragraph 72 of the Tunis Agenda: 'We ask the UN Secretary-General … to convene'.",
    "a bracketed insertion": "Recall paragraph 72 of the Tunis Agenda, which says 'We ask the UN Secretary-General [Kofi Annan], in an open and inclusive process'.",
    "no quotation at all": "Recall paragraph 72 of the Tunis Agenda and 'the spirit of Tunis'.",
}


@pytest.mark.parametrize("text", QUOTES_THAT_MATCH.values(), ids=QUOTES_THAT_MATCH.keys())
def test_quotations_that_match(text: str) -> None:
    assert not {"RX401", "RX402"} & set(codes(text, corpus=True))


def test_a_misquotation_says_where_it_leaves_the_text() -> None:
    plain, span = marked("Recall paragraph 72 of the Tunis Agenda, which says '[[We ask the UN Secretary-General to convene a meeting]]'.")
    hits = [d for d in validate(resolex.extract(plain), corpus=CORPUS).diagnostics if d.code == "RX401"]
    assert [(d.message, (d.span.start, d.span.end) if d.span else None) for d in hits] == [
        ("quotation of paragraph 72 of tunis-agenda differs from its text at 'to' (after 'the UN Secretary-General')", span)
    ]


def test_quotations_are_only_checked_with_a_corpus() -> None:
    text = "Recall paragraph 72 of the Tunis Agenda, which says 'We ask the Secretary-General to close the forum'."
    assert not {"RX401", "RX402"} & set(codes(text))


def test_a_quotation_of_the_text_itself_needs_no_corpus() -> None:
    assert "RX401" in codes('1. Decides to act;\n\n2. Recalls paragraph 1 above, which says "Decides to wait".')
    assert "RX401" not in codes('1. Decides to act;\n\n2. Recalls paragraph 1 above, which says "Decides to act".')


def test_a_mapping_validated_is_its_own_corpus() -> None:
    citing = resolex.extract("Recall paragraph 72 of the Tunis Agenda, which says 'We ask the Secretary-General to close the forum'.")
    report = validate({"tunis-agenda": TUNIS, "mail": citing})
    assert [(e.name, [d.code for d in e.diagnostics]) for e in report.documents] == [("tunis-agenda", []), ("mail", ["RX401"])]


def test_a_pinpoint_missing_from_the_corpus_text() -> None:
    hits = [d for d in found("Recalling paragraph 99 of the Tunis Agenda,", corpus=True) if d.code == "RX304"]
    assert [(d.severity, d.message) for d in hits] == [("error", "paragraph 99 is cited; tunis-agenda has no paragraph 99")]
