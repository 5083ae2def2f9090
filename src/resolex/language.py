"""Which official language a text is written in, read from resolex's own vocabularies.

Why no library: the languages are six and known in advance, and resolution text is formal and
repetitive. Russian, Chinese and Arabic are told apart by their scripts; English, French and
Spanish by which language's paragraph leads (``leads*.toml``) and commonest words occur most.
A statistical detector (langdetect, fastText) would add a dependency and a model for a choice
the vocabularies already make, and could not be kept in step with them.

Cost: a document's language is read from a bounded sample (the whole text up to 32 KB, else
four evenly spaced windows of 8 KB), in one pass that splits the sample into words: it costs
the same for 1 MB as for 32 KB. A paragraph's language is read from its first characters,
where its lead stands, and is the document's when they say nothing.

Mixed-language mail is read block by block: a mail's language is that of its own text, the
quoted parts aside (an English reply quoting a French resolution is "en"), and each paragraph
carries its own language (the quoted resolution's paragraphs are "fr"); a reference inside a
paragraph is in that paragraph's language (``Reference.paragraph_id``), one outside in the
document's.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from functools import cache

import regex

from resolex.models import Paragraph
from resolex.normalize import Normalized
from resolex.patterns import LEAD_FILES, LeadsFile, read_data_file, validate_data

DEFAULT = "en"
# The commonest words of running text (articles, prepositions, conjunctions), one set per language;
# a word two languages share ("de" is not Spanish only) counts for neither.
FUNCTION_WORDS = {
    "en": ("the", "of", "and", "to", "in", "its", "that", "with", "for", "on", "this", "which"),
    "fr": ("le", "la", "les", "des", "du", "et", "aux", "dans", "pour", "sur", "sa", "ses", "qui", "une"),
    "es": ("el", "los", "las", "del", "y", "en", "para", "con", "sobre", "su", "sus", "que", "una"),
}
# Scripts that name their language outright (un-conventions.md: the six official languages), by the
# Unicode blocks their letters are in: Cyrillic; CJK ideographs (with extension A and the
# compatibility block); Arabic (with its supplement and presentation forms).
SCRIPTS: dict[str, tuple[tuple[str, str], ...]] = {
    "ru": (("\u0400", "\u052f"),),
    "zh": (("\u3400", "\u4dbf"), ("\u4e00", "\u9fff"), ("\uf900", "\ufaff")),
    "ar": (("\u0600", "\u06ff"), ("\u0750", "\u077f"), ("\ufb50", "\ufdff"), ("\ufe70", "\ufeff")),
}
_WORD = regex.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_WINDOW = 8_192  # characters read from each part of a long text
_WINDOWS = 4
_PARAGRAPH_SAMPLE = 200  # a paragraph's first words, when its lead does not tell


@cache
def _vocabulary() -> dict[str, str]:
    """Each Latin-script language's words (its leads' and its function words), to the language.

    A word of two languages' lists ("de", "Invite" …) is in neither.
    """
    words: dict[str, set[str]] = {lang: {w.casefold() for w in ws} for lang, ws in FUNCTION_WORDS.items()}
    for name in LEAD_FILES:
        data = validate_data(LeadsFile, read_data_file(name), name)
        if data.language not in words:
            continue  # the other languages are known by their script
        for lst in (data.operative, data.preambular):
            for phrase in (*lst.phrases, *lst.adverbs):
                words[data.language].update(w.casefold() for w in _WORD.findall(phrase) if len(w) > 3)
    shared = {w for a in words for b in words if a != b for w in words[a] & words[b]}
    return {w: lang for lang, ws in words.items() for w in ws - shared}


def _script_of(ch: str) -> str | None:
    for lang, blocks in SCRIPTS.items():
        if any(lo <= ch <= hi for lo, hi in blocks):
            return lang
    return None


def _sample(text: str) -> str:
    """The whole of a short text; four evenly spaced windows of a long one."""
    if len(text) <= _WINDOW * _WINDOWS:
        return text
    step = (len(text) - _WINDOW) // (_WINDOWS - 1)
    return "\n".join(text[k * step : k * step + _WINDOW] for k in range(_WINDOWS))


def _language(text: str) -> str | None:
    """The language most of ``text`` is in, or ``None`` when nothing in it says."""
    letters = 0
    by_script: Counter[str] = Counter()
    vocabulary = _vocabulary()
    counts: Counter[str] = Counter()
    for word in _WORD.findall(text):
        letters += len(word)
        if word[0].isascii() or (script := _script_of(word[0])) is None:
            lang = vocabulary.get(word.casefold())
            if lang is not None:
                counts[lang] += 1
        else:
            by_script[script] += len(word)
    if not letters:
        return None
    for lang in SCRIPTS:  # a script that holds most of the letters names the language
        if by_script[lang] * 2 > letters:
            return lang
    ranked = counts.most_common(2)
    if not ranked or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


def detect_language(text: str) -> str:
    """The language most of ``text`` is in ("en", "fr", "es", "ru", "zh", "ar"); "en" when unsure."""
    return _language(_sample(text)) or DEFAULT


def document_language(norm: Normalized) -> str:
    """The language of a text's own words: a mail's, its quoted parts aside; all of it otherwise."""
    if norm.depth_changes:
        own = _language(_sample(_unquoted(norm)))
        if own is not None:
            return own
    return detect_language(norm.text)


def _unquoted(norm: Normalized) -> str:
    """The lines of ``norm.text`` outside any quotation, up to a sample's length."""
    pieces: list[str] = []
    size = 0
    bounds = [*norm.depth_changes, (len(norm.text), 0)]
    start, depth = (0, 0) if bounds[0][0] > 0 else bounds[0]
    for pos, next_depth in bounds:
        if pos > start and depth == 0:
            pieces.append(norm.text[start:pos])
            size += pos - start
            if size > _WINDOW * _WINDOWS:
                break
        start, depth = pos, next_depth
    return "".join(pieces)


def with_languages(paragraphs: Iterable[Paragraph], default: str) -> list[Paragraph]:
    """Each paragraph with its own language: a French resolution quoted in an English mail keeps
    "fr" on its paragraphs. Read from its lead (a phrase of one language's vocabulary), else from
    its first words; ``default`` (the document's language) when they do not say."""
    return [
        p.model_copy(
            update={"language": _language(p.lead) or _language(p.text[:_PARAGRAPH_SAMPLE]) or default}
        )
        for p in paragraphs
    ]
