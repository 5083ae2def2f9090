"""Which official language a document is written in, read from resolex's own vocabularies.

Why no library: the languages are six and known in advance, and resolution text is formal and
repetitive. Russian, Chinese and Arabic are told apart by their scripts; English, French and
Spanish by which language's paragraph leads (``leads*.toml``) and commonest words occur most.
A statistical detector (langdetect, fastText) would add a dependency and a model for a choice
the vocabularies already make, and could not be kept in step with them.
"""

from __future__ import annotations

from collections import Counter
from functools import cache

import regex

from resolex.patterns import LEAD_FILES, LeadsFile, read_data_file, validate_data

DEFAULT = "en"
# The commonest words of running text (articles, prepositions, conjunctions), one set per language;
# a word two languages share ("de" is not Spanish only) counts for neither.
FUNCTION_WORDS = {
    "en": ("the", "of", "and", "to", "in", "its", "that", "with", "for", "on", "this", "which"),
    "fr": ("le", "la", "les", "des", "du", "et", "aux", "dans", "pour", "sur", "sa", "ses", "qui", "une"),
    "es": ("el", "los", "las", "del", "y", "en", "para", "con", "sobre", "su", "sus", "que", "una"),
}
# Scripts that name their language outright (un-conventions.md: the six official languages).
SCRIPTS = {"ru": r"\p{Cyrillic}", "zh": r"\p{Han}", "ar": r"\p{Arabic}"}
_WORD = regex.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


@cache
def _vocabularies() -> dict[str, frozenset[str]]:
    """Each Latin-script language's words: the words of its leads and its function words."""
    words: dict[str, set[str]] = {lang: {w.casefold() for w in ws} for lang, ws in FUNCTION_WORDS.items()}
    for name in LEAD_FILES:
        data = validate_data(LeadsFile, read_data_file(name), name)
        for lst in (data.operative, data.preambular):
            for phrase in (*lst.phrases, *lst.adverbs):
                words.setdefault(data.language, set()).update(
                    w.casefold() for w in _WORD.findall(phrase) if len(w) > 3
                )
    shared = {w for a in words for b in words if a != b for w in words[a] & words[b]}
    return {lang: frozenset(ws - shared) for lang, ws in words.items()}


def detect_language(text: str) -> str:
    """The language most of ``text`` is in ("en", "fr", "es", "ru", "zh", "ar"); "en" when unsure."""
    letters = len(regex.findall(r"\p{L}", text))
    if not letters:
        return DEFAULT
    for lang, script in SCRIPTS.items():
        if len(regex.findall(script, text)) * 2 > letters:
            return lang
    vocab = _vocabularies()
    counts: Counter[str] = Counter()
    for word in _WORD.findall(text):
        w = word.casefold()
        for lang, ws in vocab.items():
            if w in ws:
                counts[lang] += 1
    if not counts:
        return DEFAULT
    ranked = counts.most_common(2)
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        return DEFAULT
    return ranked[0][0]
