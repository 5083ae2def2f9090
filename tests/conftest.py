"""Shared fixtures: where the seeds and the shared corpus live."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
CORPUS = REPO.parent / "shared" / "corpus"


def corpus_file(relative: str) -> Path:
    """A file of ../shared/corpus, or skip the test with the reason."""
    path = CORPUS / relative
    if not path.is_file():
        pytest.skip(f"shared corpus not available: {path.name} is not in ../shared/corpus")
    return path
