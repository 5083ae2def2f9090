"""The command line: ``resolex extract PATH...``.

Built on the standard library's argparse: the commands are few and flat, and a
dependency-free CLI installs everywhere resolex does.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TextIO

from resolex.errors import ResolexError
from resolex.models import Document
from resolex.pipeline import extract

READABLE = (".txt", ".html", ".htm", ".md", ".text", ".xml", ".eml")

EXAMPLES = """examples:
  resolex extract seeds/ --format table
  resolex extract draft.html --format json -o draft.json
  resolex extract mail/ --format jsonl > refs.jsonl
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
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.output:
            with open(args.output, "w", encoding="utf-8") as out:
                return cmd_extract(args, out)
        return cmd_extract(args, sys.stdout)
    except ResolexError as exc:
        print(f"resolex: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"resolex: {exc}", file=sys.stderr)
        return 2
