"""The annotated page: structure and escaping read from the HTML, then the page in a browser.

The browser tests open the page in headless Chromium (Debian's ``chromium`` package), dump
the DOM it built and take a screenshot; they skip, saying so, where ``chromium`` is not on
PATH. ``docs/page-seed-002.png`` is the screenshot of seed 002's page, made with::

    RESOLEX_SCREENSHOT=docs/page-seed-002.png python -m pytest tests/test_page.py -k screenshot
"""

from __future__ import annotations

import os
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

import resolex
from resolex.page import render_page
from tests.conftest import REPO, SEEDS

SEED_002 = SEEDS / "002_5910fbf75990ef28.txt"
CHROMIUM = shutil.which("chromium")

PWN = "<script>document.body.setAttribute('data-pwned','1')</script>"
HOSTILE = f"""Resolution adopted by the General Assembly on 1 December 2035

90/7. A title with <b>markup</b> & "quotes"

The General Assembly,

Recalling the Tunis Agenda for the Information Society {PWN},

1. Decides that " onmouseover="document.body.setAttribute('data-pwned','2') must show as text;

2. Requests the Secretary-General to act as in paragraph 1 above and paragraph 35 of the Tunis Agenda {PWN};
"""

R1 = """Resolution adopted by the General Assembly on 1 December 2035

90/1. Cooperation on the information society

The General Assembly,

1. Decides to convene a forum on the information society;

2. Requests the Secretary-General:
(a) to prepare the forum;
(b) to report on the forum;

3. Decides to remain seized of the matter, in line with paragraph 1 above and paragraph 9 above.
"""

R2 = """Resolution adopted by the General Assembly on 2 December 2035

90/2. Follow-up to the forum

The General Assembly,

Recalling its resolution 90/1 of 1 December 2035,

1. Welcomes the report requested in paragraph 2 (b) of resolution 90/1;

2. Reaffirms paragraph 35 of the Tunis Agenda.
"""


class Dom(HTMLParser):
    """What the tests read from a page: elements with their attributes, and the text."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.text: list[str] = []
        self.feed(page)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, {name: value or "" for name, value in attrs}))

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    @property
    def ids(self) -> list[str]:
        return [a["id"] for _, a in self.elements if "id" in a]

    @property
    def hrefs(self) -> list[str]:
        return [a["href"] for tag, a in self.elements if tag == "a" and "href" in a]

    def highlights(self, article: str | None = None) -> list[dict[str, str]]:
        """The reference highlights (of one article, by id), in order."""
        out, inside = [], article is None
        for tag, attrs in self.elements:
            if tag == "article":
                inside = article is None or attrs.get("id") == article
            if inside and "ref" in attrs.get("class", "").split() and "data-ref" in attrs:
                out.append(attrs)
        return out

    def text_content(self) -> str:
        return "".join(self.text)


def check_structure(dom: Dom, docs: list[resolex.Document]) -> None:
    """Every reference highlighted once, every in-page link to an existing anchor, ids unique."""
    for n, doc in enumerate(docs):
        highlighted = {h["data-ref"] for h in dom.highlights(f"d{n}")}
        assert highlighted == {str(i) for i in range(len(doc.references))}
    ids = dom.ids
    assert len(ids) == len(set(ids))
    assert dom.hrefs, "the page has in-page links"
    for href in dom.hrefs:
        assert href.startswith("#"), f"{href} leaves the page"
        assert href[1:] in ids, f"{href} points at no anchor"


def check_nothing_ran_and_text_shows(dom: Dom) -> None:
    assert not [tag for tag, _ in dom.elements if tag in ("script", "iframe", "object", "embed", "img")]
    assert not [(tag, n) for tag, a in dom.elements for n in a if n.startswith("on") or n == "data-pwned"]
    text = dom.text_content()
    assert PWN in text
    assert "\" onmouseover=\"document.body.setAttribute('data-pwned','2')" in text
    assert 'A title with <b>markup</b> & "quotes"' in text


# --- the page as written ---------------------------------------------------------------------


def seed_002() -> resolex.Document:
    return next(resolex.read(SEED_002))


def test_seed_002_page_structure() -> None:
    doc = seed_002()
    page = render_page(doc)
    dom = Dom(page)
    check_structure(dom, [doc])
    assert len(dom.highlights()) == len(doc.references) == 2
    sections = [(a["id"], a["class"]) for tag, a in dom.elements if tag == "section"]
    assert sections == [("d0-para_21", "para operative"), ("d0-para_24", "para operative"), ("d0-para_30", "para operative")]
    assert "para. 24" in dom.text_content()
    assert dom.highlights()[0]["title"] == "Tunis Agenda for the Information Society, paragraph 35 (not in the corpus)"
    assert 'Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'"' in page


def test_document_text_is_escaped_everywhere() -> None:
    doc = resolex.extract(HOSTILE, format="text")
    assert doc.title == 'A title with <b>markup</b> & "quotes"'
    page = render_page(doc)
    assert "<script" not in page
    assert "<b>markup" not in page
    assert '" onmouseover=' not in page
    assert "&quot; onmouseover=&quot;" in page
    dom = Dom(page)
    check_nothing_ran_and_text_shows(dom)
    check_structure(dom, [doc])
    assert [h["data-ref"] for h in dom.highlights()] == ["0", "1", "2"]


def test_a_corpus_page_links_references_to_the_paragraphs_cited() -> None:
    r1, r2 = resolex.extract(R1), resolex.extract(R2)
    page = render_page(resolex.Corpus([r1, r2]))
    dom = Dom(page)
    check_structure(dom, [r1, r2])
    highlights = {h["id"]: h for h in dom.highlights()}
    links = {ident: h.get("href") for ident, h in highlights.items()}
    assert links == {
        "d0-ref-0": "#d0-para_1",  # paragraph 1 above: this text, on the page
        "d0-ref-1": None,  # paragraph 9 above: not there, a tooltip only
        "d1-ref-0": "#d0",  # its resolution 90/1: the document, named with no paragraph
        "d1-ref-1": "#d0-para_2__subpara_b",  # paragraph 2 (b) of resolution 90/1
        "d1-ref-2": None,  # paragraph 35 of the Tunis Agenda: not in the corpus
    }
    assert highlights["d0-ref-1"]["title"] == "A/RES/90/1, paragraph 9 (no such paragraph)"
    assert highlights["d1-ref-1"]["title"] == "A/RES/90/1, paragraph 2 (b) (resolved)"
    assert [a["id"] for tag, a in dom.elements if tag == "article"] == ["d0", "d1"]
    assert ("span", {"class": "anchor", "id": "d0-para_2__subpara_b"}) in dom.elements


def test_diagnostics_are_listed_beside_the_text() -> None:
    doc = resolex.extract("Dear all,\n\nAs paragraph 76 says, we agree <now>.\n")
    assert [d.code for d in doc.diagnostics] == ["RX021"]
    dom = Dom(render_page(doc))
    items = [a for tag, a in dom.elements if tag == "li" and a.get("class") == "sev-warning"]
    assert len(items) == 1
    assert "RX021 warning not linked: a paragraph is cited with no text named before it" in " ".join(dom.text_content().split())
    assert "we agree <now>." in dom.text_content()
    check_structure(dom, [doc])


def test_preambular_and_operative_paragraphs_are_marked() -> None:
    dom = Dom(render_page(resolex.extract(R2)))
    kinds = [a["class"] for tag, a in dom.elements if tag == "section"]
    assert kinds == ["para preambular", "para operative", "para operative"]
    assert "pp. 1preambular" in dom.text_content()


# --- the page in a browser ---------------------------------------------------------------------

needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="chromium is not installed (apt-get install chromium): browser test skipped"
)


def chromium(page: Path, profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    flags = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        f"--user-data-dir={profile}",
    ]
    command = [CHROMIUM, *flags, *args, page.resolve().as_uri()]
    result = subprocess.run(command, capture_output=True, text=True, check=False, timeout=120)
    assert result.returncode == 0, result.stderr
    return result


def dumped_dom(html: str, tmp_path: Path) -> Dom:
    page = tmp_path / "page.html"
    page.write_text(html, encoding="utf-8")
    return Dom(chromium(page, tmp_path / "profile", "--dump-dom").stdout)


@needs_chromium
def test_in_the_browser_every_reference_is_highlighted_and_every_link_lands(tmp_path: Path) -> None:
    r1, r2 = resolex.extract(R1), resolex.extract(R2)
    docs = [seed_002(), r1, r2]
    dom = dumped_dom(render_page(resolex.Corpus(docs)), tmp_path)
    check_structure(dom, docs)
    assert len(dom.highlights()) == sum(len(d.references) for d in docs)


@needs_chromium
def test_in_the_browser_no_script_from_the_document_ran(tmp_path: Path) -> None:
    doc = resolex.extract(HOSTILE, format="text")
    dom = dumped_dom(render_page(doc), tmp_path)
    body = next(a for tag, a in dom.elements if tag == "body")
    assert "data-pwned" not in body
    check_nothing_ran_and_text_shows(dom)
    check_structure(dom, [doc])


@needs_chromium
def test_screenshot_of_seed_002(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)  # the page names the seed as `resolex annotate seeds/…` run here would
    page = tmp_path / "page-seed-002.html"
    page.write_text(render_page(next(resolex.read(SEED_002.relative_to(REPO)))), encoding="utf-8")
    png = tmp_path / "page-seed-002.png"
    chromium(page, tmp_path / "profile", f"--screenshot={png}", "--window-size=1200,1600")
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert int.from_bytes(data[16:20], "big") == 1200  # width, from the IHDR chunk
    wanted = os.environ.get("RESOLEX_SCREENSHOT")
    if wanted:
        shutil.copyfile(png, REPO / wanted)


def test_markup_written_as_entities_in_html_stays_text() -> None:
    doc = resolex.extract("<p>1. Decides that &lt;script&gt;alert(1)&lt;/script&gt; is text.</p>", format="html")
    assert "<script>alert(1)</script>" in doc.text
    page = render_page(doc)
    assert "<script" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
