"""The scorer itself, on a tiny gold set with known answers (eval/score.py)."""

from __future__ import annotations

from typing import Any

import pytest

import resolex
from tests.test_corpus import SCORER

TEXT = (
    "The General Assembly,\n\n"
    "Recalling its resolution 60/252,\n\n"
    "1. Decides to act on paragraph 35 of the Tunis Agenda;\n\n"
    "2. Requests a report on the Charter of the United Nations."
)


def gold(**changes: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "paragraph": [
            {"kind": "preambular", "lead": "Recalling"},
            {"kind": "operative", "number": "1", "lead": "Decides"},
            {"kind": "operative", "number": "2", "lead": "Requests"},
        ],
        "reference": [
            {"text": "its resolution 60/252", "target": "ga-60-252", "pinpoints": []},
            {"text": "paragraph 35 of the Tunis Agenda", "target": "tunis-agenda", "pinpoints": ["35"]},
            {"text": "the Charter of the United Nations", "target": "un-charter", "pinpoints": []},
        ],
    }
    return base | changes


def test_a_perfect_prediction_scores_one() -> None:
    tally = SCORER.score_document("t", gold(), resolex.extract(TEXT))
    assert (tally.para_tp, tally.para_fp, tally.para_fn) == (3, 0, 0)
    assert (tally.ref_tp, tally.ref_fp, tally.ref_fn) == (3, 0, 0)
    assert tally.lead_ok == 3
    assert SCORER.prf(tally.ref_tp, tally.ref_fp, tally.ref_fn) == (1.0, 1.0, 1.0)


def test_wrong_target_wrong_pinpoint_missed_and_false_are_counted() -> None:
    wrong = gold(
        reference=[
            {"text": "its resolution 60/252", "target": "A/RES/60/999", "pinpoints": []},
            {"text": "paragraph 35 of the Tunis Agenda", "target": "tunis-agenda", "pinpoints": ["36"]},
            {"text": "resolution 70/1", "target": "ga-70-1", "pinpoints": []},
        ],
        paragraph=[
            {"kind": "preambular", "lead": "Recalling also"},
            {"kind": "operative", "number": "1", "lead": "Decides"},
            {"kind": "operative", "number": "3", "lead": "Requests"},
        ],
    )
    tally = SCORER.score_document("t", wrong, resolex.extract(TEXT))
    # paragraphs: preambular #1 and op. 1 match, op. 3 is missed and op. 2 is false
    assert (tally.para_tp, tally.para_fp, tally.para_fn) == (2, 1, 1)
    assert tally.lead_ok == 1  # "Recalling" is not "Recalling also"
    # references: nothing matches; three predicted are false, three gold are missed
    assert (tally.ref_tp, tally.ref_fp, tally.ref_fn) == (0, 3, 3)
    kinds = sorted(kind for kind, _, _ in tally.errors)
    assert kinds == [
        "false paragraph",
        "false positive",
        "false positive",
        "false positive",
        "missed form",
        "missed paragraph",
        "wrong pinpoint",
        "wrong target",
    ]


@pytest.mark.parametrize(
    ("tp", "fp", "fn", "expected"),
    [(0, 0, 0, (1.0, 1.0, 1.0)), (1, 1, 0, (0.5, 1.0, 2 / 3)), (0, 2, 2, (0.0, 0.0, 0.0))],
)
def test_precision_recall_f1(tp: int, fp: int, fn: int, expected: tuple[float, float, float]) -> None:
    assert SCORER.prf(tp, fp, fn) == pytest.approx(expected)
