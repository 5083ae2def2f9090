"""The command line: ``resolex extract PATH...``, ``resolex validate PATH...``, ``resolex schema``.

Built on the standard library's argparse: the commands are few and flat, and a
dependency-free CLI installs everywhere resolex does.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TextIO

from resolex.errors import ResolexError
from resolex.export import schema
from resolex.models import Document, Report
from resolex.pipeline import extract, read
from resolex.validate import validate

READABLE = (".txt", ".html", ".htm", ".md", ".text", ".xml", ".eml")

EXAMPLES = """examples:
  resolex extract seeds/ --format table
  resolex extract draft.html --format json -o draft.json
  resolex extract mail/ --format jsonl > refs.jsonl
"""

UNREADABLE = frozenset({"RX005"})  # a file or folder that cannot be read: exit status 2

VALIDATE_EXAMPLES = """examples:
  resolex validate draft.txt          # exit 0 clean, 1 errors found, 2 could not read
  resolex validate archive.mbox       # one document per message part
  resolex validate seeds/ --format json

each finding prints as: CODE severity message (at start-end), the span in the extracted text;
the codes are listed in docs/diagnostics.md
"""


def iter_files(paths: Sequence[str]) -> Iterator[Path]:
    """Files named, and readable files under folders named (sorted, recursively)."""
    for name in paths:
        path = Path(name)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in READABLE)
        elif path.is_file():
            yield path
        else:
            raise ResolexError(f"no such file or folder: {name}")


def write_table(path: Path, doc: Document, out: TextIO) -> None:
    out.write(f"== {path}  ({len(doc.paragraphs)} paragraphs, {len(doc.references)} references)\n")
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


def cmd_extract(args: argparse.Namespace, out: TextIO) -> int:
    for path in iter_files(args.paths):
        doc = extract(path.read_bytes(), format=args.input_format)
        if args.format == "table":
            write_table(path, doc, out)
        elif args.format == "jsonl":
            out.write(doc.model_dump_json(exclude={"source", "offsets"}) + "\n")
        else:
            out.write(doc.model_dump_json(indent=2, exclude={"source", "offsets"}) + "\n")
    return 0


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


def cmd_validate(args: argparse.Namespace, out: TextIO) -> int:
    docs: dict[str, Document] = {}
    for doc in read(args.paths, format=args.input_format):
        name = base = document_name(doc)
        again = 1
        while name in docs:
            again += 1
            name = f"{base} ({again})"
        docs[name] = doc
    if not docs:
        raise ResolexError(f"nothing readable in {' '.join(args.paths)}")
    report = validate(docs)
    if args.format == "json":
        out.write(report.model_dump_json(indent=2) + "\n")
    else:
        write_report(report, out)
    if any(d.code in UNREADABLE for d in report.diagnostics):
        return 2
    return 0 if report.ok else 1


def cmd_schema(args: argparse.Namespace, out: TextIO) -> int:
    out.write(json.dumps(schema(), indent=2) + "\n")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="resolex", description="Read UN resolution text into paragraphs and references."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    ext = commands.add_parser(
        "extract",
        help="extract paragraphs and references",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ext.add_argument("paths", nargs="+", help="files or folders (.txt .html .htm .md .xml .eml)")
    ext.add_argument("--format", choices=("table", "json", "jsonl"), default="table")
    ext.add_argument("--input-format", choices=("auto", "text", "html"), default="auto")
    ext.add_argument("-o", "--output", help="write here instead of standard output")
    ext.set_defaults(run=cmd_extract)
    val = commands.add_parser(
        "validate",
        help="report what is wrong or doubtful in what is extracted (exit 0 clean, 1 errors, 2 unreadable)",
        epilog=VALIDATE_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    val.add_argument("paths", nargs="+", help="files or folders (.txt .html .htm .md .xml .eml)")
    val.add_argument("--format", choices=("text", "json"), default="text")
    val.add_argument("--input-format", choices=("auto", "text", "html"), default="auto")
    val.add_argument("-o", "--output", help="write here instead of standard output")
    val.set_defaults(run=cmd_validate)
    sch = commands.add_parser("schema", help="print the JSON Schema of the Document and Report JSON")
    sch.add_argument("-o", "--output", help="write here instead of standard output")
    sch.set_defaults(run=cmd_schema)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.output:
            with open(args.output, "w", encoding="utf-8") as out:
                return int(args.run(args, out))
        return int(args.run(args, sys.stdout))
    except ResolexError as exc:
        print(f"resolex: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"resolex: {exc}", file=sys.stderr)
        return 2
