"""The catalogue of known instruments: names, aliases, symbols, paragraph counts.

The default catalogue is a data file in the package, validated into frozen
models and built once. A user passes their own with ``Catalogue.from_file`` or
``Catalogue(instruments=…)``; nothing global is ever modified.
"""

from __future__ import annotations

import json
import tomllib
from functools import cache, cached_property
from pathlib import Path
from typing import Any, Literal

from pydantic import Field

from resolex.errors import DataFileError
from resolex.models import Frozen, TargetKind
from resolex.patterns import read_data_file, validate_data


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


class Catalogue(Frozen):
    """An immutable set of instruments with lookups by id, symbol and name."""

    schema_version: Literal[1] = 1
    instruments: tuple[Instrument, ...] = ()

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
        return _checked(validate_data(cls, _tables_renamed(data), f"catalogue file {path}"), str(path))

    def extended(self, other: Catalogue) -> Catalogue:
        """This catalogue with ``other``'s instruments added (``other`` wins on equal ids)."""
        ids = {i.id for i in other.instruments}
        kept = tuple(i for i in self.instruments if i.id not in ids)
        return Catalogue(instruments=kept + other.instruments)

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


def _tables_renamed(data: dict[str, Any]) -> dict[str, Any]:
    """Data files write one ``[[instrument]]`` table per entry; the model holds ``instruments``."""
    if "instrument" in data:
        data = {k: v for k, v in data.items() if k != "instrument"} | {"instruments": data["instrument"]}
    return data


def _checked(catalogue: Catalogue, origin: str) -> Catalogue:
    seen: set[str] = set()
    for n, inst in enumerate(catalogue.instruments):
        if inst.id in seen:
            raise DataFileError(f"{origin}: entry instruments.{n}.id: duplicate id {inst.id!r}")
        seen.add(inst.id)
    return catalogue


@cache
def _default_catalogue() -> Catalogue:
    data = read_data_file("catalogue.toml")
    return _checked(validate_data(Catalogue, _tables_renamed(data), "catalogue.toml"), "catalogue.toml")
