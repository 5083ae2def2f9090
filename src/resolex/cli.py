"""The command line: ``resolex extract|validate|graph|annotate PATH...`` and ``resolex schema``.

Built on the standard library's argparse: the commands are few and flat, and a
dependency-free CLI installs everywhere resolex does (typer would add click and, for
its help, rich). The progress bar (resolex.progress) is a few lines for the same reason.

- Paths are files, folders (read recursively) and mail archives, as :func:`resolex.read`
  takes them; ``python -m resolex`` is the same program.
- Reading shows a progress bar on standard error (documents, documents per second and an
  ETA from the bytes read) when standard error is a terminal, unless ``--quiet`` is given.
- Exit status: 0 done, 1 ``validate`` found errors, 2 bad usage or an input that cannot be
  read (the output for the rest is still written). Errors are one line on standard error,
  never a traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import BinaryIO, TextIO

from resolex.corpus import Corpus
from resolex.errors import ResolexError
from resolex.export import schema
from resolex.graph import citation_graph
from resolex.models import Document, Report
from resolex.page import render_page
from resolex.pipeline import read
from resolex.progress import Progress
from resolex.validate import validate

UNREADABLE = frozenset({"RX005", "RX006"})  # a file that cannot be read, or is not text: exit status 2
PATHS_HELP = "files, folders (read recursively), .eml messages or mbox archives"

EXTRACT_EXAMPLES = """examples:
  resolex extract seeds/ --format table
  resolex extract draft.html --format json -o draft.json
  resolex extract mail/ --format jsonl > refs.jsonl
"""

VALIDATE_EXAMPLES = """examples:
  resolex validate draft.txt          # exit 0 clean, 1 errors found, 2 could not read
  resolex validate archive.mbox       # one document per message part
  resolex validate seeds/ --format json

each finding prints as: CODE severity message (at start-end), the span in the extracted text;
the codes are listed in docs/diagnostics.md
"""

GRAPH_EXAMPLES = """examples:
  resolex graph corpus/ --to graphml -o citations.graphml     # for Gephi, Cytoscape, networkx
  resolex graph corpus/ --to gexf --level document -o docs.gexf
  resolex graph corpus/ --to csv -o citations                 # citations.nodes.csv, citations.edges.csv
  resolex graph archive.mbox --to dot | dot -Tsvg > citations.svg

--to csv writes two files, PREFIX.nodes.csv and PREFIX.edges.csv, for -o PREFIX (a
trailing .csv is dropped); graphml and gexf need networkx: pip install 'resolex[graph]'
"""

ANNOTATE_EXAMPLES = """examples:
  resolex annotate draft.txt -o page.html           # then open page.html in a browser
  resolex annotate 80-16.html 80-17.html -o both.html  # references between them are links

the page is one self-contained HTML file: no script, nothing fetched from the network
"""

SCHEMA_EXAMPLES = """examples:
  resolex schema -o resolex.schema.json
"""


class Run:
    """What a command reads and where it writes; remembers inputs that could not be read."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.unreadable: list[str] = []

    def documents(self) -> Iterator[Document]:
        args = self.args
        docs = read(args.paths, format=args.input_format)
        if not args.quiet and sys.stderr.isatty():
            docs = Progress(args.paths, sys.stderr).track(docs)
        for doc in docs:
            for d in doc.diagnostics:
                if d.code in UNREADABLE:
                    self.unreadable.append(d.message)
            yield doc

    def all_documents(self) -> list[Document]:
        docs = list(self.documents())
        if not docs:
            raise ResolexError(f"nothing readable in {' '.join(self.args.paths)}")
        return docs

    @contextmanager
    def text(self) -> Iterator[TextIO]:
        if self.args.output:
            with open(self.args.output, "w", encoding="utf-8") as out:
                yield out
        else:
            yield sys.stdout

    @contextmanager
    def binary(self, path: str | None = None) -> Iterator[BinaryIO]:
        path = path or self.args.output
        if path:
            with open(path, "wb") as out:
                yield out
        else:
            sys.stdout.flush()
            yield sys.stdout.buffer

    def status(self, code: int = 0) -> int:
        """``code``, or 2 after saying which inputs could not be read."""
        for message in self.unreadable:
            print(f"resolex: {message}", file=sys.stderr)
        return 2 if self.unreadable else code


def write_table(doc: Document, out: TextIO) -> None:
    out.write(
        f"== {document_name(doc)}  ({len(doc.paragraphs)} paragraphs, {len(doc.references)} references)\n"
    )
    for p in doc.paragraphs:
        section = f"  [{p.section}]" if p.section else ""
        out.write(f"  {p.id:<24} {p.kind:<11} {p.lead}{section}\n")
    for r in doc.references:
        target = (
            (r.document.id or r.document.symbol or r.document.number or "?") if r.document else "(this text)"
        )
        pins = ", ".join(str(x) for x in r.pinpoints)
        out.write(f"  -> {target:<24} {pins:<16} {' '.join(r.text.split())}\n")
    for d in doc.diagnostics:
        out.write(f"  !  {d.code} {d.severity}: {d.message}\n")


def cmd_extract(run: Run) -> int:
    args = run.args
    with run.text() as out:
        for doc in run.documents():
            if args.format == "table":
                write_table(doc, out)
            elif args.format == "jsonl":
                out.write(doc.model_dump_json(exclude={"source", "offsets"}) + "\n")
            else:
                out.write(doc.model_dump_json(indent=2, exclude={"source", "offsets"}) + "\n")
    return run.status()


def write_report(report: Report, out: TextIO) -> None:
    for entry in report.documents:
        out.write(f"== {entry.name}\n")
        for d in entry.diagnostics:
            at = f" (at {d.span.start}-{d.span.end})" if d.span else ""
            out.write(f"{d.code} {d.severity} {d.message}{at}\n")
    counts = {s: sum(d.severity == s for d in report.diagnostics) for s in ("error", "warning", "info")}
    n = len(report.documents)
    out.write(f"{n} document{'' if n == 1 else 's'}: {counts['error']} errors, ")
    out.write(f"{counts['warning']} warnings, {counts['info']} notes\n")


def document_name(doc: Document) -> str:
    """Where a document was read: its path, and the message and part of an e-mail."""
    source = doc.source
    if source is None:
        return "?"
    name = source.path or "?"
    if source.message_index is not None:
        name += f" message {source.message_index}"
    if source.part is not None:
        name += f" part {source.part}"
    return name


def cmd_validate(run: Run) -> int:
    docs: dict[str, Document] = {}
    for doc in run.all_documents():
        name = base = document_name(doc)
        again = 1
        while name in docs:
            again += 1
            name = f"{base} ({again})"
        docs[name] = doc
    report = validate(docs)
    with run.text() as out:
        if run.args.format == "json":
            out.write(report.model_dump_json(indent=2) + "\n")
        else:
            write_report(report, out)
    if any(d.code in UNREADABLE for d in report.diagnostics):
        return 2  # the report names them
    return 0 if report.ok else 1


def cmd_graph(run: Run) -> int:
    args = run.args
    if args.to == "csv" and not args.output:
        raise ResolexError("--to csv writes two files: give -o PREFIX (PREFIX.nodes.csv, PREFIX.edges.csv)")
    graph = citation_graph(Corpus(run.all_documents()), level=args.level)
    if args.to == "csv":
        prefix = args.output.removesuffix(".csv")
        for suffix, text in zip((".nodes.csv", ".edges.csv"), graph.to_csv(), strict=True):
            with run.binary(prefix + suffix) as out:
                out.write(text.encode("utf-8"))
    elif args.to in ("graphml", "gexf"):
        data = graph.to_graphml() if args.to == "graphml" else graph.to_gexf()
        with run.binary() as out:
            out.write(data)
    else:
        text = graph.to_json() if args.to == "json" else graph.to_dot()
        with run.binary() as out:
            out.write(text.encode("utf-8"))
    return run.status()


def cmd_annotate(run: Run) -> int:
    page = render_page(Corpus(run.all_documents()))
    with run.binary() as out:
        out.write(page.encode("utf-8"))
    return run.status()


def cmd_schema(run: Run) -> int:
    with run.text() as out:
        out.write(json.dumps(schema(), indent=2) + "\n")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="resolex",
        description="Read UN resolution text into paragraphs and references.",
        epilog="run 'resolex COMMAND --help' for a command's options and examples",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    reading = argparse.ArgumentParser(add_help=False)
    reading.add_argument("paths", nargs="+", metavar="PATH", help=PATHS_HELP)
    reading.add_argument("--input-format", choices=("auto", "text", "html"), default="auto")
    reading.add_argument(
        "-q", "--quiet", action="store_true", help="no progress bar (shown only on a terminal)"
    )

    def command(
        name: str, summary: str, examples: str, parents: Sequence[argparse.ArgumentParser] = ()
    ) -> argparse.ArgumentParser:
        sub = commands.add_parser(
            name,
            help=summary,
            description=summary,
            epilog=examples,
            parents=list(parents),
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        sub.add_argument("-o", "--output", metavar="FILE", help="write here instead of standard output")
        return sub

    ext = command("extract", "extract paragraphs and references", EXTRACT_EXAMPLES, [reading])
    ext.add_argument("--format", choices=("table", "json", "jsonl"), default="table")
    ext.set_defaults(run=cmd_extract)
    val = command(
        "validate",
        "report what is wrong or doubtful in what is extracted (exit 0 clean, 1 errors, 2 unreadable)",
        VALIDATE_EXAMPLES,
        [reading],
    )
    val.add_argument("--format", choices=("text", "json"), default="text")
    val.set_defaults(run=cmd_validate)
    gra = command(
        "graph",
        "export the citation graph: which document and paragraph cites which",
        GRAPH_EXAMPLES,
        [reading],
    )
    gra.add_argument(
        "--to", choices=("graphml", "gexf", "json", "csv", "dot"), required=True, help="the file format"
    )
    gra.add_argument(
        "--level",
        choices=("paragraph", "document"),
        default="paragraph",
        help="nodes are paragraphs (and documents), or documents only (default: paragraph)",
    )
    gra.set_defaults(run=cmd_graph)
    ann = command(
        "annotate",
        "write one HTML page showing documents with every reference marked",
        ANNOTATE_EXAMPLES,
        [reading],
    )
    ann.set_defaults(run=cmd_annotate)
    sch = command("schema", "print the JSON Schema of the Document and Report JSON", SCHEMA_EXAMPLES)
    sch.set_defaults(run=cmd_schema)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.run(Run(args)))
    except BrokenPipeError:  # the reader went away (| head): stop quietly, as other tools do
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    except (ResolexError, OSError) as exc:
        print(f"resolex: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("resolex: interrupted", file=sys.stderr)
        return 130
