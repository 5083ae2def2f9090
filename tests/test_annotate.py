"""Annotate: the source back, each reference wrapped, nothing else changed.

Three promises, checked on crafted markup and on every seed and corpus file:
stripping the added elements gives the input back byte for byte; every added element
holds text only (so nesting is valid however a mention crosses inline tags, and no link
is put inside a link); the pieces of one mention read, joined, as the mention's text.
"""

from __future__ import annotations

import html
import json
from html.parser import HTMLParser
from pathlib import Path

import pytest
import regex

import resolex
from tests.conftest import SEEDS, corpus_file
from tests.test_load import CORPUS_FILES, assert_round_trip, fold, visible

ADDED = regex.compile(r'<(a|span) class="resolex-ref"[^>]*>(.*?)</\1>', regex.DOTALL)
PRE_OPEN = '<pre class="resolex-source">'


def stripped(annotated: str, doc: resolex.Document) -> str:
    """The annotation without the added elements: the raw source again."""
    assert doc.source is not None
    body = ADDED.sub(r"\2", annotated)
    if doc.source.media_type == "text/html":
        return body
    assert body.startswith(PRE_OPEN)
    assert body.endswith("</pre>")
    return html.unescape(body[len(PRE_OPEN) : -len("</pre>")])


class Wrappers(HTMLParser):
    """Collects the added elements and checks that each holds text only, never inside a link."""

    VOID = frozenset({"br", "img", "meta", "link", "hr", "input", "col", "area", "base", "wbr", "o:p"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.stack: list[str] = []
        self.open: dict[str, str] | None = None
        self.pieces: dict[int, list[str]] = {}
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if self.open is not None:
            self.problems.append(f"<{tag}> inside an added element")
        if values.get("class") == "resolex-ref":
            if tag == "a" and "a" in self.stack:
                self.problems.append("a link inside a link")
            self.open = values
            self.pieces.setdefault(int(values["data-ref"]), []).append("")
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if self.open is not None and tag not in ("a", "span"):
            self.problems.append(f"</{tag}> inside an added element")
        self.open = None
        if tag in self.stack:
            while self.stack.pop() != tag:
                pass

    def _text(self, text: str) -> None:
        if self.open is not None:
            self.pieces[int(self.open["data-ref"])][-1] += text

    def handle_data(self, data: str) -> None:
        self._text(data)

    def handle_entityref(self, name: str) -> None:
        self._text(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self._text(f"&#{name};")

    def handle_comment(self, data: str) -> None:
        if self.open is not None:
            self.problems.append("a comment inside an added element")


def check(doc: resolex.Document) -> str:
    """Annotate ``doc`` and check the three promises; returns the annotation."""
    assert doc.source is not None
    out = resolex.annotate(doc)
    assert stripped(out, doc) == doc.source.raw
    wrappers = Wrappers()
    wrappers.feed(out)
    wrappers.close()
    assert wrappers.problems == []
    assert sorted(wrappers.pieces) == list(range(len(doc.references)))
    for index, ref in enumerate(doc.references):
        joined = "".join(wrappers.pieces[index])
        if doc.source.media_type == "text/plain":
            joined = html.unescape(joined)
        # the pieces cover the mention's characters (line breaks between them are tags, hence no spaces)
        assert "".join(visible(joined, doc.source.media_type).split()) == "".join(fold(ref.text).split())
    return out


CRAFTED = (
    "<html><head><style>p.MsoNormal {margin: 0}</style></head><body>"
    "<div><p class=MsoNormal><span lang=EN-US>24.&nbsp;<i>Invites</i> the Secretary-General, as stated in "
    'para&shy;graph&nbsp;35 of the <b>Tunis <span style="color:red">Age<i>nda</i></span></b>, in '
    'paragraphs 67&ndash;72 of <a href="https://www.itu.int/wsis/">the Tunis Agenda</a> and in '
    "A/RES/60/<b>252</b>;</span></p></div>\n"
    "<blockquote><div>&gt; 25. <i>Requests</i> the Secretary-General to report under General "
    "Assembly resolution\u00a060/252 &amp; 5 &lt; 6, <!-- not 61/16 -->caf\u00e9 &#8212; Gen&egrave;ve\u00ad;</div>"
    "<blockquote><p>On 11/23/06, X wrote:</p><p>&gt;&gt; see para 76 of the Tunis Agenda</p></blockquote>"
    "</blockquote></body></html>"
)


def test_crafted_markup_nested_tags_entities_links_and_quotes() -> None:
    doc = resolex.extract(CRAFTED)
    assert [(r.text, r.quote_depth) for r in doc.references] == [
        ("paragraph 35 of the Tunis Agenda", 0),
        ("paragraphs 67-72 of the Tunis Agenda", 0),
        ("A/RES/60/252", 0),
        ("General Assembly resolution 60/252", 1),
        ("para 76 of the Tunis Agenda", 2),
    ]
    assert_round_trip(doc)  # source_span on the same markup
    out = check(doc)
    assert (
        '<a class="resolex-ref" data-ref="0" data-target="tunis-agenda" data-kind="instrument" '
        'data-symbol="WSIS-05/TUNIS/DOC/6(Rev.1)-E" data-pinpoints="35" title="tunis-agenda: 35">'
        "para&shy;graph&nbsp;35 of the </a><b>"
    ) in out
    # split per text run; inside the source's own link the wrapper is a <span>
    assert '<i><a class="resolex-ref" data-ref="0"' in out
    assert '<a href="https://www.itu.int/wsis/"><span class="resolex-ref" data-ref="1"' in out
    assert 'data-pinpoints="67;68;69;70;71;72"' in out
    assert 'data-ref="2" data-target="ga-60-252" data-kind="resolution" data-symbol="A/RES/60/252"' in out
    assert "<!-- not 61/16 -->" in out


def test_text_source_is_escaped_into_pre() -> None:
    raw = (
        "Dear all, <b>not markup</b> & more:\r\n\r\n"
        "On 11/23/06, X <x@example.org> wrote:\r\n"
        "> 24. Invites the Secretary-General, as stated in\r\n"
        "> paragraph 35 of the Tunis Agenda;\r\n"
        ">> see A/RES/60/252 & 5 < 6\r\n"
    )
    doc = resolex.extract(raw, format="text")
    assert [(r.text, r.quote_depth) for r in doc.references] == [
        ("paragraph 35 of the Tunis Agenda", 1),
        ("A/RES/60/252", 2),
    ]
    out = check(doc)
    assert out.startswith(
        '<pre class="resolex-source">Dear all, &lt;b&gt;not markup&lt;/b&gt; &amp; more:\r\n'
    )
    assert "X &lt;x@example.org&gt; wrote:" in out
    assert 'title="ga-60-252">A/RES/60/252</a> &amp; 5 &lt; 6\r\n</pre>' in out


def test_mention_over_a_quoted_line_break_in_text() -> None:
    raw = "X wrote:\n> as stated in paragraph 35 of the\n> Tunis Agenda;\n"
    doc = resolex.extract(raw, format="text")
    (ref,) = doc.references
    assert ref.text == "paragraph 35 of the\nTunis Agenda"
    out = check(doc)
    assert 'data-pinpoints="35" title="tunis-agenda: 35">paragraph 35 of the\n&gt; Tunis Agenda</a>;' in out


def test_document_without_references_comes_back_unchanged() -> None:
    doc = resolex.extract("<p>Nothing to see &amp; no citation.</p>")
    assert resolex.annotate(doc) == "<p>Nothing to see &amp; no citation.</p>"


def test_annotate_needs_a_source() -> None:
    doc = resolex.Document(text="see the Tunis Agenda")
    with pytest.raises(ValueError, match="source"):
        resolex.annotate(doc)


def test_annotate_what_read_gives(tmp_path: Path) -> None:
    path = tmp_path / "reply.eml"
    path.write_bytes(
        b"From: a@b\nSubject: s\nContent-Type: text/html; charset=utf-8\n"
        b"Content-Transfer-Encoding: quoted-printable\n\n"
        b"<p>As in paragraph=C2=A035 of the <b>Tunis</b> Agenda.</p>\n"
    )
    (doc,) = resolex.read(path)
    out = check(doc)
    assert out == (
        '<p>As in <a class="resolex-ref" data-ref="0" data-target="tunis-agenda" data-kind="instrument" '
        'data-symbol="WSIS-05/TUNIS/DOC/6(Rev.1)-E" data-pinpoints="35" title="tunis-agenda: 35">'
        "paragraph\u00a035 of the </a><b>"
        '<a class="resolex-ref" data-ref="0" data-target="tunis-agenda" data-kind="instrument" '
        'data-symbol="WSIS-05/TUNIS/DOC/6(Rev.1)-E" data-pinpoints="35" title="tunis-agenda: 35">Tunis</a>'
        '</b><a class="resolex-ref" data-ref="0" data-target="tunis-agenda" data-kind="instrument" '
        'data-symbol="WSIS-05/TUNIS/DOC/6(Rev.1)-E" data-pinpoints="35" title="tunis-agenda: 35"> Agenda</a>'
        ".</p>\n"
    )


SEED_FILES = sorted(SEEDS.glob("*.txt"))


@pytest.mark.parametrize("path", SEED_FILES, ids=[p.name for p in SEED_FILES])
def test_annotate_round_trip_on_seeds(path: Path) -> None:
    (doc,) = resolex.read(path)
    check(doc)


@pytest.mark.parametrize("relative", CORPUS_FILES or ["(absent)"], ids=CORPUS_FILES or ["corpus-absent"])
def test_annotate_round_trip_on_corpus(relative: str) -> None:
    path = corpus_file(relative)
    if path.suffix == ".json":
        (doc,) = [resolex.extract(json.loads(path.read_text(encoding="utf-8"))["Content"], format="text")]
    else:
        (doc,) = resolex.read(path)
    check(doc)
