"""The command line, run as users run it: ``python -m resolex …`` in a subprocess.

``validate`` exits 0 when no diagnostic is an error, 1 when one is, 2 when an input
cannot be read; ``extract`` keeps working beside it; ``schema`` prints JSON.
"""

from __future__ import annotations

import io
import json
import os
import pty
import re
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest

import resolex
from resolex.graph import GraphLevel
from resolex.progress import Progress
from tests.conftest import REPO, SEEDS
from tests.test_graph import TEXTS


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


# --- issue 7: graph, annotate, progress, errors ------------------------------------------------

SEED_002 = SEEDS / "002_5910fbf75990ef28.txt"
COMMANDS = ["extract", "validate", "graph", "annotate", "schema"]


def graph_texts(folder: Path) -> list[str]:
    """The four texts of tests/test_graph.py, written to ``folder``."""
    names = []
    for name, text in TEXTS.items():
        (folder / name).write_text(text, encoding="utf-8")
        names.append(str(folder / name))
    return names


def api_graph(paths: list[str], level: GraphLevel = "paragraph") -> resolex.CitationGraph:
    return resolex.citation_graph(resolex.Corpus(resolex.read(paths)), level=level)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_an_example(command: str) -> None:
    result = resolex_cli(command, "--help")
    assert result.returncode == 0, result.stderr
    examples = result.stdout.split("examples:\n", 1)[1]
    assert examples.lstrip().startswith(f"resolex {command}")


def test_top_level_help_lists_every_command() -> None:
    result = resolex_cli("--help")
    assert result.returncode == 0
    assert all(command in result.stdout for command in COMMANDS)


@pytest.mark.parametrize("level", ["document", "paragraph"])
@pytest.mark.parametrize("to", ["graphml", "gexf", "json", "dot"])
def test_graph_writes_what_the_api_gives(tmp_path: Path, to: str, level: GraphLevel) -> None:
    paths = graph_texts(tmp_path)
    out = tmp_path / f"citations.{to}"
    result = resolex_cli("graph", *paths, "--to", to, "--level", level, "-o", str(out))
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
    graph = api_graph(paths, level)
    expected = {
        "graphml": graph.to_graphml(),
        "gexf": graph.to_gexf(),
        "json": graph.to_json().encode("utf-8"),
        "dot": graph.to_dot().encode("utf-8"),
    }
    assert out.read_bytes() == expected[to]


def test_graph_reads_back_in_networkx(tmp_path: Path) -> None:
    paths = graph_texts(tmp_path)
    out = tmp_path / "citations.graphml"
    assert resolex_cli("graph", str(tmp_path), "--to", "graphml", "-o", str(out)).returncode == 0
    back = nx.read_graphml(out, force_multigraph=True, edge_key_type=str)
    assert sorted(back.nodes) == sorted(n.id for n in api_graph(sorted(paths)).nodes)
    assert back.nodes[str(tmp_path / "m2.txt")]["in_corpus"] is True


def test_graph_json_and_dot_go_to_standard_output(tmp_path: Path) -> None:
    paths = graph_texts(tmp_path)
    result = resolex_cli("graph", *paths, "--to", "json", "--level", "document")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == json.loads(api_graph(paths, "document").to_json())
    result = resolex_cli("graph", *paths, "--to", "dot")
    assert result.stdout == api_graph(paths).to_dot()


@pytest.mark.parametrize("output", ["out", "out.csv"])
def test_graph_csv_writes_a_node_file_and_an_edge_file(tmp_path: Path, output: str) -> None:
    paths = graph_texts(tmp_path)
    result = resolex_cli("graph", *paths, "--to", "csv", "-o", str(tmp_path / output))
    assert result.returncode == 0, result.stderr
    nodes, edges = api_graph(paths).to_csv()
    assert (tmp_path / "out.nodes.csv").read_text(encoding="utf-8") == nodes
    assert (tmp_path / "out.edges.csv").read_text(encoding="utf-8") == edges


def test_graph_csv_needs_an_output_prefix(tmp_path: Path) -> None:
    result = resolex_cli("graph", *graph_texts(tmp_path), "--to", "csv")
    assert result.returncode == 2
    assert result.stderr == "resolex: --to csv writes two files: give -o PREFIX (PREFIX.nodes.csv, PREFIX.edges.csv)\n"


def test_graph_bytes_are_the_same_in_two_processes(tmp_path: Path) -> None:
    paths = graph_texts(tmp_path)
    outputs = []
    for seed in ("1", "2"):  # a different hash seed in each: no set or dict order may leak out
        env = {**os.environ, "PYTHONHASHSEED": seed}
        for to in ("graphml", "gexf", "json", "dot", "csv"):
            out = tmp_path / f"{seed}.{to}"
            command = [sys.executable, "-m", "resolex", "graph", *paths, "--to", to, "-o", str(out)]
            subprocess.run(command, cwd=REPO, env=env, check=True, timeout=120)
        suffixes = ("graphml", "gexf", "json", "dot", "nodes.csv", "edges.csv")
        outputs.append([(tmp_path / f"{seed}.{suffix}").read_bytes() for suffix in suffixes])
    assert outputs[0] == outputs[1]


def test_graph_without_networkx_says_which_extra_to_install(tmp_path: Path) -> None:
    code = (
        "import sys; sys.modules['networkx'] = None\n"
        "from resolex.cli import main\n"
        f"raise SystemExit(main(['graph', {str(SEED_002)!r}, '--to', 'graphml']))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=False, timeout=120)
    assert result.returncode == 2
    assert result.stderr == "resolex: GraphML needs networkx, which is not installed: pip install 'resolex[graph]'\n"
    code = code.replace("'graphml'", "'dot'")
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=False, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("digraph citations {")


def test_annotate_writes_the_page(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    result = resolex_cli("annotate", str(SEED_002), "-o", str(page))
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
    assert page.read_text(encoding="utf-8") == resolex.render_page(next(resolex.read(SEED_002)))
    to_stdout = resolex_cli("annotate", str(SEED_002))
    assert to_stdout.stdout == page.read_text(encoding="utf-8")


def test_annotate_needs_a_path() -> None:
    result = resolex_cli("annotate")
    assert result.returncode == 2
    assert "the following arguments are required: PATH" in result.stderr


@pytest.mark.parametrize("fmt", ["json", "jsonl", "table"])
def test_extract_formats_and_output_file(tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"seed.{fmt}"
    result = resolex_cli("extract", str(SEED_002), "--format", fmt, "-o", str(out))
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
    written = out.read_text(encoding="utf-8")
    if fmt == "table":
        assert written.splitlines()[0] == f"== {SEED_002}  (3 paragraphs, 2 references)"
        assert "  -> tunis-agenda             35               paragraph 35 of the Tunis Agenda" in written
    else:
        doc = json.loads(written)
        assert [p["id"] for p in doc["paragraphs"]] == ["para_21", "para_24", "para_30"]


@pytest.mark.parametrize("command", ["extract", "graph", "annotate", "validate"])
def test_a_missing_path_is_one_line_on_stderr_and_exit_2(tmp_path: Path, command: str) -> None:
    extra = ["--to", "json"] if command == "graph" else []
    result = resolex_cli(command, str(tmp_path / "missing.txt"), *extra)
    assert result.returncode == 2
    assert result.stderr == f"resolex: no such file or folder: {tmp_path / 'missing.txt'}\n"
    assert "Traceback" not in result.stderr


def test_an_unreadable_file_is_named_the_rest_is_written_and_the_exit_is_2(tmp_path: Path) -> None:
    graph_texts(tmp_path)
    os.symlink(tmp_path / "nowhere.txt", tmp_path / "gone.txt")
    out = tmp_path / "g.json"
    result = resolex_cli("graph", str(tmp_path), "--to", "json", "-o", str(out))
    assert result.returncode == 2
    assert "gone.txt" in result.stderr
    assert "Traceback" not in result.stderr
    assert "A/RES/90/1" in out.read_text(encoding="utf-8")


def test_an_empty_folder_is_an_error(tmp_path: Path) -> None:
    result = resolex_cli("graph", str(tmp_path), "--to", "json")
    assert result.returncode == 2
    assert result.stderr == f"resolex: nothing readable in {tmp_path}\n"


def test_an_unwritable_output_is_an_error_not_a_traceback(tmp_path: Path) -> None:
    result = resolex_cli("annotate", str(SEED_002), "-o", str(tmp_path / "no" / "such" / "page.html"))
    assert result.returncode == 2
    assert result.stderr.startswith("resolex: [Errno 2] No such file or directory")


# --- progress: on a terminal only ------------------------------------------------------------


def on_a_terminal(*args: str) -> tuple[int, str]:
    """Run the CLI with standard error on a pseudo-terminal; its exit status and what it showed there."""
    master, slave = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "resolex", *args], cwd=REPO, stdout=subprocess.DEVNULL, stderr=slave
    )
    os.close(slave)
    shown = b""
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:  # the terminal closed with the process
            break
        if not chunk:
            break
        shown += chunk
    os.close(master)
    return process.wait(timeout=120), shown.decode("utf-8")


@pytest.mark.parametrize("command", [["extract", str(SEEDS)], ["graph", str(SEEDS), "--to", "json"], ["annotate", str(SEEDS)], ["validate", str(SEEDS)]])
def test_a_terminal_shows_progress_with_rate_and_eta(command: list[str]) -> None:
    status, shown = on_a_terminal(*command)
    assert status == 0
    assert re.search(r"\[#*-*\] +\d+% \d+ docs [\d.]+ docs/s ETA \d+:\d\d", shown), shown
    assert re.search(r"3 docs in [\d.]+ s, [\d.]+ docs/s", shown), shown


@pytest.mark.parametrize("quiet", ["--quiet", "-q"])
def test_quiet_shows_no_progress_even_on_a_terminal(quiet: str) -> None:
    assert on_a_terminal("graph", str(SEEDS), "--to", "json", quiet) == (0, "")


@pytest.mark.parametrize("command", [["extract", str(SEEDS)], ["graph", str(SEEDS), "--to", "dot"], ["annotate", str(SEEDS)]])
def test_no_progress_when_not_on_a_terminal(command: list[str]) -> None:
    result = resolex_cli(*command)
    assert result.returncode == 0
    assert result.stderr == ""


def test_progress_line_counts_bytes_for_share_and_eta(tmp_path: Path) -> None:
    archive = tmp_path / "list.mbox"
    archive.write_bytes(b"x" * 1000)
    other = tmp_path / "note.txt"
    other.write_bytes(b"y" * 1000)
    ticks = iter([0.0, 1.0, 2.0, 4.0])
    shown = io.StringIO()
    progress = Progress([str(tmp_path)], shown, clock=lambda: next(ticks))
    assert progress.total == 2000

    def message(path: Path, offset: int | None) -> resolex.Document:
        source = resolex.Source(raw="", media_type="text/plain", path=str(path), byte_offset=offset)
        return resolex.Document(text="", source=source)

    progress.advance(message(archive, 0))  # at 1.0 s: 0 of 2000 bytes, no ETA yet
    assert shown.getvalue() == "\r[------------------------]   0% 1 docs 1.0 docs/s ETA --:--\x1b[K"
    progress.advance(message(archive, 500))  # at 2.0 s: 500 of 2000 bytes in 2 s, 6 s to go
    assert shown.getvalue().endswith("\r[######------------------]  25% 2 docs 1.0 docs/s ETA 0:06\x1b[K")
    progress.advance(message(other, None))  # at 4.0 s: the archive and the note, all read
    assert shown.getvalue().endswith("\r[########################] 100% 3 docs 0.8 docs/s ETA 0:00\x1b[K")
