"""The citation graph of a hand-built corpus of four texts, and every export read back.

The corpus: two General Assembly resolutions (90/2 cites paragraph 2 (b) and paragraphs 3
and 9 of 90/1, which has no paragraph 9), an e-mail citing paragraph 35 of the Tunis
Agenda, resolution 90/2 and resolution 60/252 (in the catalogue, not in the corpus), and
an e-mail that cites nothing. Every node, edge, count and attribute below was worked out
by reading the texts (and, for the two texts not in the corpus, catalogue.toml).
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

import resolex
from resolex.graph import CitationGraph, GraphLevel, GraphNode, citation_graph, paragraph_label
from tests.conftest import REPO

R1 = """Resolution adopted by the General Assembly on 1 December 2035

90/1. Cooperation on the information society

The General Assembly,

Recalling the Tunis Agenda for the Information Society,

1. Decides to convene a forum on the information society;

2. Requests the Secretary-General:
(a) to prepare the forum;
(b) to report on the forum;

3. Decides to remain seized of the matter, in line with paragraph 1 above.
"""

R2 = """Resolution adopted by the General Assembly on 2 December 2035

90/2. Follow-up to the forum

The General Assembly,

Recalling its resolution 90/1 of 1 December 2035,

1. Welcomes the report requested in paragraph 2 (b) of resolution 90/1;

2. Reaffirms paragraph 35 of the Tunis Agenda and paragraphs 3 and 9 of resolution 90/1.
"""

M1 = """Dear colleagues,

The new text builds on paragraph 35 of the Tunis Agenda, and General Assembly resolution 90/2 takes it further.
It also recalls General Assembly resolution 60/252 and, once more, the Tunis Agenda.

Best regards,
Ana
"""

M2 = """Dear all,

Thank you for the draft. No comments from our side.

Kind regards,
Ben
"""

TEXTS = {"r1.txt": R1, "r2.txt": R2, "m1.txt": M1, "m2.txt": M2}
TUNIS = "Tunis Agenda for the Information Society"
TUNIS_SYMBOL = "WSIS-05/TUNIS/DOC/6(Rev.1)-E"
R1_TITLE = "Cooperation on the information society"

# id, kind, label, symbol, title, source, in_corpus
DOCUMENT_NODES = [
    ("A/RES/90/1", "document", "A/RES/90/1", "A/RES/90/1", R1_TITLE, "r1.txt", True),
    ("A/RES/90/2", "document", "A/RES/90/2", "A/RES/90/2", "Follow-up to the forum", "r2.txt", True),
    ("ga-60-252", "document", "A/RES/60/252", "A/RES/60/252", "World Summit on the Information Society", None, False),
    ("m1.txt", "document", "m1.txt", None, None, "m1.txt", True),
    ("m2.txt", "document", "m2.txt", None, None, "m2.txt", True),
    ("tunis-agenda", "document", TUNIS, TUNIS_SYMBOL, TUNIS, None, False),
]

# source, target, status, the references behind the edge (text, pinpoints)
DOCUMENT_EDGES = [
    ("A/RES/90/1", "A/RES/90/1", "resolved", [("paragraph 1 above", ("1",))]),
    ("A/RES/90/1", "tunis-agenda", "not-in-corpus", [(f"the {TUNIS}", ())]),
    ("A/RES/90/2", "A/RES/90/1", "document-only", [("its resolution 90/1 of 1 December 2035", ())]),
    ("A/RES/90/2", "A/RES/90/1", "no-such-paragraph", [("paragraphs 3 and 9 of resolution 90/1", ("3", "9"))]),
    ("A/RES/90/2", "A/RES/90/1", "resolved", [("paragraph 2 (b) of resolution 90/1", ("2 (b)",))]),
    ("A/RES/90/2", "tunis-agenda", "not-in-corpus", [("paragraph 35 of the Tunis Agenda", ("35",))]),
    ("m1.txt", "A/RES/90/2", "document-only", [("General Assembly resolution 90/2", ())]),
    ("m1.txt", "ga-60-252", "not-in-corpus", [("General Assembly resolution 60/252", ())]),
    ("m1.txt", "tunis-agenda", "not-in-corpus", [("paragraph 35 of the Tunis Agenda", ("35",)), ("the Tunis Agenda", ())]),
]

# paragraph level: the document nodes above, and these (id, label, paragraph kind, in corpus, document)
PARAGRAPH_NODES = [
    ("A/RES/90/1#para_1", "A/RES/90/1 para. 1", "operative", True, "A/RES/90/1"),
    ("A/RES/90/1#para_2", "A/RES/90/1 para. 2", "operative", True, "A/RES/90/1"),
    ("A/RES/90/1#para_2__subpara_b", "A/RES/90/1 para. 2 (b)", "operative", True, "A/RES/90/1"),  # cited, so a node
    ("A/RES/90/1#para_3", "A/RES/90/1 para. 3", "operative", True, "A/RES/90/1"),
    ("A/RES/90/1#preamble__p_1", "A/RES/90/1 pp. 1", "preambular", True, "A/RES/90/1"),
    ("A/RES/90/2#para_1", "A/RES/90/2 para. 1", "operative", True, "A/RES/90/2"),
    ("A/RES/90/2#para_2", "A/RES/90/2 para. 2", "operative", True, "A/RES/90/2"),
    ("A/RES/90/2#preamble__p_1", "A/RES/90/2 pp. 1", "preambular", True, "A/RES/90/2"),
    ("tunis-agenda#para_35", f"{TUNIS} para. 35", None, False, "tunis-agenda"),
]

PARAGRAPH_EDGES = [
    ("A/RES/90/1#para_3", "A/RES/90/1#para_1", "resolved", [("paragraph 1 above", ("1",))]),
    ("A/RES/90/1#preamble__p_1", "tunis-agenda", "not-in-corpus", [(f"the {TUNIS}", ())]),
    ("A/RES/90/2#para_1", "A/RES/90/1#para_2__subpara_b", "resolved", [("paragraph 2 (b) of resolution 90/1", ("2 (b)",))]),
    # paragraph 3 is found, paragraph 9 is not: one reference, two edges
    ("A/RES/90/2#para_2", "A/RES/90/1", "no-such-paragraph", [("paragraphs 3 and 9 of resolution 90/1", ("3", "9"))]),
    ("A/RES/90/2#para_2", "A/RES/90/1#para_3", "resolved", [("paragraphs 3 and 9 of resolution 90/1", ("3", "9"))]),
    ("A/RES/90/2#para_2", "tunis-agenda#para_35", "not-in-corpus", [("paragraph 35 of the Tunis Agenda", ("35",))]),
    ("A/RES/90/2#preamble__p_1", "A/RES/90/1", "document-only", [("its resolution 90/1 of 1 December 2035", ())]),
    # an e-mail's prose is in no paragraph: its references start at the document
    ("m1.txt", "A/RES/90/2", "document-only", [("General Assembly resolution 90/2", ())]),
    ("m1.txt", "ga-60-252", "not-in-corpus", [("General Assembly resolution 60/252", ())]),
    ("m1.txt", "tunis-agenda", "not-in-corpus", [("the Tunis Agenda", ())]),
    ("m1.txt", "tunis-agenda#para_35", "not-in-corpus", [("paragraph 35 of the Tunis Agenda", ("35",))]),
]

LEVELS: tuple[GraphLevel, ...] = ("document", "paragraph")


def write_texts(folder: Path) -> list[str]:
    for name, text in TEXTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return list(TEXTS)


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> resolex.Corpus:
    """The four texts read from files named by relative paths (so the keys are r1.txt …)."""
    monkeypatch.chdir(tmp_path)
    return resolex.Corpus(resolex.read(write_texts(tmp_path)))


def edge_rows(graph: CitationGraph) -> list[tuple[str, str, str, list[tuple[str, tuple[str, ...]]]]]:
    return [(e.source, e.target, e.status, [(r.text, r.pinpoints) for r in e.references]) for e in graph.edges]


def test_the_corpus_reads_as_worked_out(corpus: resolex.Corpus) -> None:
    assert [e.key for e in corpus.entries] == ["A/RES/90/1", "A/RES/90/2", "m1.txt", "m2.txt"]
    assert len(corpus.links) == 10


def test_document_level_nodes(corpus: resolex.Corpus) -> None:
    graph = citation_graph(corpus, level="document")
    assert graph.level == "document"
    rows = [(n.id, n.kind, n.label, n.symbol, n.title, n.source, n.in_corpus) for n in graph.nodes]
    assert rows == DOCUMENT_NODES
    assert all(n.document is None and n.paragraph_kind is None for n in graph.nodes)


def test_document_level_edges_counts_and_statuses(corpus: resolex.Corpus) -> None:
    graph = citation_graph(corpus, level="document")
    assert edge_rows(graph) == DOCUMENT_EDGES
    assert [e.count for e in graph.edges] == [1, 1, 1, 1, 1, 1, 1, 1, 2]


def test_paragraph_level_nodes(corpus: resolex.Corpus) -> None:
    graph = citation_graph(corpus, level="paragraph")
    documents = [n for n in graph.nodes if n.kind == "document"]
    assert [(n.id, n.kind, n.label, n.symbol, n.title, n.source, n.in_corpus) for n in documents] == DOCUMENT_NODES
    paragraphs = [(n.id, n.label, n.paragraph_kind, n.in_corpus, n.document) for n in graph.nodes if n.kind == "paragraph"]
    assert paragraphs == PARAGRAPH_NODES
    assert [n.id for n in graph.nodes] == sorted(n.id for n in graph.nodes)
    para_3 = graph.node("A/RES/90/1#para_3")
    assert para_3 is not None
    assert (para_3.symbol, para_3.title, para_3.source) == ("A/RES/90/1", R1_TITLE, "r1.txt")
    tunis_35 = graph.node("tunis-agenda#para_35")
    assert tunis_35 is not None
    assert (tunis_35.symbol, tunis_35.source) == (TUNIS_SYMBOL, None)


def test_paragraph_level_edges(corpus: resolex.Corpus) -> None:
    graph = citation_graph(corpus, level="paragraph")
    assert edge_rows(graph) == PARAGRAPH_EDGES
    assert all(e.count == len(e.references) == 1 for e in graph.edges)


@pytest.mark.parametrize("level", LEVELS)
def test_every_edge_span_slices_to_its_reference_in_the_citing_text(corpus: resolex.Corpus, level: GraphLevel) -> None:
    graph = citation_graph(corpus, level=level)
    for edge in graph.edges:
        source = graph.node(edge.source)
        assert source is not None
        entry = corpus.entry(source.document or source.id)
        assert entry is not None
        for cited in edge.references:
            assert entry.document.text[cited.span.start : cited.span.end] == cited.text


def test_documents_are_linked_into_a_corpus_first(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    docs = list(resolex.read(write_texts(tmp_path)))
    assert resolex.citation_graph(iter(docs)) == citation_graph(resolex.Corpus(docs))
    assert resolex.citation_graph(docs, level="document") == citation_graph(resolex.Corpus(docs), level="document")


def test_an_unknown_level_is_refused(corpus: resolex.Corpus) -> None:
    with pytest.raises(ValueError, match="level must be"):
        citation_graph(corpus, level="sentence")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("pid", "label"),
    [
        ("para_24", "para. 24"),
        ("para_5__subpara_b__subpara_ii", "para. 5 (b) (ii)"),
        ("preamble__p_3", "pp. 3"),
        ("annex__para_3", "annex para. 3"),
        ("art_19", "art. 19"),
        ("para_unnumbered", "para. unnumbered"),
    ],
    ids=["paragraph", "item", "preambular", "annex", "article", "unnumbered"],
)
def test_paragraph_labels(pid: str, label: str) -> None:
    assert paragraph_label(pid) == label


# --- exports, each read back -------------------------------------------------------------


def edges_with_data(graph: nx.Graph[str]) -> list[tuple[str, str, dict[str, Any]]]:
    """Edges with their attributes, without the ids and keys a reader adds."""
    rows = []
    for u, v, data in graph.edges(data=True):
        kept = {k: value for k, value in data.items() if k not in ("id", "networkx_key")}
        rows.append((u, v, kept))
    return sorted(rows, key=lambda r: (r[0], r[1], r[2]["status"]))


@pytest.mark.parametrize("level", LEVELS)
def test_networkx_holds_every_node_and_edge_with_flat_attributes(corpus: resolex.Corpus, level: GraphLevel) -> None:
    graph = citation_graph(corpus, level=level)
    g = graph.to_networkx()
    assert isinstance(g, nx.MultiDiGraph)
    assert g.graph == {"level": level}
    assert list(g.nodes) == [n.id for n in graph.nodes]
    assert list(g.edges(keys=True)) == [(e.source, e.target, e.status) for e in graph.edges]
    tunis = g.nodes["tunis-agenda"]
    assert tunis == {"kind": "document", "label": TUNIS, "symbol": TUNIS_SYMBOL, "title": TUNIS, "in_corpus": False}
    if level == "document":
        assert g.edges["m1.txt", "tunis-agenda", "not-in-corpus"] == {
            "status": "not-in-corpus",
            "count": 2,
            "references": '["paragraph 35 of the Tunis Agenda","the Tunis Agenda"]',
            "spans": "[[41,73],[197,213]]",
            "pinpoints": '[["35"],[]]',
        }


@pytest.mark.parametrize("level", LEVELS)
def test_graphml_reads_back_equal(corpus: resolex.Corpus, level: GraphLevel) -> None:
    graph = citation_graph(corpus, level=level)
    back = nx.read_graphml(io.BytesIO(graph.to_graphml()), force_multigraph=True, edge_key_type=str)
    expected = graph.to_networkx()
    assert isinstance(back, nx.MultiDiGraph)
    assert back.graph["level"] == level
    assert list(back.nodes(data=True)) == list(expected.nodes(data=True))
    assert list(back.edges(keys=True, data=True)) == list(expected.edges(keys=True, data=True))
    assert back.nodes["A/RES/90/1"]["in_corpus"] is True
    assert back.nodes["ga-60-252"]["in_corpus"] is False


@pytest.mark.parametrize("level", LEVELS)
def test_gexf_reads_back_equal(corpus: resolex.Corpus, level: GraphLevel) -> None:
    graph = citation_graph(corpus, level=level)
    data = graph.to_gexf()
    assert b"lastmodifieddate" not in data
    back: nx.Graph[str] = nx.read_gexf(io.BytesIO(data))
    expected = graph.to_networkx()
    assert list(back.nodes(data=True)) == list(expected.nodes(data=True))
    assert edges_with_data(back) == edges_with_data(expected)


@pytest.mark.parametrize("level", LEVELS)
def test_node_link_json_reads_back_equal(corpus: resolex.Corpus, level: GraphLevel) -> None:
    graph = citation_graph(corpus, level=level)
    data = json.loads(graph.to_json())
    assert (data["directed"], data["multigraph"], data["graph"]) == (True, True, {"level": level})
    assert data["nodes"] == [n.model_dump(mode="json") for n in graph.nodes]
    rebuilt = CitationGraph(
        level=data["graph"]["level"],
        nodes=tuple(data["nodes"]),
        edges=tuple({k: v for k, v in link.items() if k != "key"} for link in data["links"]),
    )
    assert rebuilt == graph
    g = nx.node_link_graph(data, edges="links")
    assert isinstance(g, nx.MultiDiGraph)
    assert sorted(g.edges(keys=True)) == sorted((e.source, e.target, e.status) for e in graph.edges)


def test_node_link_json_keeps_the_references_whole(corpus: resolex.Corpus) -> None:
    link = json.loads(citation_graph(corpus, level="document").to_json())["links"][-1]
    assert link == {
        "source": "m1.txt",
        "target": "tunis-agenda",
        "key": "not-in-corpus",
        "status": "not-in-corpus",
        "count": 2,
        "references": [
            {"text": "paragraph 35 of the Tunis Agenda", "span": {"start": 41, "end": 73}, "pinpoints": ["35"]},
            {"text": "the Tunis Agenda", "span": {"start": 197, "end": 213}, "pinpoints": []},
        ],
    }


@pytest.mark.parametrize("level", LEVELS)
def test_csv_reads_back_equal(corpus: resolex.Corpus, level: GraphLevel) -> None:
    graph = citation_graph(corpus, level=level)
    nodes_csv, edges_csv = graph.to_csv()
    nodes = list(csv.DictReader(io.StringIO(nodes_csv)))
    assert list(nodes[0]) == ["id", "kind", "label", "symbol", "title", "source", "in_corpus", "document", "paragraph_kind"]
    for row, node in zip(nodes, graph.nodes, strict=True):
        values: dict[str, Any] = {k: (v or None) for k, v in row.items()}
        values["in_corpus"] = {"true": True, "false": False}[row["in_corpus"]]
        assert values == node.model_dump()
    edges = list(csv.DictReader(io.StringIO(edges_csv)))
    assert len(edges) == len(graph.edges)
    for row, edge in zip(edges, graph.edges, strict=True):
        assert (row["source"], row["target"], row["status"], int(row["count"])) == (
            edge.source,
            edge.target,
            edge.status,
            edge.count,
        )
        assert json.loads(row["references"]) == [r.text for r in edge.references]
        assert json.loads(row["spans"]) == [[r.span.start, r.span.end] for r in edge.references]
        assert json.loads(row["pinpoints"]) == [list(r.pinpoints) for r in edge.references]


DOCUMENT_DOT = r"""digraph citations {
  comment="resolex citation graph, document level";
  rankdir=LR;
  node [shape=box, style="rounded", fontname="Helvetica", fontsize=10];
  edge [fontname="Helvetica", fontsize=9];
  "A/RES/90/1" [kind="document", label="A/RES/90/1", symbol="A/RES/90/1", title="Cooperation on the information society", source="r1.txt", in_corpus="true"];
  "A/RES/90/2" [kind="document", label="A/RES/90/2", symbol="A/RES/90/2", title="Follow-up to the forum", source="r2.txt", in_corpus="true"];
  "ga-60-252" [kind="document", label="A/RES/60/252", symbol="A/RES/60/252", title="World Summit on the Information Society", in_corpus="false", style="rounded,dashed", color="gray40"];
  "m1.txt" [kind="document", label="m1.txt", source="m1.txt", in_corpus="true"];
  "m2.txt" [kind="document", label="m2.txt", source="m2.txt", in_corpus="true"];
  "tunis-agenda" [kind="document", label="Tunis Agenda for the Information Society", symbol="WSIS-05/TUNIS/DOC/6(Rev.1)-E", title="Tunis Agenda for the Information Society", in_corpus="false", style="rounded,dashed", color="gray40"];
  "A/RES/90/1" -> "A/RES/90/1" [status="resolved", count=1, weight=1, style="solid"];
  "A/RES/90/1" -> "tunis-agenda" [status="not-in-corpus", count=1, weight=1, style="dashed", color="gray40"];
  "A/RES/90/2" -> "A/RES/90/1" [status="document-only", count=1, weight=1, style="solid", color="gray40"];
  "A/RES/90/2" -> "A/RES/90/1" [status="no-such-paragraph", count=1, weight=1, style="dashed", color="red3"];
  "A/RES/90/2" -> "A/RES/90/1" [status="resolved", count=1, weight=1, style="solid"];
  "A/RES/90/2" -> "tunis-agenda" [status="not-in-corpus", count=1, weight=1, style="dashed", color="gray40"];
  "m1.txt" -> "A/RES/90/2" [status="document-only", count=1, weight=1, style="solid", color="gray40"];
  "m1.txt" -> "ga-60-252" [status="not-in-corpus", count=1, weight=1, style="dashed", color="gray40"];
  "m1.txt" -> "tunis-agenda" [status="not-in-corpus", count=2, weight=2, style="dashed", color="gray40", label="2"];
}
"""


def test_dot_at_document_level(corpus: resolex.Corpus) -> None:
    assert citation_graph(corpus, level="document").to_dot() == DOCUMENT_DOT


def test_dot_clusters_each_document_with_its_paragraphs(corpus: resolex.Corpus) -> None:
    dot = citation_graph(corpus, level="paragraph").to_dot()
    assert '  subgraph "cluster_0" {\n    label="A/RES/90/1";\n    "A/RES/90/1" [' in dot
    assert '  subgraph "cluster_5" {\n    label="Tunis Agenda for the Information Society";\n' in dot
    assert '  "m2.txt" [kind="document"' in dot  # a document alone is not a cluster
    assert '  "A/RES/90/2#para_2" -> "A/RES/90/1#para_3" [status="resolved", count=1, weight=1, style="solid"];' in dot


def test_dot_escapes_quotes_backslashes_and_line_breaks() -> None:
    node = GraphNode(id='a "b" \\ c', kind="document", label='say "hi"\nnow', in_corpus=True)
    dot = CitationGraph(level="document", nodes=(node,)).to_dot()
    assert '  "a \\"b\\" \\\\ c" [kind="document", label="say \\"hi\\"\\nnow", in_corpus="true"];' in dot


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz 'dot' is not installed (apt-get install graphviz)")
@pytest.mark.parametrize("level", LEVELS)
def test_graphviz_reads_the_dot_without_complaint(corpus: resolex.Corpus, level: GraphLevel) -> None:
    dot = citation_graph(corpus, level=level).to_dot()
    result = subprocess.run(["dot", "-Tsvg"], input=dot, capture_output=True, text=True, check=False, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout.count('class="node"') == len(citation_graph(corpus, level=level).nodes)


@pytest.mark.parametrize("level", LEVELS)
def test_the_same_corpus_gives_the_same_bytes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, level: GraphLevel) -> None:
    monkeypatch.chdir(tmp_path)
    names = write_texts(tmp_path)
    first = citation_graph(resolex.Corpus(resolex.read(names)), level=level)
    second = citation_graph(resolex.Corpus(resolex.read(names)), level=level)
    assert first.to_graphml() == second.to_graphml()
    assert first.to_gexf() == second.to_gexf()
    assert first.to_json() == second.to_json()
    assert first.to_csv() == second.to_csv()
    assert first.to_dot() == second.to_dot()


def test_without_networkx_json_csv_and_dot_work_and_the_rest_says_what_to_install(
    corpus: resolex.Corpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    graph = citation_graph(corpus)
    expected = (graph.to_json(), graph.to_csv(), graph.to_dot())
    monkeypatch.setitem(sys.modules, "networkx", None)  # import networkx now raises ImportError
    assert (graph.to_json(), graph.to_csv(), graph.to_dot()) == expected
    for export in (graph.to_networkx, graph.to_graphml, graph.to_gexf):
        with pytest.raises(resolex.ResolexError, match=r"pip install 'resolex\[graph\]'"):
            export()


def test_readme_example_prints_what_the_readme_shows(monkeypatch: pytest.MonkeyPatch) -> None:
    """The README's "Citation graph" example runs and prints its output block."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Citation graph") :]
    code = section[section.index("```python\n") + 10 : section.index("```\n\n```text")]
    shown = section[section.index("```text\n") + 8 :]
    monkeypatch.chdir(REPO)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code, "README.md", "exec"), {})
    assert out.getvalue() == shown[: shown.index("```")]
