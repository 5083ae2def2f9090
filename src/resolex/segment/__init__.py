"""Segment: lines of normalised text to paragraphs, sub-paragraphs, headings and elisions.

The work is three small passes over the lines:

1. classify each line on its own (blank, numbered start, preambular start,
   elision, enacting formula, page furniture, other text);
2. decide which numbered starts really open paragraphs (a number needs a lead
   from the vocabularies, a first-person "We …" opener, or a run of numbered
   neighbours that have one);
3. walk the lines, opening, continuing and closing paragraphs, and placing
   headings; then find sub-paragraphs inside each paragraph.
"""

from __future__ import annotations

from resolex.normalize import Normalized
from resolex.patterns import LeadMatcher, lead_matcher
from resolex.segment.items import find_subparagraphs
from resolex.segment.lines import _enacting_pattern, classify, split_lines
from resolex.segment.passes import (
    _accept_unled,
    _front_matter,
    _merge_lone_numbers,
    _repeated_furniture,
    _split_run_on,
)
from resolex.segment.walker import Segmented, _Walker

__all__ = ["Segmented", "find_subparagraphs", "segment"]


def segment(norm: Normalized, leads: LeadMatcher | None = None) -> Segmented:
    """Find paragraphs, headings and elisions in normalised text."""
    leads = leads or lead_matcher()
    text = norm.text
    enacting = _enacting_pattern()
    lines = split_lines(text, norm)
    for line in lines:
        classify(line, leads, enacting)
    _front_matter(lines)
    _merge_lone_numbers(lines, leads)
    lines = _split_run_on(lines, leads)
    _accept_unled(lines)
    _repeated_furniture(lines)
    return _Walker(text, lines, norm.list_labels).walk()
