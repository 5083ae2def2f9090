"""An Akoma Ntoso file compared with its own markup.

``akn4itu/res_2.xml`` (ITU PP Resolution 2, Rev. Dubai 2018) was converted to
Akoma Ntoso by a machine, so its markup is a useful but imperfect answer
(../shared/corpus/MANIFEST.md). resolex reads the file as markup text and must
find every recital and paragraph the markup has, under the same clause, with
the same number. Where the markup is wrong the expectation says what the text
says, each correction checked by reading the file:

- the first recital under each clause has no ``<num>``: the text starts "a)";
- "resolves" and "instructs the ITU Council" paragraph 1 are ``para_unnumbered``
  with "1" left inside the text: the text numbers them 1;
- "resolves" paragraph 10 is merged into paragraph 9 ("…prior to the forum;
  10 that broad participation…"): the text has a paragraph 10.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

import resolex
from tests.conftest import corpus_file

AKN = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}


def markup_items(path: str) -> list[tuple[str, str | None]]:
    """(clause, number) for every recital and paragraph, in order, as the markup has them."""
    root = ET.parse(path).getroot()
    items: list[tuple[str, str | None]] = []
    for recitals in root.iterfind(".//a:recitals", AKN):
        clause = "".join(_child(recitals, "a:intro").itertext()).strip()
        for recital in recitals.iterfind("a:recital", AKN):
            num = (recital.findtext("a:num", namespaces=AKN) or "").strip().rstrip(")") or None
            items.append((clause, num))
    for container in root.iterfind(".//a:hcontainer", AKN):
        clause = "".join(_child(container, "a:heading").itertext()).strip()
        for para in container.iterfind("a:paragraph", AKN):
            items.append((clause, (para.findtext("a:num", namespaces=AKN) or "").strip() or None))
    return items


def _child(element: ET.Element, path: str) -> ET.Element:
    found = element.find(path, AKN)
    assert found is not None, path
    return found


def corrected(items: list[tuple[str, str | None]]) -> list[tuple[str, str | None]]:
    """The markup with the converter's three kinds of error put right (see module docstring)."""
    out: list[tuple[str, str | None]] = []
    for k, (clause, marked) in enumerate(items):
        num = marked
        first_of_clause = k == 0 or items[k - 1][0] != clause
        if marked is None and first_of_clause:
            following = items[k + 1][1] if k + 1 < len(items) and items[k + 1][0] == clause else None
            num = "a" if following == "b" else "1" if following == "2" else None
        out.append((clause, num))
        if clause == "resolves" and num == "9":
            out.append((clause, "10"))
    return out


def test_res_2_paragraphs_match_the_corrected_markup() -> None:
    path = corpus_file("akn4itu/res_2.xml")
    doc = resolex.extract(path.read_text(encoding="utf-8"), format="html")
    found = [(p.lead, p.number) for p in doc.paragraphs]
    assert found == corrected(markup_items(str(path)))


@pytest.mark.parametrize(
    ("clause", "number", "kind"),
    [
        ("considering", "a", "preambular"),
        ("emphasizing", "g", "preambular"),
        ("resolves", "10", "operative"),
        ("instructs the ITU Council", "3", "operative"),
    ],
)
def test_res_2_kinds_follow_the_clause(clause: str, number: str, kind: str) -> None:
    path = corpus_file("akn4itu/res_2.xml")
    doc = resolex.extract(path.read_text(encoding="utf-8"), format="html")
    (para,) = [p for p in doc.paragraphs if p.lead == clause and p.number == number]
    assert para.kind == kind
