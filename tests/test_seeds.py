"""The users' three e-mails, checked by hand against each message.

000: Bertrand's reply quoting Parminder. It names the Tunis Agenda twice:
     "(the Tunis agenda)" without a pinpoint and "para 76 of the Tunis Agenda".
     It quotes no resolution paragraph.
002: the CSTD draft ECOSOC resolution on WSIS follow-up, quoted in Word HTML:
     operative paragraphs 21 (Recognizes), 24 (Invites, under the bold heading
     "Enhanced cooperation") and 30 (Invites, under "Internet Governance
     Forum"), each heading followed by "(...)". Paragraph 24 cites "paragraph 35
     of the Tunis Agenda"; paragraph 30 names the "Tunis Agenda for the
     Information Society". Its <style> blocks hold numbers that are not text.
003: a reply about multi-stakeholder modalities: no paragraph, no reference
     ("another resolution", "the Agenda of the February meeting", "11/23/06"
     and "the 6 UN languages" are not citations).
"""

from __future__ import annotations

from pathlib import Path

import pytest

import resolex
from tests.conftest import SEEDS


def seed(prefix: str) -> resolex.Document:
    (path,) = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    return resolex.extract(Path(path).read_text(encoding="utf-8"))


def test_seed_000_names_the_tunis_agenda_twice() -> None:
    doc = seed("000")
    assert doc.paragraphs == ()
    found = [
        (r.text, r.document.id if r.document else None, [str(p) for p in r.pinpoints]) for r in doc.references
    ]
    assert found == [
        ("the Tunis agenda", "tunis-agenda", []),
        ("para 76 of the Tunis Agenda", "tunis-agenda", ["76"]),
    ]


def test_seed_002_quotes_three_operative_paragraphs() -> None:
    doc = seed("002")
    found = [(p.id, p.number, p.kind, p.lead, p.section) for p in doc.paragraphs]
    assert found == [
        ("para_21", "21", "operative", "Recognizes", None),
        ("para_24", "24", "operative", "Invites", "Enhanced cooperation"),
        ("para_30", "30", "operative", "Invites", "Internet Governance Forum"),
    ]
    assert doc.paragraphs[0].text.startswith("21. Recognizes that the Internet Governance related outcomes")
    assert doc.paragraphs[2].text.endswith("should the mandate of the IGF be extended,.")
    assert [h.text for h in doc.headings] == ["Enhanced cooperation", "Internet Governance Forum"]
    assert [e.text for e in doc.elisions] == ["(...)", "(...)"]


def test_seed_002_references_and_where_they_sit() -> None:
    doc = seed("002")
    found = [
        (r.text, r.document.id if r.document else None, [str(p) for p in r.pinpoints], r.paragraph_id)
        for r in doc.references
    ]
    assert found == [
        ("paragraph 35 of the Tunis Agenda", "tunis-agenda", ["35"], "para_24"),
        ("the Tunis Agenda for the Information Society", "tunis-agenda", [], "para_30"),
    ]


def test_seed_002_style_block_is_not_text() -> None:
    doc = seed("002")
    assert "font-family" not in doc.text
    assert "mso-" not in doc.text
    assert "panose" not in doc.text


def test_seed_003_has_nothing_to_extract() -> None:
    doc = seed("003")
    assert doc.paragraphs == ()
    assert doc.references == ()


@pytest.mark.parametrize("prefix", ["000", "002", "003"])
def test_seed_spans_point_at_their_text(prefix: str) -> None:
    doc = seed(prefix)
    items: list[resolex.Paragraph | resolex.Reference | resolex.Heading | resolex.Elision] = [
        *doc.paragraphs,
        *doc.references,
        *doc.headings,
        *doc.elisions,
    ]
    for item in items:
        assert doc.text[item.span.start : item.span.end] == item.text


@pytest.mark.parametrize("prefix", ["000", "002", "003"])
def test_seed_json_round_trip(prefix: str) -> None:
    doc = seed(prefix)
    assert resolex.Document.model_validate_json(doc.model_dump_json()) == doc
