"""Shared fixtures: where the seeds and the shared corpus live."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
CORPUS = REPO.parent / "shared" / "corpus"


FUZZ_EXAMPLES_FULL = "100000"


def pytest_configure(config: pytest.Config) -> None:
    """Slow tests asked for by name (``-m slow``) run their full count of examples.

    The suite (``.ci/run``) runs them too, with a few hundred examples: ``RESOLEX_FUZZ_EXAMPLES``,
    when set, decides either way (see tests/test_fuzz.py).
    """
    if "slow" in (config.getoption("markexpr") or "") and "RESOLEX_FUZZ_EXAMPLES" not in os.environ:
        os.environ["RESOLEX_FUZZ_EXAMPLES"] = FUZZ_EXAMPLES_FULL


def corpus_file(relative: str) -> Path:
    """A file of ../shared/corpus, or skip the test with the reason."""
    path = CORPUS / relative
    if not path.is_file():
        pytest.skip(f"shared corpus not available: {path.name} is not in ../shared/corpus")
    return path
