"""Linking (issue 5): every reference of a corpus followed to the paragraph it cites.

Two corpora. The first is written here: a stand-in for the Tunis Agenda (its header and
numbering as the real text has them, its sentences shortened; paragraph 70 left out on
purpose), two copies of a General Assembly resolution (an excerpt first, then the full
text with an annex), a resolution citing it, an omnibus resolution with sections, a
Security Council resolution identified by its title line, two lettered resolutions, an
e-mail, and the three real e-mails of seeds/. The second is ../shared/corpus (the tests
skip, saying so, where it is absent). Every expected link, key and backlink below was
worked out by reading the texts and the rules of README "Linking", not copied from output.
"""

from __future__ import annotations

import contextlib
import io
import json
import shutil
from pathlib import Path

import pytest

import resolex
from resolex import Corpus, Link
from resolex.models import Source
from resolex.pipeline import extract_source
from tests.conftest import CORPUS, REPO, SEEDS

TUNIS = """Document WSIS-05/TUNIS/DOC/6(Rev.1)-E
18 November 2005
Original: English

Tunis Agenda for the Information Society

1. We recognize that it is now time to move from principles to action.

2. We reaffirm the commitments made in Geneva.

35. We reaffirm that the management of the Internet encompasses both technical and public policy issues:
a) Policy authority for Internet-related public policy issues is the sovereign right of States.
b) The private sector has had, and should continue to have, an important role.

67. We agree that an Internet governance mechanism should be transparent.

68. We recognize that all governments should have an equal role.

69. We further recognize the need for enhanced cooperation.

71. We recognize that the process towards enhanced cooperation is to be started.

72. We ask the UN Secretary-General to convene a meeting of the new forum. The mandate of the Forum is to:
a) Discuss public policy issues related to key elements of Internet governance.
b) Facilitate discourse between bodies dealing with different cross-cutting policies.

73. We recognize that the Forum should be multilateral and multi-stakeholder.

74. We encourage the Secretary-General to examine a range of options for the convening of the Forum.

75. We recognize the need for the Forum to be lightweight.

76. We ask the UN Secretary-General to examine the desirability of the continuation of the Forum.
"""

R1_HEAD = """Resolution adopted by the General Assembly on 1 December 2035

90/1. Cooperation on the information society

The General Assembly,

"""

R1_EXCERPT = (
    R1_HEAD
    + """(...)

1. Decides to convene a forum on the information society;

(...)

3. Adopts the declaration contained in the annex to the present resolution;
"""
)

R1 = (
    R1_HEAD
    + """Recalling paragraph 35 of the Tunis Agenda for the Information Society,

Recalling also its resolution 70/125 of 16 December 2015,

1. Decides to convene a forum on the information society, in line with the Tunis Agenda (paragraphs 67\u201372);

2. Requests the Secretary-General:
(a) to prepare the forum;
(b) to report on the forum, including on:
(i) its participation;
(ii) its outcomes;

3. Adopts the declaration contained in the annex to the present resolution;

4. Decides to remain seized of the matter, in line with paragraph 1 above and the third preambular paragraph.

69th plenary meeting
1 December 2035

Annex

Declaration on the information society

1. We recognize the role of all stakeholders.

2. We reaffirm paragraph 72 of the Tunis Agenda.

3. We decide to review progress in 2040.

4. We invite the Secretary-General to report.
"""
)

R2 = """Resolution adopted by the General Assembly on 2 December 2035

90/2. Follow-up to the forum

The General Assembly,

Recalling its resolution 90/1 of 1 December 2035, and the annex to that resolution,

1. Welcomes the report requested in paragraph 2 (b) (ii) of resolution 90/1 and subparagraph (a) of paragraph 2 of the same resolution;

2. Reaffirms paragraph 3 of the annex to resolution 90/1, section I of resolution 90/3 and section II, paragraph 1, of resolution 90/3;

3. Notes that paragraphs 1 and 9 of resolution 90/1 remain to be implemented, and recalls resolution 90/4;

4. Recalls paragraph 35 of the Tunis Agenda and Article 112 of the Charter of the United Nations.
"""

R3 = """Resolution adopted by the General Assembly on 3 December 2035

90/3. Questions relating to the programme budget

The General Assembly,

I
Information and communications technology

1. Decides to approve the resources proposed;

2. Requests a report at its next session;

II
Conference services

1. Decides to maintain the calendar of conferences;

2. Requests the Secretary-General to report, in line with section I, paragraph 1, above.
"""

S1 = """Resolution 2242 (2015)

Adopted by the Security Council at its 7533rd meeting, on 13 October 2015

The Security Council,

Recalling its resolution 1325 (2000),

1. Decides to act;

2. Requests a report on paragraph 1 above.
"""

LETTERED = """Resolution adopted by the General Assembly on 27 December 2013

68/247 {letter}. Questions relating to the proposed programme budget

The General Assembly,

1. {verb} the proposals.
"""

M1 = """Dear colleagues,

The Forum was set up by paragraph 72 of the Tunis Agenda. As paragraph 76 says, its continuation is to be examined, and the said paragraph asks for a recommendation.

Resolution 90/1 builds on the Tunis Agenda, notably paragraphs 72 to 75. UNSCR 2242 is cited as well, though paragraph 3 of Security Council resolution 2242 (2015) is not what we need. Resolution 68/247 is older.

Best regards,
Ana
"""

TEXTS = {
    "r1-excerpt.txt": R1_EXCERPT,
    "tunis.txt": TUNIS,
    "r1.txt": R1,
    "r2.txt": R2,
    "r3.txt": R3,
    "s1.txt": S1,
    "la.txt": LETTERED.format(letter="A", verb="Approves"),
    "lb.txt": LETTERED.format(letter="B", verb="Takes note of"),
    "m1.txt": M1,
}
SEED_000 = "seeds/000_527a172e4ca253a5.txt"
SEED_002 = "seeds/002_5910fbf75990ef28.txt"
SEED_003 = "seeds/003_5a5484ae756fd1ee.txt"

# key, source, instrument: in corpus order
ENTRIES = [
    ("A/RES/90/1", "r1-excerpt.txt", "A/RES/90/1"),
    ("tunis-agenda", "tunis.txt", "tunis-agenda"),  # its "Document WSIS-05/TUNIS/DOC/6(Rev.1)-E" line
    ("A/RES/90/1@2", "r1.txt", "A/RES/90/1"),  # the second copy of 90/1, the preferred one
    ("A/RES/90/2", "r2.txt", "A/RES/90/2"),
    ("A/RES/90/3", "r3.txt", "A/RES/90/3"),
    ("S/RES/2242 (2015)", "s1.txt", "S/RES/2242 (2015)"),  # its title line "Resolution 2242 (2015)"
    ("A/RES/68/247 A", "la.txt", "A/RES/68/247 A"),
    ("A/RES/68/247 B", "lb.txt", "A/RES/68/247 B"),
    ("m1.txt", "m1.txt", "m1.txt"),
    (SEED_000, SEED_000, SEED_000),
    (SEED_002, SEED_002, SEED_002),
    (SEED_003, SEED_003, SEED_003),
]

FULL = "A/RES/90/1@2"
Row = tuple[str, str, str, str | None, tuple[str, ...], tuple[str, ...]]
# source key, reference text, status, target key, ids found, ids missing
LINKS: list[Row] = [
    ("A/RES/90/1", "the annex to the present resolution", "no-such-paragraph", "A/RES/90/1", (), ("annex",)),
    ("tunis-agenda", "Document WSIS-05/TUNIS/DOC/6(Rev.1)-E", "document-only", "tunis-agenda", (), ()),
    ("tunis-agenda", "Tunis Agenda for the Information Society", "document-only", "tunis-agenda", (), ()),
    (
        FULL,
        "paragraph 35 of the Tunis Agenda for the Information Society",
        "resolved",
        "tunis-agenda",
        ("para_35",),
        (),
    ),
    (FULL, "its resolution 70/125 of 16 December 2015", "not-in-corpus", None, (), ()),
    (
        FULL,
        "the Tunis Agenda (paragraphs 67-72)",
        "no-such-paragraph",
        "tunis-agenda",
        ("para_67", "para_68", "para_69", "para_71", "para_72"),
        ("para_70",),
    ),
    (FULL, "the annex to the present resolution", "resolved", FULL, ("annex",), ()),
    (FULL, "paragraph 1 above", "resolved", FULL, ("para_1",), ()),
    (FULL, "the third preambular paragraph", "no-such-paragraph", FULL, (), ("preamble__p_3",)),
    (FULL, "paragraph 72 of the Tunis Agenda", "resolved", "tunis-agenda", ("para_72",), ()),
    ("A/RES/90/2", "its resolution 90/1 of 1 December 2035", "document-only", FULL, (), ()),
    ("A/RES/90/2", "the annex to that resolution", "resolved", FULL, ("annex",), ()),
    (
        "A/RES/90/2",
        "paragraph 2 (b) (ii) of resolution 90/1",
        "resolved",
        FULL,
        ("para_2__subpara_b__subpara_ii",),
        (),
    ),
    (
        "A/RES/90/2",
        "subparagraph (a) of paragraph 2 of the same resolution",
        "resolved",
        FULL,
        ("para_2__subpara_a",),
        (),
    ),
    ("A/RES/90/2", "paragraph 3 of the annex to resolution 90/1", "resolved", FULL, ("annex__para_3",), ()),
    ("A/RES/90/2", "section I of resolution 90/3", "resolved", "A/RES/90/3", ("sec_I",), ()),
    (
        "A/RES/90/2",
        "section II, paragraph 1, of resolution 90/3",
        "resolved",
        "A/RES/90/3",
        ("sec_II__para_1",),
        (),
    ),
    (
        "A/RES/90/2",
        "paragraphs 1 and 9 of resolution 90/1",
        "no-such-paragraph",
        FULL,
        ("para_1",),
        ("para_9",),
    ),
    ("A/RES/90/2", "resolution 90/4", "not-in-corpus", None, (), ()),
    ("A/RES/90/2", "paragraph 35 of the Tunis Agenda", "resolved", "tunis-agenda", ("para_35",), ()),
    # the catalogue counts 111 articles in the Charter, which is not in the corpus
    (
        "A/RES/90/2",
        "Article 112 of the Charter of the United Nations",
        "no-such-paragraph",
        None,
        (),
        ("art_112",),
    ),
    ("A/RES/90/3", "section I, paragraph 1, above", "resolved", "A/RES/90/3", ("sec_I__para_1",), ()),
    ("S/RES/2242 (2015)", "its resolution 1325 (2000)", "not-in-corpus", None, (), ()),
    ("S/RES/2242 (2015)", "paragraph 1 above", "resolved", "S/RES/2242 (2015)", ("para_1",), ()),
    ("m1.txt", "paragraph 72 of the Tunis Agenda", "resolved", "tunis-agenda", ("para_72",), ()),
    # prose, not a resolution: a bare paragraph is of the text cited before it
    ("m1.txt", "paragraph 76", "resolved", "tunis-agenda", ("para_76",), ()),
    ("m1.txt", "the said paragraph", "resolved", "tunis-agenda", ("para_76",), ()),
    ("m1.txt", "Resolution 90/1", "document-only", FULL, (), ()),
    (
        "m1.txt",
        "the Tunis Agenda, notably paragraphs 72 to 75",
        "resolved",
        "tunis-agenda",
        ("para_72", "para_73", "para_74", "para_75"),
        (),
    ),
    ("m1.txt", "UNSCR 2242", "document-only", "S/RES/2242 (2015)", (), ()),  # no year: the one 2242 there is
    (
        "m1.txt",
        "paragraph 3 of Security Council resolution 2242 (2015)",
        "no-such-paragraph",
        "S/RES/2242 (2015)",
        (),
        ("para_3",),
    ),
    ("m1.txt", "Resolution 68/247", "ambiguous", None, (), ()),
    # the real e-mails
    (SEED_000, "the Tunis agenda", "document-only", "tunis-agenda", (), ()),
    (SEED_000, "para 76 of the Tunis Agenda", "resolved", "tunis-agenda", ("para_76",), ()),
    (SEED_002, "paragraph 35 of the Tunis Agenda", "resolved", "tunis-agenda", ("para_35",), ()),
    (SEED_002, "the Tunis Agenda for the Information Society", "document-only", "tunis-agenda", (), ()),
]

# instrument, paragraph (number or id): (source key, reference text) of every citing link, in order
BACKLINKS = [
    (
        "tunis-agenda",
        "35",
        [
            (FULL, "paragraph 35 of the Tunis Agenda for the Information Society"),
            ("A/RES/90/2", "paragraph 35 of the Tunis Agenda"),
            (SEED_002, "paragraph 35 of the Tunis Agenda"),
        ],
    ),
    (
        "tunis-agenda",
        "72",
        [
            (FULL, "the Tunis Agenda (paragraphs 67-72)"),
            (FULL, "paragraph 72 of the Tunis Agenda"),
            ("m1.txt", "paragraph 72 of the Tunis Agenda"),
            ("m1.txt", "the Tunis Agenda, notably paragraphs 72 to 75"),
        ],
    ),
    (
        "tunis-agenda",
        "76",
        [
            ("m1.txt", "paragraph 76"),
            ("m1.txt", "the said paragraph"),
            (SEED_000, "para 76 of the Tunis Agenda"),
        ],
    ),
    ("tunis-agenda", "70", [(FULL, "the Tunis Agenda (paragraphs 67-72)")]),  # cited, not in the copy
    (
        "A/RES/90/1",
        "2",
        [
            ("A/RES/90/2", "paragraph 2 (b) (ii) of resolution 90/1"),
            ("A/RES/90/2", "subparagraph (a) of paragraph 2 of the same resolution"),
        ],
    ),
    (
        "A/RES/90/1",
        "para_2__subpara_a",
        [("A/RES/90/2", "subparagraph (a) of paragraph 2 of the same resolution")],
    ),
    (
        "A/RES/90/1",
        "annex",
        [
            ("A/RES/90/1", "the annex to the present resolution"),
            (FULL, "the annex to the present resolution"),
            ("A/RES/90/2", "the annex to that resolution"),
            ("A/RES/90/2", "paragraph 3 of the annex to resolution 90/1"),
        ],
    ),
    (
        "A/RES/90/1",
        "1",
        [(FULL, "paragraph 1 above"), ("A/RES/90/2", "paragraphs 1 and 9 of resolution 90/1")],
    ),
    ("A/RES/90/1", "annex__para_1", []),
    ("A/RES/90/3", "sec_II", [("A/RES/90/2", "section II, paragraph 1, of resolution 90/3")]),
    ("S/RES/2242 (2015)", "1", [("S/RES/2242 (2015)", "paragraph 1 above")]),
    ("un-charter", "112", [("A/RES/90/2", "Article 112 of the Charter of the United Nations")]),
]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    folder = tmp_path_factory.mktemp("corpus")
    for name, text in TEXTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "seeds").mkdir()
    for seed in (SEED_000, SEED_002, SEED_003):
        shutil.copy(SEEDS / Path(seed).name, folder / seed)
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(folder)
        return Corpus.from_paths([*TEXTS, SEED_000, SEED_002, SEED_003])


def find(corpus: Corpus, source: str, text: str) -> Link:
    found = [lk for lk in corpus.links if lk.source_document == source and lk.reference.text == text]
    assert len(found) == 1, f"{source}: {len(found)} links for {text!r}"
    return found[0]


def test_keys_identities_and_sources(corpus: Corpus) -> None:
    assert [(e.key, e.source, e.instrument) for e in corpus.entries] == ENTRIES


def test_every_reference_has_one_link(corpus: Corpus) -> None:
    assert [(lk.source_document, lk.reference) for lk in corpus.links] == [
        (e.key, r) for e in corpus.entries for r in e.document.references
    ]


def check(corpus: Corpus, row: Row) -> None:
    source, text, *expected = row
    link = find(corpus, source, text)
    assert [link.status, link.target_document, link.target_paragraphs, link.missing] == expected


@pytest.mark.parametrize("row", LINKS, ids=[f"{s}:{t}" for s, t, *_ in LINKS])
def test_link(corpus: Corpus, row: Row) -> None:
    check(corpus, row)


def test_the_hand_checked_set_is_every_link_but_the_seed_without_references(corpus: Corpus) -> None:
    assert len(corpus.links) == len(LINKS)


def test_an_ambiguous_number_lists_what_it_may_mean(corpus: Corpus) -> None:
    link = find(corpus, "m1.txt", "Resolution 68/247")
    assert (link.target, link.candidates) == ("A/RES/68/247", ("A/RES/68/247 A", "A/RES/68/247 B"))


@pytest.mark.parametrize(
    ("instrument", "paragraph", "citing"), BACKLINKS, ids=[f"{i}:{p}" for i, p, _ in BACKLINKS]
)
def test_citations_of(corpus: Corpus, instrument: str, paragraph: str, citing: list[tuple[str, str]]) -> None:
    links = corpus.citations_of(instrument, paragraph)
    assert [(lk.source_document, lk.reference.text) for lk in links] == citing


def test_entries_and_paragraphs_by_instrument(corpus: Corpus) -> None:
    assert [corpus.entry(x).key for x in ("A/RES/90/1", "a/res/90/1", FULL, "S/RES/2242(2015)")] == [  # type: ignore[union-attr]
        FULL,
        FULL,
        FULL,
        "S/RES/2242 (2015)",
    ]
    assert corpus.entry("A/RES/68/247") is None, "two instruments have that number"
    assert corpus.entry("rome-statute") is None
    para = corpus.paragraph("tunis-agenda", "35")
    assert para is not None
    assert (para.id, para.lead) == ("para_35", "We reaffirm")
    annexed = corpus.paragraph("A/RES/90/1", "annex__para_3")
    assert annexed is not None
    assert annexed.text.startswith("3. We decide")
    first = corpus.paragraph("A/RES/90/1", "1")
    assert first is not None
    assert first.id == "para_1", "the resolution's own paragraph 1, not the annex's"
    assert corpus.paragraph("A/RES/90/1", "9") is None
    assert corpus.paragraph("tunis-agenda", "70") is None


def test_the_corpus_json_loads_back_equal(corpus: Corpus) -> None:
    corpus.citations_of("tunis-agenda", "35")  # indexes built: they are no part of the value
    again = Corpus.model_validate_json(corpus.model_dump_json())
    assert again == corpus
    assert again.citations_of("tunis-agenda", "72") == corpus.citations_of("tunis-agenda", "72")


def test_a_reference_to_a_text_in_two_copies_resolves_to_the_full_one() -> None:
    """A mail that quotes resolution 90/1 (its lines after '>') is a copy of it too, ranked below
    the text itself even with more paragraphs; its own references resolve to itself."""
    quoted = "\n".join("> " + line if line else ">" for line in R1.splitlines())
    mail = resolex.extract("Colleagues, the adopted text follows.\n\n" + quoted)
    short = resolex.extract(R1_EXCERPT)
    assert (mail.symbol, short.symbol) == ("A/RES/90/1", "A/RES/90/1")
    assert len(mail.paragraphs) > len(short.paragraphs) > 0
    assert all(p.quote_depth == 1 for p in mail.paragraphs)
    citing = resolex.extract(R2)
    corpus = Corpus([mail, short, citing])
    assert [e.key for e in corpus.entries] == ["A/RES/90/1", "A/RES/90/1@2", "A/RES/90/2"]
    assert (
        find(corpus, "A/RES/90/2", "its resolution 90/1 of 1 December 2035").target_document == "A/RES/90/1@2"
    )
    own = find(corpus, "A/RES/90/1", "paragraph 1 above")
    assert (own.target_document, own.target_paragraphs) == ("A/RES/90/1", ("para_1",))


# --- the shared corpus ---------------------------------------------------------------------------

SHARED_FOLDERS = ("akn4itu/res_2.xml", "akn4itu/dec_5.xml", "railcar-ga80", "railcar-ga80-raw", "udhr-xml")
SC = "unbench-sc-drafts"
ITU_DEC = "decision 5 (REV. DUBAI, 2018)"
ITU_RES = "resolution 2 (REV. DUBAI, 2018)"

# source key, reference text, status, target key, ids found, ids missing: read in the texts
SHARED_LINKS: list[Row] = [
    (
        f"{SC}/S_2023_427-EN.json",
        "Article 19 of the Universal Declaration of Human Rights",
        "resolved",
        "udhr",
        ("para_19",),
        (),
    ),
    (f"{SC}/S_2019_90-EN.json", "paragraph 9 above", "resolved", f"{SC}/S_2019_90-EN.json", ("para_9",), ()),
    (
        f"{SC}/S_2017_77-EN.json",
        "paragraph 28 (b) of this resolution",
        "resolved",
        f"{SC}/S_2017_77-EN.json",
        ("para_28__subpara_b",),
        (),
    ),
    (f"{SC}/S_2016_1100-EN.json", "resolutions 242 (1967)", "not-in-corpus", None, (), ()),
    ("A/RES/80/1", "paragraph 1 (a) above", "resolved", "A/RES/80/1", ("para_1__subpara_a",), ()),
    ("A/RES/80/3", "the annex to the present resolution", "resolved", "A/RES/80/3", ("annex",), ()),
    ("A/RES/80/10", "Resolution 217 A (III)", "document-only", "udhr", (), ()),
    ("A/RES/80/10", "paragraphs 1 to 10 of the annex thereto", "not-in-corpus", None, (), ()),
    (ITU_DEC, "decides 1 above", "resolved", ITU_DEC, ("decides__para_1",), ()),
    (
        ITU_DEC,
        "instructs the ITU Council 7 above",
        "resolved",
        ITU_DEC,
        ("instructs_the_itu_council__para_7",),
        (),
    ),
    # the annexes of Decision 5 are tables and a list, no paragraphs (eval/gold/akn/dec_5.toml)
    (ITU_DEC, "Annex 1 to this decision", "no-such-paragraph", ITU_DEC, (), ("annex_1",)),
    (ITU_RES, "resolves 8 above", "resolved", ITU_RES, ("resolves__para_8",), ()),
]


@pytest.fixture(scope="module")
def shared() -> Corpus:
    if not CORPUS.is_dir():
        pytest.skip(f"shared corpus not available: {CORPUS} is absent")
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(CORPUS)
        docs = list(resolex.read(list(SHARED_FOLDERS)))
        for path in sorted(Path(SC).glob("*.json")):  # the text is the JSON's "Content" (eval/gold/sc)
            content = json.loads(path.read_text(encoding="utf-8"))["Content"]
            docs.append(extract_source(Source(raw=content, media_type="text/plain", path=path.as_posix())))
    return Corpus(docs)


def test_shared_corpus_keys(shared: Corpus) -> None:
    keys = {e.key: e.source for e in shared.entries}
    assert keys[ITU_RES] == "akn4itu/res_2.xml"  # its title line "RESOLUTION 2 (REV. DUBAI, 2018)"
    assert keys[ITU_DEC] == "akn4itu/dec_5.xml"
    assert keys["A/RES/80/3"] == "railcar-ga80/A_RES_80_3.md"
    assert keys["A/RES/80/3@2"] == "railcar-ga80-raw/A_RES_80_3.v1.0.0.md"  # the same resolution again
    assert [keys[k] for k in ("udhr", "udhr@2", "udhr@3")] == [
        f"udhr-xml/udhr_{x}.xml" for x in ("eng", "fra", "spa")
    ]
    # the raw copy of 80/3 has the paragraphs the clean one lost: it is the one references reach
    assert shared.entry("A/RES/80/3").key == "A/RES/80/3@2"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "row", SHARED_LINKS, ids=[f"{s.rsplit('/', 1)[-1]}:{t}" for s, t, *_ in SHARED_LINKS]
)
def test_shared_link(shared: Corpus, row: Row) -> None:
    check(shared, row)


def test_shared_backlinks(shared: Corpus) -> None:
    """Article 19 of the UDHR is cited once in the corpus (S/2023/427); paragraph 9 of S/2019/90 once, by itself."""
    assert [(lk.source_document, lk.reference.text) for lk in shared.citations_of("udhr", "19")] == [
        (f"{SC}/S_2023_427-EN.json", "Article 19 of the Universal Declaration of Human Rights")
    ]
    key = f"{SC}/S_2019_90-EN.json"
    assert [(lk.source_document, lk.reference.text) for lk in shared.citations_of(key, "9")] == [
        (key, "paragraph 9 above")
    ]


def test_shared_corpus_json_loads_back_equal(shared: Corpus) -> None:
    assert Corpus.model_validate_json(shared.model_dump_json()) == shared


def test_readme_example_prints_what_the_readme_shows(monkeypatch: pytest.MonkeyPatch) -> None:
    """The README's "Linking" example runs and prints its output block."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Linking") :]
    code = section[section.index("```python\n") + 10 : section.index("```\n\n```text")]
    shown = section[section.index("```text\n") + 8 :]
    monkeypatch.chdir(REPO)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code, "README.md", "exec"), {})
    assert out.getvalue() == shown[: shown.index("```")]
