"""Vocabularies and patterns as data: loaded, validated and compiled once.

The TOML files under ``resolex/data`` are read into frozen models, so a bad
entry fails at load time naming its file, entry and field. Compiled sets are
memoised with ``functools.cache``; nothing here changes after it is built.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from functools import cache
from importlib import resources
from typing import Any, Literal, TypeVar

import regex
from pydantic import BaseModel, ConfigDict, ValidationError

from resolex.errors import DataFileError

M = TypeVar("M", bound=BaseModel)


class _Data(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class LeadList(_Data):
    """One kind of lead: its phrases and the adverbs that go with them.

    ``adverbs`` stand in front of an operative phrase ("Also requests") and behind a
    preambular one ("Recalling also"); ``adverbs_after`` (operative: Russian "просит
    также") and ``adverbs_before`` (preambular: Chinese "又回顾", Russian "вновь
    подтверждая") are the other side, for the languages that put them there.
    """

    adverbs: tuple[str, ...]
    phrases: tuple[str, ...]
    we_openers: tuple[str, ...] = ()
    adverbs_before: tuple[str, ...] = ()
    adverbs_after: tuple[str, ...] = ()


class LeadsFile(_Data):
    schema_version: Literal[1]
    language: str = "en"
    operative: LeadList
    preambular: LeadList


class Body(_Data):
    id: str
    name: str
    aliases: tuple[str, ...]
    resolution_symbol: str
    number_shape: Literal["session", "serial-year", "year"]


class BodiesFile(_Data):
    schema_version: Literal[1]
    body: tuple[Body, ...]


class PatternEntry(_Data):
    """A named regular expression with the strings it must and must not match."""

    name: str
    pattern: str
    examples: tuple[str, ...]
    counter_examples: tuple[str, ...] = ()
    note: str = ""


class PatternsFile(_Data):
    schema_version: Literal[1]
    anchors: tuple[str, ...]
    starts: tuple[str, ...]
    determiners: tuple[str, ...]
    followers: tuple[str, ...]
    placeholders: dict[str, str]
    pattern: tuple[PatternEntry, ...]


def read_data_file(name: str) -> dict[str, Any]:
    """Parse a packaged TOML data file."""
    try:
        raw = resources.files("resolex.data").joinpath(name).read_bytes()
        return tomllib.loads(raw.decode("utf-8"))
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise DataFileError(f"data file {name}: {exc}") from exc


def validate_data(model: type[M], data: dict[str, Any], origin: str) -> M:
    """Validate parsed data, turning Pydantic's report into one that names the entry."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(
            f"entry {'.'.join(str(p) for p in err['loc'])}: {err['msg']}" for err in exc.errors()
        )
        raise DataFileError(f"{origin}: {problems}") from exc


LEAD_FILES = (
    "leads.toml",
    "leads.fr.toml",
    "leads.es.toml",
    "leads.ru.toml",
    "leads.zh.toml",
    "leads.ar.toml",
)


@cache
def leads() -> LeadsFile:
    """Every language's lead vocabulary, merged: a paragraph opens the same way whatever the language."""
    files = [validate_data(LeadsFile, read_data_file(name), name) for name in LEAD_FILES]
    return LeadsFile(
        schema_version=1,
        language="+".join(f.language for f in files),
        operative=_merged([f.operative for f in files]),
        preambular=_merged([f.preambular for f in files]),
    )


def _merged(lists: list[LeadList]) -> LeadList:
    return LeadList(
        adverbs=tuple(a for lst in lists for a in lst.adverbs),
        phrases=tuple(p for lst in lists for p in lst.phrases),
        we_openers=tuple(w for lst in lists for w in lst.we_openers),
        adverbs_before=tuple(a for lst in lists for a in lst.adverbs_before),
        adverbs_after=tuple(a for lst in lists for a in lst.adverbs_after),
    )


@cache
def bodies() -> BodiesFile:
    return validate_data(BodiesFile, read_data_file("bodies.toml"), "bodies.toml")


@cache
def pattern_file() -> PatternsFile:
    return validate_data(PatternsFile, read_data_file("patterns.toml"), "patterns.toml")


def alternation(phrases: tuple[str, ...] | list[str], *, flexible_space: bool = True) -> str:
    """A regex alternation of literal phrases, longest first, spaces matching any run."""
    ordered = sorted(set(phrases), key=lambda p: (-len(p), p))
    escaped = [regex.escape(p) for p in ordered]
    if flexible_space:
        escaped = [e.replace(r"\ ", r"\s+") for e in escaped]
    return "(?:" + "|".join(escaped) + ")"


def trie(words: Iterable[str]) -> str:
    """An alternation of literal words as pattern source, branching one character at a time.

    Both ``re`` and ``regex`` try the branches of an alternation one after another at every
    position; as a trie they look at one branch per character (the catalogue's names in six
    scripts, the candidate pass's words: a pass over 1 MB of resolution text took 78 ms as a flat
    list of 140 words, 34 ms as a trie). Longer words are tried first; spaces match any run of
    white space, as ``alternation`` has them. No words give a pattern that matches nothing.
    """
    root: dict[str, dict[str, Any]] = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _branches(root) or "(?!)"


def _branches(node: dict[str, dict[str, Any]]) -> str:
    alternatives = [
        (r"\s+" if ch == " " else regex.escape(ch)) + _branches(sub) for ch, sub in sorted(node.items()) if ch
    ]
    if not alternatives:
        return ""
    body = alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"
    return "(?:" + body + ")?" if "" in node else body


def expand(template: str, placeholders: dict[str, str], depth: int = 0) -> str:
    """Replace ``{name}`` with its placeholder pattern (recursively, names become groups)."""
    if depth > 8:
        raise DataFileError(f"patterns.toml: placeholders nest too deeply in {template!r}")

    def sub(m: regex.Match[str]) -> str:
        key = m.group(1)
        if key not in placeholders:
            raise DataFileError(f"patterns.toml: unknown placeholder {{{key}}} in {template!r}")
        return "(?:" + expand(placeholders[key], placeholders, depth + 1) + ")"

    return str(regex.sub(r"\{([a-z_]+)\}", sub, template))


@cache
def compiled_pattern(name: str) -> regex.Pattern[str]:
    """The named pattern of ``patterns.toml``, placeholders expanded, compiled once."""
    data = pattern_file()
    for entry in data.pattern:
        if entry.name == name:
            return regex.compile(expand(entry.pattern, data.placeholders), regex.VERBOSE)
    raise DataFileError(f"patterns.toml: no pattern named {name!r}")


class LeadMatcher:
    """Finds the lead of a block: the vocabulary phrase it opens with."""

    def __init__(self, data: LeadsFile) -> None:
        op, pre = data.operative, data.preambular
        lowered = [p[0].lower() + p[1:] for p in op.phrases]
        after = r"(?:\s+" + alternation(op.adverbs_after) + _END + ")?" if op.adverbs_after else ""
        self.operative = regex.compile(
            r"(?:(?:"
            + alternation(op.adverbs)
            + r")"
            + _JOIN
            + alternation(lowered)
            + r"|"
            + alternation(op.phrases)
            + r")"
            + _END
            + after
        )
        self.we = regex.compile(
            r"We(?=,)|We\s+(?:(?:also|further|again|therefore|hereby|all|now|each|strongly|fully)\s+)?[a-z][\w-]*\b"
            + "".join("|" + _we_opener(w, op.adverbs) for w in op.we_openers if not w.startswith("We"))
        )
        before = r"(?:" + alternation(pre.adverbs_before) + _JOIN + ")?" if pre.adverbs_before else ""
        self.preambular = regex.compile(
            before + alternation(pre.phrases) + r"(?:\s+" + alternation(pre.adverbs) + r")?" + _END
        )

        # ITU style: the lead stands alone on its line, in lower case, and the numbered or
        # lettered items below it are the paragraphs ("resolves", "instructs the Secretary-General").
        lower_op = [ph[0].lower() + ph[1:] for ph in op.phrases]
        lower_pre = [ph[0].lower() + ph[1:] for ph in pre.phrases]
        self.operative_clause = regex.compile(
            r"(?:further\s+|also\s+)?" + alternation(lower_op) + r"(?:\s+further)?"
            r"(?:\s+(?:the\s+|all\s+)?[A-Z][\w-]*(?:\s+(?:of|the|and|for|[A-Z][\w-]*)){0,6})?"
            r"(?:,\s*(?:with|in|through)\s+[^,;.]{1,60})?\s*,?"
        )
        self.preambular_clause = regex.compile(
            r"(?:further\s+)?" + alternation(lower_pre) + r"(?:\s+(?:further|also|with\s+\w+))?\s*,?"
        )

    def clause(self, line: str) -> tuple[str, Literal["preambular", "operative"]] | None:
        """An ITU-style clause heading filling the whole line, and the kind of its items."""
        if len(line) > 120 or not line[:1].islower():
            return None
        if self.preambular_clause.fullmatch(line):
            return line.rstrip(" ,"), "preambular"
        if self.operative_clause.fullmatch(line):
            return line.rstrip(" ,"), "operative"
        return None

    def operative_lead(self, text: str, pos: int = 0) -> str | None:
        m = self.operative.match(text, pos)
        return _one_space(m.group()) if m else None

    def we_lead(self, text: str, pos: int = 0) -> str | None:
        m = self.we.match(text, pos)
        return _one_space(m.group()) if m else None

    def preambular_lead(self, text: str, pos: int = 0) -> str | None:
        m = self.preambular.match(text, pos)
        return _one_space(m.group()) if m else None


# A lead ends where its word does; in Chinese, written without spaces, right after its last character.
_END = r"(?:(?<=\p{Han})|(?![\w-]))"
# Between an adverb and its verb: a space, or nothing after a Chinese character ("又决定").
_JOIN = r"(?:\s+|(?<=\p{Han}))"


def _we_opener(opener: str, adverbs: tuple[str, ...]) -> str:
    """ "Nous réaffirmons", "Мы вновь подтверждаем": the pronoun and its verb; Chinese "我们" alone."""
    if regex.match(r"\p{Han}", opener):
        return regex.escape(opener) + r"(?=\p{Han})"
    adverb = r"(?:" + alternation([a.lower() for a in adverbs]) + r"\s+)?" if adverbs else ""
    return regex.escape(opener) + r"\s+" + adverb + r"[^\W\d_][\w-]*\b"


def _one_space(text: str) -> str:
    return " ".join(text.split())


@cache
def lead_matcher() -> LeadMatcher:
    return LeadMatcher(leads())
