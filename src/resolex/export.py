"""Export: the JSON Schema of what resolex writes as JSON.

``Document.model_dump_json()``, ``Corpus.model_dump_json()`` and ``Report.model_dump_json()``
are the JSON resolex writes; :func:`schema` describes all three (draft 2020-12), generated
from the models themselves so it cannot drift from them.
"""

from __future__ import annotations

from typing import Any

from pydantic.json_schema import models_json_schema

from resolex.corpus import Corpus
from resolex.models import Document, Report

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def schema() -> dict[str, Any]:
    """The JSON Schema of ``Document``, ``Corpus`` and ``Report`` as resolex dumps them.

    Every model is under ``$defs`` by its name; the top level accepts any of the three.
    To check one kind only, validate against
    ``{"$ref": "#/$defs/Document", "$defs": schema()["$defs"]}``.
    """
    _, top = models_json_schema(
        [(Document, "serialization"), (Corpus, "serialization"), (Report, "serialization")],
        ref_template="#/$defs/{model}",
    )
    return {
        "$schema": SCHEMA_DIALECT,
        "title": "resolex output",
        "anyOf": [{"$ref": "#/$defs/Document"}, {"$ref": "#/$defs/Corpus"}, {"$ref": "#/$defs/Report"}],
        "$defs": top["$defs"],
    }
