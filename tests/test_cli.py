"""The command line, run as users run it: ``python -m resolex …`` in a subprocess.

``validate`` exits 0 when no diagnostic is an error, 1 when one is, 2 when an input
cannot be read; ``extract`` keeps working beside it; ``schema`` prints JSON.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO, SEEDS


def resolex_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "resolex", *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def test_validate_the_seeds_is_clean() -> None:
    result = resolex_cli("validate", str(SEEDS))
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == f"== {SEEDS / '000_527a172e4ca253a5.txt'}"
    assert "RX101 info paragraphs 22 to 23 are left out between 21 and 24, where the elision '(...)' stands (at 996-1001)" in lines
    assert lines[-1] == "3 documents: 0 errors, 0 warnings, 2 notes"


def test_validate_exits_1_on_errors_and_prints_code_severity_message_and_span(tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text("11. Requests a report;\n\n13. Decides to remain seized.\n", encoding="utf-8")
    result = resolex_cli("validate", str(draft))
    assert result.returncode == 1, result.stderr
    # paragraph 13 starts after "11. Requests a report;" (22 characters) and two line breaks
    assert result.stdout.splitlines() == [
        f"== {draft}",
        "RX102 error paragraph 12 is missing between 11 and 13 (at 24-53)",
        "1 document: 1 errors, 0 warnings, 0 notes",
    ]


def test_validate_exits_0_on_warnings_only(tmp_path: Path) -> None:
    mail = tmp_path / "mail.txt"
    mail.write_text("Dear all,\n\n(a) on this;\n(b) on that;\n", encoding="utf-8")
    result = resolex_cli("validate", str(mail))
    assert result.returncode == 0, result.stdout
    assert "RX203 warning" in result.stdout


def test_validate_exits_2_when_a_path_does_not_exist(tmp_path: Path) -> None:
    result = resolex_cli("validate", str(tmp_path / "missing.txt"))
    assert result.returncode == 2
    assert "missing.txt" in result.stderr


def test_validate_exits_2_when_a_file_cannot_be_read(tmp_path: Path) -> None:
    (tmp_path / "fine.txt").write_text("1. Decides to act.\n", encoding="utf-8")
    os.symlink(tmp_path / "nowhere.txt", tmp_path / "gone.txt")
    result = resolex_cli("validate", str(tmp_path))
    assert result.returncode == 2
    assert "RX005 error" in result.stdout


def test_validate_json_is_a_report(tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text("7. Requests a report;\n\n7. Decides to remain seized.\n", encoding="utf-8")
    result = resolex_cli("validate", "--format", "json", str(draft))
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert [(d["code"], d["severity"]) for e in report["documents"] for d in e["diagnostics"]] == [("RX103", "error")]


def test_extract_still_works() -> None:
    result = resolex_cli("extract", str(SEEDS))
    assert result.returncode == 0, result.stderr
    assert "para_24" in result.stdout
    assert "paragraph 35 of the Tunis Agenda" in result.stdout


def test_schema_prints_the_schema_of_documents_and_reports() -> None:
    result = resolex_cli("schema")
    assert result.returncode == 0, result.stderr
    printed = json.loads(result.stdout)
    assert {"Document", "Report", "Diagnostic"} <= set(printed["$defs"])


@pytest.mark.parametrize("command", ["validate", "extract"])
def test_a_command_without_paths_is_a_usage_error(command: str) -> None:
    assert resolex_cli(command).returncode == 2
