"""The catalogue of known instruments: names, aliases, symbols, paragraph counts.

The default catalogue is a data file in the package, validated into frozen
models and built once. A user passes their own with ``Catalogue.from_file`` or
``Catalogue(instruments=…)``; nothing global is ever modified.

A catalogue file (TOML or JSON) holds ``[[instrument]]`` entries (new texts, or
replacements of one with the same id) and ``[[alias]]`` entries, which add names,
abbreviations or symbols to an instrument of this file or of the catalogue it
extends (``Catalogue.default().extended(Catalogue.from_file(path))``). Every
entry is checked when the file is read; an error names the file, the entry (its
number and id) and the field.
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Iterator
from functools import cache, cached_property
from pathlib import Path
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, Field, ValidationError

from resolex.errors import DataFileError
from resolex.models import Frozen, TargetKind
from resolex.patterns import read_data_file

M = TypeVar("M", bound=BaseModel)


class Instrument(Frozen):
    """One citable text the catalogue knows by name, symbol or number."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    kind: TargetKind = "instrument"
    title: str
    aliases: tuple[str, ...] = ()
    abbreviations: tuple[str, ...] = ()
    contextual: tuple[str, ...] = ()
    symbol: str | None = None
    symbol_variants: tuple[str, ...] = ()
    number: str | None = None
    body: str | None = None
    date: str | None = None
    unit: Literal["paragraph", "article"] = "paragraph"
    paragraph_count: int | None = Field(default=None, ge=1)
    count_note: str | None = None


class Alias(Frozen):
    """More names for an instrument: of the same file, or of the catalogue a file extends."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    aliases: tuple[str, ...] = ()
    abbreviations: tuple[str, ...] = ()
    contextual: tuple[str, ...] = ()
    symbol_variants: tuple[str, ...] = ()

    def applied(self, inst: Instrument) -> Instrument:
        return inst.model_copy(
            update={
                name: tuple(dict.fromkeys(getattr(inst, name) + getattr(self, name)))
                for name in ("aliases", "abbreviations", "contextual", "symbol_variants")
            }
        )


class Catalogue(Frozen):
    """An immutable set of instruments with lookups by id, symbol and name.

    ``aliases`` holds the alias entries of a file whose instrument is not in it; they
    take effect when the file extends the catalogue that has it.
    """

    schema_version: Literal[1] = 1
    instruments: tuple[Instrument, ...] = ()
    aliases: tuple[Alias, ...] = ()

    @classmethod
    def default(cls) -> Catalogue:
        """The catalogue shipped with resolex (built once)."""
        return _default_catalogue()

    @classmethod
    def from_file(cls, path: str | Path) -> Catalogue:
        """Read a TOML or JSON catalogue; errors name the file, entry and field."""
        path = Path(path)
        try:
            raw = path.read_bytes()
        except OSError as exc:
            raise DataFileError(f"catalogue file {path}: cannot be read ({exc.strerror})") from exc
        try:
            data: dict[str, Any] = (
                json.loads(raw) if path.suffix.lower() == ".json" else tomllib.loads(raw.decode("utf-8"))
            )
        except (ValueError, UnicodeDecodeError) as exc:
            raise DataFileError(f"catalogue file {path}: not valid {path.suffix or 'TOML'}: {exc}") from exc
        return _from_data(data, f"catalogue file {path}")

    def extended(self, other: Catalogue) -> Catalogue:
        """This catalogue with ``other``'s instruments added (``other`` wins on equal ids) and
        ``other``'s pending aliases applied; an alias of an instrument neither has is an error."""
        ids = {i.id for i in other.instruments}
        kept = tuple(i for i in self.instruments if i.id not in ids)
        instruments = {i.id: i for i in kept + other.instruments}
        for alias in other.aliases:
            if alias.id not in instruments:
                raise DataFileError(f"alias of {alias.id!r}: no instrument has that id")
            instruments[alias.id] = alias.applied(instruments[alias.id])
        return Catalogue(instruments=tuple(instruments.values()), aliases=self.aliases)

    @cached_property
    def _by_id(self) -> dict[str, Instrument]:
        return {i.id: i for i in self.instruments}

    @cached_property
    def _by_symbol(self) -> dict[str, Instrument]:
        table: dict[str, Instrument] = {}
        for inst in self.instruments:
            for sym in (inst.symbol, *inst.symbol_variants):
                if sym:
                    table[symbol_key(sym)] = inst
        return table

    @cached_property
    def _by_name(self) -> dict[str, Instrument]:
        table: dict[str, Instrument] = {}
        for inst in self.instruments:
            for name in (inst.title, *inst.aliases, *inst.contextual):
                table.setdefault(name_key(name), inst)
            for name in inst.abbreviations:
                table.setdefault(name, inst)
        return table

    def get(self, instrument_id: str) -> Instrument | None:
        return self._by_id.get(instrument_id)

    def by_symbol(self, symbol: str) -> Instrument | None:
        return self._by_symbol.get(symbol_key(symbol))

    def by_name(self, name: str) -> Instrument | None:
        """The instrument a name as written refers to (case and a leading "the" ignored)."""
        folded = " ".join(name.split())
        bare = folded[4:] if folded[:4].lower() == "the " else folded
        return self._by_name.get(name_key(name)) or self._by_name.get(folded) or self._by_name.get(bare)


def name_key(name: str) -> str:
    words = name.casefold().split()
    if words and words[0] in ("the", "la", "le", "el", "l'"):
        words = words[1:]
    return " ".join(words)


def symbol_key(symbol: str) -> str:
    return "".join(symbol.split()).upper()


def _from_data(data: dict[str, Any], origin: str) -> Catalogue:
    """A catalogue from a parsed file: ``[[instrument]]`` and ``[[alias]]`` tables (or the
    ``instruments`` and ``aliases`` lists of JSON), each entry checked on its own."""
    if not isinstance(data, dict):
        raise DataFileError(
            f"{origin}: expected a table with [[instrument]] entries, not {type(data).__name__}"
        )
    tables = {"instrument": "instruments", "alias": "aliases"}
    known = {"schema_version", *tables, *tables.values()}
    unknown = sorted(set(data) - known)
    if unknown:
        raise DataFileError(f"{origin}: unknown table {unknown[0]!r} (expected [[instrument]] or [[alias]])")
    if data.get("schema_version", 1) != 1:
        raise DataFileError(f"{origin}: field schema_version: {data['schema_version']!r} is not 1")
    instruments = tuple(
        _entries(Instrument, _listed(data, "instrument", "instruments", origin), origin, "instrument")
    )
    aliases = tuple(_entries(Alias, _listed(data, "alias", "aliases", origin), origin, "alias"))
    seen: set[str] = set()
    for n, inst in enumerate(instruments):
        if inst.id in seen:
            raise DataFileError(f"{origin}: instrument {n} ({inst.id!r}), field id: duplicate id {inst.id!r}")
        seen.add(inst.id)
    own = {i.id: i for i in instruments}
    pending = []
    for alias in aliases:
        if alias.id in own:
            own[alias.id] = alias.applied(own[alias.id])
        else:
            pending.append(alias)
    return Catalogue(instruments=tuple(own.values()), aliases=tuple(pending))


def _listed(data: dict[str, Any], table: str, plural: str, origin: str) -> list[Any]:
    items = data.get(table, data.get(plural, []))
    if not isinstance(items, list):
        raise DataFileError(f"{origin}: {table} must be a list of entries ([[{table}]] tables)")
    return items


def _entries(model: type[M], items: list[Any], origin: str, table: str) -> Iterator[M]:
    """Each entry validated; an error names the entry by number and id, and the field."""
    for n, item in enumerate(items):
        ident = item.get("id") if isinstance(item, dict) else None
        where = f"{origin}: {table} {n}" + (f" ({ident!r})" if isinstance(ident, str) else "")
        try:
            yield model.model_validate(item)
        except ValidationError as exc:
            problems = "; ".join(
                f"field {'.'.join(str(p) for p in err['loc']) or '(entry)'}: {err['msg']}"
                for err in exc.errors()
            )
            raise DataFileError(f"{where}, {problems}") from exc


@cache
def _default_catalogue() -> Catalogue:
    return _from_data(read_data_file("catalogue.toml"), "catalogue.toml")
