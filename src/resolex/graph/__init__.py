"""Export: the citation graph of a corpus, which document and paragraph cites which.

``citation_graph(corpus_or_docs, level=...)`` reads ``Corpus.links`` (see
:mod:`resolex.corpus`) into a frozen :class:`CitationGraph`; :mod:`resolex.graph.formats`
writes it out (networkx, GraphML, GEXF, node-link JSON, CSV, Graphviz DOT).

Nodes
  ``level="document"``: one node per corpus document (id: its corpus key), and one per
  text cited but not in the corpus (id: the target identity, ``tunis-agenda``,
  ``A/RES/60/252``; ``in_corpus`` false). ``level="paragraph"`` adds a node per paragraph
  of every corpus document (id: ``KEY#para_24``), per cited sub-paragraph
  (``KEY#para_5__subpara_b``), and per paragraph cited of a text not in the corpus
  (``tunis-agenda#para_35``, ``in_corpus`` false).

Edges
  One per (source node, target node, status), with every reference that makes it, in text
  order, and ``count`` = how many. At document level a reference gives one edge, from its
  document to the cited one, with the link's status. At paragraph level it starts at the
  paragraph holding it (the document when it stands outside paragraphs, as in an e-mail's
  prose) and goes to each cited paragraph found (status ``resolved``); to the cited document
  when it names no paragraph, or names one that is not there (``no-such-paragraph``); to
  the cited paragraphs of a text not in the corpus (``not-in-corpus``). A reference to the
  text itself is an edge from the document (or paragraph) to itself (or the paragraph cited).

Labels: a document by its symbol, else its title, else its file name; a text not in the
corpus by its catalogue title (a resolution or decision by its symbol); a paragraph adds
its reader's form (``A/RES/90/1 para. 2 (b)``, ``... pp. 1``).

Nodes are sorted by id and edges by (source, target, status), so the same corpus always
gives the same graph and the same bytes in every format.
"""

from resolex.graph.build import citation_graph, paragraph_label
from resolex.graph.model import CitationGraph, CitedAt, GraphEdge, GraphLevel, GraphNode, NodeKind

__all__ = [
    "CitationGraph",
    "CitedAt",
    "GraphEdge",
    "GraphLevel",
    "GraphNode",
    "NodeKind",
    "citation_graph",
    "paragraph_label",
]
