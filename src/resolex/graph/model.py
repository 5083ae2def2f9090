"""The citation graph as a value: nodes, edges and the references behind each edge."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from resolex.corpus import LinkStatus
from resolex.graph.formats import to_csv, to_dot, to_gexf, to_graphml, to_json, to_networkx
from resolex.models import Frozen, ParagraphKind, Span

if TYPE_CHECKING:
    import networkx as nx

GraphLevel = Literal["document", "paragraph"]
NodeKind = Literal["document", "paragraph"]


class GraphNode(Frozen):
    """A document or a paragraph; ``document`` is the id of the document node a paragraph is in."""

    id: str
    kind: NodeKind
    label: str
    symbol: str | None = None
    title: str | None = None
    source: str | None = None
    in_corpus: bool
    document: str | None = None
    paragraph_kind: ParagraphKind | None = None


class CitedAt(Frozen):
    """One reference behind an edge: as written, where (in the citing document's text), what pinpoints."""

    text: str
    span: Span
    pinpoints: tuple[str, ...] = ()


class GraphEdge(Frozen):
    """Citations from ``source`` to ``target`` with one status; ``count`` is ``len(references)``."""

    source: str
    target: str
    status: LinkStatus
    count: int
    references: tuple[CitedAt, ...]


class CitationGraph(Frozen):
    """Nodes sorted by id, edges by (source, target, status). See the module notes."""

    level: GraphLevel
    nodes: tuple[GraphNode, ...] = ()
    edges: tuple[GraphEdge, ...] = ()

    def node(self, node_id: str) -> GraphNode | None:
        return next((n for n in self.nodes if n.id == node_id), None)

    def to_networkx(self) -> nx.MultiDiGraph[str]:
        """A ``networkx.MultiDiGraph``, edge keys the statuses; attributes as in GraphML (no ``None``)."""
        return to_networkx(self)

    def to_graphml(self) -> bytes:
        return to_graphml(self)

    def to_gexf(self) -> bytes:
        return to_gexf(self)

    def to_json(self) -> str:
        """Node-link JSON: ``networkx.node_link_graph(json.loads(text), edges="links")`` reads it."""
        return to_json(self)

    def to_csv(self) -> tuple[str, str]:
        """``(nodes, edges)``: two CSV texts, list columns of the edges as JSON arrays."""
        return to_csv(self)

    def to_dot(self) -> str:
        """Graphviz DOT: a cluster per document, texts not in the corpus dashed."""
        return to_dot(self)
