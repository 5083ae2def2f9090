"""Static checks run with the suite: mypy --strict and ruff over the whole tree.

They run here, not only in CI, so that the README's one test command is the
whole gate. Each is skipped (with the reason) where the tool is not installed.
"""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from tests.conftest import REPO


def run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=REPO, capture_output=True, text=True, check=False, timeout=600)


def test_mypy_strict_is_clean() -> None:
    pytest.importorskip("mypy", reason="mypy is not installed (pip install -e '.[test]')")
    result = run(sys.executable, "-m", "mypy")
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_is_clean() -> None:
    if shutil.which("ruff") is None and run(sys.executable, "-m", "ruff", "--version").returncode != 0:
        pytest.skip("ruff is not installed (pip install -e '.[test]')")
    result = run(sys.executable, "-m", "ruff", "check", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_examples_run() -> None:
    result = run(sys.executable, "examples/quickstart.py")
    assert result.returncode == 0, result.stderr
    assert "24 operative Invites Enhanced cooperation" in result.stdout
    assert "paragraph 35 of the Tunis Agenda tunis-agenda ['35']" in result.stdout


def test_ci_runs_the_readme_test_command() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    command = next(line for line in readme.splitlines() if line.endswith("python -m pytest"))
    assert command in (REPO / ".ci" / "run").read_text(encoding="utf-8")
