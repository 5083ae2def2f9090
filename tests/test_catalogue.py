"""The catalogue is data: a user file (TOML or JSON) adds instruments and names without code.

Each case writes a small catalogue file, extends the default catalogue with it and
extracts a sentence: what was no reference ("paragraph 3 of the Rome Statute", a text
the default catalogue does not know) becomes one. Bad files fail when read, and the
message names the file, the entry (number and id) and the field.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import resolex
from resolex import Catalogue, DataFileError

ROME = """
schema_version = 1

[[instrument]]
id = "rome-statute"
kind = "instrument"
title = "Rome Statute of the International Criminal Court"
aliases = ["Rome Statute"]
abbreviations = ["ICCSt"]
symbol = "A/CONF.183/9"
unit = "article"
paragraph_count = 128

[[alias]]                     # more names for an instrument of the default catalogue
id = "tunis-agenda"
aliases = ["WSIS Tunis Agenda"]
"""


def written(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def targets(text: str, catalogue: Catalogue) -> list[tuple[str, str | None, list[str]]]:
    doc = resolex.extract(text, catalogue=catalogue)
    return [
        (r.text, r.document.id if r.document else None, [str(p) for p in r.pinpoints]) for r in doc.references
    ]


def test_a_toml_file_adds_an_instrument_and_names(tmp_path: Path) -> None:
    user = Catalogue.from_file(written(tmp_path, "mine.toml", ROME))
    catalogue = Catalogue.default().extended(user)
    text = "See article 12, paragraph 3, of the Rome Statute and the WSIS Tunis Agenda."
    assert targets(text, Catalogue.default()) == [("Tunis Agenda", "tunis-agenda", [])]
    assert targets(text, catalogue) == [
        ("article 12, paragraph 3, of the Rome Statute", "rome-statute", ["12 (3)"]),
        ("the WSIS Tunis Agenda", "tunis-agenda", []),
    ]
    assert targets("under A/CONF.183/9 and ICCSt", catalogue) == [
        ("A/CONF.183/9", "rome-statute", []),
        ("ICCSt", "rome-statute", []),
    ]
    tunis = catalogue.get("tunis-agenda")
    assert tunis is not None
    assert "WSIS Tunis Agenda" in tunis.aliases
    assert tunis.symbol == "WSIS-05/TUNIS/DOC/6(Rev.1)-E", "an alias adds names, it keeps the rest"


def test_a_json_file_reads_the_same(tmp_path: Path) -> None:
    data = {
        "schema_version": 1,
        "instruments": [
            {
                "id": "rome-statute",
                "title": "Rome Statute of the International Criminal Court",
                "aliases": ["Rome Statute"],
                "abbreviations": ["ICCSt"],
                "symbol": "A/CONF.183/9",
                "unit": "article",
                "paragraph_count": 128,
            }
        ],
        "aliases": [{"id": "tunis-agenda", "aliases": ["WSIS Tunis Agenda"]}],
    }
    from_json = Catalogue.from_file(written(tmp_path, "mine.json", json.dumps(data)))
    assert from_json == Catalogue.from_file(written(tmp_path, "mine.toml", ROME))


def test_a_file_entry_replaces_a_default_one_with_its_id(tmp_path: Path) -> None:
    text = '[[instrument]]\nid = "ga-65-141"\nkind = "resolution"\ntitle = "ICT4D"\nsymbol = "A/RES/65/141"\n'
    catalogue = Catalogue.default().extended(Catalogue.from_file(written(tmp_path, "c.toml", text)))
    replaced = catalogue.get("ga-65-141")
    assert replaced is not None
    assert (replaced.title, replaced.paragraph_count) == ("ICT4D", None)
    assert len(catalogue.instruments) == len(Catalogue.default().instruments)


def test_an_alias_of_its_own_instrument_applies_at_once(tmp_path: Path) -> None:
    text = ROME + '\n[[alias]]\nid = "rome-statute"\naliases = ["Statute of Rome"]\n'
    user = Catalogue.from_file(written(tmp_path, "c.toml", text))
    rome = user.get("rome-statute")
    assert rome is not None
    assert rome.aliases == ("Rome Statute", "Statute of Rome")
    assert [a.id for a in user.aliases] == ["tunis-agenda"], (
        "only the alias of another catalogue's text waits"
    )


BAD = [
    pytest.param(
        '[[instrument]]\nid = "ok-one"\ntitle = "One"\n\n[[instrument]]\nid = "rome-statute"\nkind = "treaty"\n',
        r"bad\.toml: instrument 1 \('rome-statute'\), field kind: Input should be 'instrument', 'resolution', "
        r"'decision' or 'document'; field title: Field required",
        id="missing-field-and-bad-value",
    ),
    pytest.param(
        '[[instrument]]\nid = "Rome Statute"\ntitle = "Rome Statute"\n',
        r"bad\.toml: instrument 0 \('Rome Statute'\), field id: String should match pattern",
        id="id-not-a-slug",
    ),
    pytest.param(
        '[[instrument]]\nid = "rome"\ntitle = "Rome Statute"\nparagraph_count = 0\n',
        r"bad\.toml: instrument 0 \('rome'\), field paragraph_count: Input should be greater than or equal to 1",
        id="count-below-one",
    ),
    pytest.param(
        '[[instrument]]\nid = "rome"\ntitle = "Rome Statute"\nalias = ["Rome"]\n',
        r"bad\.toml: instrument 0 \('rome'\), field alias: Extra inputs are not permitted",
        id="misspelt-field",
    ),
    pytest.param(
        '[[instrument]]\nid = "rome"\ntitle = "A"\n\n[[instrument]]\nid = "rome"\ntitle = "B"\n',
        r"bad\.toml: instrument 1 \('rome'\), field id: duplicate id 'rome'",
        id="duplicate-id",
    ),
    pytest.param(
        '[[alias]]\nid = "tunis-agenda"\naliases = "Tunis"\n',
        r"bad\.toml: alias 0 \('tunis-agenda'\), field aliases: Input should be a valid tuple",
        id="alias-not-a-list",
    ),
    pytest.param('[[treaty]]\nid = "x"\n', r"bad\.toml: unknown table 'treaty'", id="unknown-table"),
    pytest.param("schema_version = 2\n", r"bad\.toml: field schema_version: 2 is not 1", id="schema-version"),
    pytest.param('[[instrument]\nid = "x"\n', r"bad\.toml: not valid \.toml", id="not-toml"),
]


@pytest.mark.parametrize(("text", "message"), BAD)
def test_a_bad_file_names_file_entry_and_field(tmp_path: Path, text: str, message: str) -> None:
    path = written(tmp_path, "bad.toml", text)
    with pytest.raises(DataFileError, match=message):
        Catalogue.from_file(path)


def test_an_alias_of_an_unknown_instrument_fails_when_extending(tmp_path: Path) -> None:
    user = Catalogue.from_file(
        written(tmp_path, "c.toml", '[[alias]]\nid = "no-such-text"\naliases = ["X"]\n')
    )
    with pytest.raises(DataFileError, match="alias of 'no-such-text': no instrument has that id"):
        Catalogue.default().extended(user)


def test_bad_json_and_missing_files(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match=r"bad\.json: not valid \.json"):
        Catalogue.from_file(written(tmp_path, "bad.json", "{"))
    with pytest.raises(DataFileError, match=r"bad\.json: expected a table"):
        Catalogue.from_file(written(tmp_path, "bad.json", "[]"))
    with pytest.raises(DataFileError, match=r"missing\.toml: cannot be read"):
        Catalogue.from_file(tmp_path / "missing.toml")


def test_the_default_catalogue_is_the_packaged_file() -> None:
    default = Catalogue.default()
    assert default is Catalogue.default(), "built once"
    assert default.aliases == ()
    assert {i.id for i in default.instruments} >= {"tunis-agenda", "udhr", "un-charter", "ga-70-125"}
