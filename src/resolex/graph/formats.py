"""Write the citation graph: networkx, GraphML, GEXF, node-link JSON, CSV, Graphviz DOT.

JSON, CSV and DOT need only the standard library. networkx, GraphML and GEXF need the
optional extra ``resolex[graph]`` (networkx); without it they raise a ResolexError saying so.

GraphML, GEXF and CSV hold flat values only, so an edge's lists are JSON arrays in one
attribute each: ``references`` (texts as written), ``spans`` (``[start, end]`` in the citing
document's text) and ``pinpoints`` (one list per reference). Absent values are left out
(GraphML, GEXF, networkx) or empty (CSV). Every format follows the graph's order, and
GEXF's date of writing is left out, so one graph always gives the same bytes.
"""

from __future__ import annotations

import csv
import io
import json
from typing import TYPE_CHECKING

from resolex.errors import ResolexError

if TYPE_CHECKING:
    import networkx as nx

    from resolex.graph.model import CitationGraph, GraphEdge, GraphNode

NODE_COLUMNS = ("id", "kind", "label", "symbol", "title", "source", "in_corpus", "document", "paragraph_kind")
EDGE_COLUMNS = ("source", "target", "status", "count", "references", "spans", "pinpoints")
INSTALL = "pip install 'resolex[graph]'"


def node_attributes(node: GraphNode) -> dict[str, str | bool]:
    """A node's attributes as GraphML and GEXF hold them (its id is the node itself)."""
    data = node.model_dump(exclude={"id"}, exclude_none=True)
    return {name: data[name] for name in NODE_COLUMNS if name in data}


def edge_attributes(edge: GraphEdge) -> dict[str, str | int]:
    """An edge's attributes, its lists as JSON arrays (see the module notes)."""
    return {
        "status": edge.status,
        "count": edge.count,
        "references": _json([r.text for r in edge.references]),
        "spans": _json([[r.span.start, r.span.end] for r in edge.references]),
        "pinpoints": _json([list(r.pinpoints) for r in edge.references]),
    }


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _require_networkx(what: str) -> None:
    try:
        import networkx  # noqa: F401, PLC0415 (optional dependency, imported when asked for)
    except ImportError as exc:
        raise ResolexError(f"{what} needs networkx, which is not installed: {INSTALL}") from exc


def to_networkx(graph: CitationGraph) -> nx.MultiDiGraph[str]:
    """A MultiDiGraph: one edge per (source, target, status), keyed by the status."""
    _require_networkx("the citation graph as networkx")
    import networkx as nx  # noqa: PLC0415 (optional dependency)

    out: nx.MultiDiGraph[str] = nx.MultiDiGraph(level=graph.level)
    for node in graph.nodes:
        out.add_node(node.id, **node_attributes(node))
    for edge in graph.edges:
        out.add_edge(edge.source, edge.target, key=edge.status, **edge_attributes(edge))
    return out


def to_graphml(graph: CitationGraph) -> bytes:
    _require_networkx("GraphML")
    import networkx as nx  # noqa: PLC0415 (optional dependency)

    buffer = io.BytesIO()
    nx.write_graphml(to_networkx(graph), buffer, encoding="utf-8", prettyprint=True)
    return buffer.getvalue()


def to_gexf(graph: CitationGraph) -> bytes:
    _require_networkx("GEXF")
    from networkx.readwrite.gexf import GEXFWriter  # noqa: PLC0415 (optional dependency)

    writer = GEXFWriter(encoding="utf-8", prettyprint=True, version="1.2draft")
    writer.add_graph(to_networkx(graph))
    meta = writer.xml.find("meta")
    if meta is not None:
        meta.attrib.pop("lastmodifieddate", None)  # today's date: the same graph must give the same bytes
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def to_json(graph: CitationGraph) -> str:
    """Node-link JSON: ``networkx.node_link_graph(data, edges="links")`` reads it back."""
    data = {
        "directed": True,
        "multigraph": True,
        "graph": {"level": graph.level},
        "nodes": [node.model_dump(mode="json") for node in graph.nodes],
        "links": [
            {"source": e.source, "target": e.target, "key": e.status} | e.model_dump(mode="json")
            for e in graph.edges
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def to_csv(graph: CitationGraph) -> tuple[str, str]:
    """``(nodes, edges)`` as two CSV texts with a header row."""
    nodes = io.StringIO()
    writer = csv.writer(nodes, lineterminator="\n")
    writer.writerow(NODE_COLUMNS)
    for node in graph.nodes:
        values = node.model_dump()
        writer.writerow([_cell(values[name]) for name in NODE_COLUMNS])
    edges = io.StringIO()
    writer = csv.writer(edges, lineterminator="\n")
    writer.writerow(EDGE_COLUMNS)
    for edge in graph.edges:
        flat: dict[str, str | int] = {"source": edge.source, "target": edge.target}
        flat |= edge_attributes(edge)
        writer.writerow([_cell(flat[name]) for name in EDGE_COLUMNS])
    return nodes.getvalue(), edges.getvalue()


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


_EDGE_STYLE = {
    "resolved": 'style="solid"',
    "document-only": 'style="solid", color="gray40"',
    "not-in-corpus": 'style="dashed", color="gray40"',
    "no-such-paragraph": 'style="dashed", color="red3"',
    "ambiguous": 'style="dotted", color="orange3"',
}


def to_dot(graph: CitationGraph) -> str:
    """Graphviz DOT. At paragraph level each document and its paragraphs are a cluster."""
    lines = [
        "digraph citations {",
        f"  comment={_quote(f'resolex citation graph, {graph.level} level')};",
        "  rankdir=LR;",
        '  node [shape=box, style="rounded", fontname="Helvetica", fontsize=10];',
        '  edge [fontname="Helvetica", fontsize=9];',
    ]
    groups: dict[str, list[GraphNode]] = {}
    for node in graph.nodes:
        groups.setdefault(node.document or node.id, []).append(node)
    for number, (group, members) in enumerate(sorted(groups.items())):
        clustered = graph.level == "paragraph" and len(members) > 1
        indent = "    " if clustered else "  "
        if clustered:
            head = graph.node(group)
            lines.append(f"  subgraph {_quote(f'cluster_{number}')} {{")
            lines.append(f"    label={_quote(head.label if head else group)};")
        lines += [indent + _dot_node(node) for node in members]
        if clustered:
            lines.append("  }")
    for edge in graph.edges:
        attrs = [
            f"status={_quote(edge.status)}",
            f"count={edge.count}",
            f"weight={edge.count}",
            _EDGE_STYLE.get(edge.status, 'style="solid"'),
        ]
        if edge.count > 1:
            attrs.append(f"label={_quote(str(edge.count))}")
        lines.append(f"  {_quote(edge.source)} -> {_quote(edge.target)} [{', '.join(attrs)}];")
    lines.append("}")
    return "\n".join(lines) + "\n"


def _dot_node(node: GraphNode) -> str:
    attrs = [f"{name}={_quote(_cell(value))}" for name, value in node_attributes(node).items()]
    if not node.in_corpus:
        attrs.append('style="rounded,dashed", color="gray40"')
    return f"{_quote(node.id)} [{', '.join(attrs)}];"


def _quote(text: str) -> str:
    """A DOT quoted string: backslashes and quotes escaped, line breaks as ``\\n``."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\r", "").replace("\n", "\\n")
    return f'"{escaped}"'
