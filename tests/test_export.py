"""The JSON Schema: every Document and Report JSON the suite's inputs produce validates.

The inputs are those the other tests feed resolex: the seeds, the examples of
docs/diagnostics.md, the gold corpus sources where ../shared/corpus is present, and the
JSON the command line prints (``extract --format json/jsonl``, ``validate --format json``).
A schema that accepted anything would pass, so each kind is also checked to reject a
broken instance.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import jsonschema
import pytest

import resolex
from tests.conftest import CORPUS, SEEDS
from tests.test_cli import resolex_cli
from tests.test_validate import CORPUS as TUNIS_CORPUS
from tests.test_validate import ROWS, documents

SCHEMA = resolex.schema()


def validator(kind: str) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator({"$ref": f"#/$defs/{kind}", "$defs": SCHEMA["$defs"]})


def suite_documents() -> Iterator[tuple[str, resolex.Document]]:
    for path in sorted(SEEDS.glob("*.txt")):
        yield path.name, resolex.extract(path.read_text(encoding="utf-8"))
    for row in ROWS:
        for n, doc in enumerate(documents(row.example) + documents(row.near_miss)):
            yield f"{row.code}-{n}", doc
    for path in sorted(CORPUS.rglob("*.md")):
        yield path.name, resolex.extract(path.read_text(encoding="utf-8"))


DOCUMENTS = list(suite_documents())


def test_the_schema_is_a_valid_draft_2020_12_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"


@pytest.mark.parametrize(("name", "doc"), DOCUMENTS, ids=[n for n, _ in DOCUMENTS])
def test_document_and_report_json_validate(name: str, doc: resolex.Document) -> None:
    validator("Document").validate(json.loads(doc.model_dump_json()))
    report = resolex.validate({name: doc}, corpus=TUNIS_CORPUS)
    validator("Report").validate(json.loads(report.model_dump_json()))
    jsonschema.validate(json.loads(report.model_dump_json()), SCHEMA)


def cli_outputs() -> Iterator[tuple[str, Any]]:
    printed = resolex_cli("extract", "--format", "json", str(SEEDS)).stdout
    decoder = json.JSONDecoder()
    pos = 0
    while pos < len(printed.rstrip()):
        value, end = decoder.raw_decode(printed, pos)
        yield "Document", value
        pos = end + 1
    for line in resolex_cli("extract", "--format", "jsonl", str(SEEDS)).stdout.splitlines():
        yield "Document", json.loads(line)
    yield "Report", json.loads(resolex_cli("validate", "--format", "json", str(SEEDS)).stdout)


def test_command_line_json_validates() -> None:
    outputs = list(cli_outputs())
    assert [kind for kind, _ in outputs] == ["Document"] * 6 + ["Report"]
    for kind, value in outputs:
        validator(kind).validate(value)


@pytest.mark.parametrize(
    ("kind", "broken"),
    [
        ("Document", {"paragraphs": []}),
        ("Document", {"text": "x", "paragraphs": [{"id": "para_1"}]}),
        ("Document", {"text": "x", "extra": 1}),
        ("Report", {"documents": [{"diagnostics": [{"code": "RX102", "severity": "fatal", "message": "m"}]}]}),
        ("Report", {"documents": [{"diagnostics": [{"code": "RX102", "severity": "error", "message": "m", "span": {"start": -1, "end": 2}}]}]}),
    ],
    ids=["no text", "paragraph without fields", "unknown field", "unknown severity", "negative span"],
)
def test_the_schema_rejects_broken_json(kind: str, broken: dict[str, Any]) -> None:
    with pytest.raises(jsonschema.ValidationError):
        validator(kind).validate(broken)


def test_schema_is_exported_and_names_every_model() -> None:
    assert set(SCHEMA["$defs"]) >= {
        "Document", "Corpus", "CorpusEntry", "Link", "Report", "DocumentReport", "Diagnostic", "Paragraph",
        "Reference", "Span",
    }  # fmt: skip


def test_corpus_json_validates_and_a_broken_corpus_does_not() -> None:
    corpus = resolex.Corpus([doc for _, doc in DOCUMENTS[:6]])
    validator("Corpus").validate(json.loads(corpus.model_dump_json()))
    jsonschema.validate(json.loads(corpus.model_dump_json()), SCHEMA)
    broken = json.loads(corpus.model_dump_json())
    broken["links"][0]["status"] = "maybe"
    with pytest.raises(jsonschema.ValidationError):
        validator("Corpus").validate(broken)
