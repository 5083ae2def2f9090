"""resolex.dask: the same JSONL and citation graph as the serial run, on a cluster of two processes.

The archive is generated here with the standard library (seeded): General Assembly
resolutions posted whole to a list, some several times, some cut short and some quoted in a
reply (copies of one text in different partitions, so keys and preferred copies cross
partitions), 90/70 A and B (a reference to "resolution 90/70" is ambiguous), Security Council
resolutions (cited with and without their year), replies citing all of these (paragraphs that
exist and that do not, a symbol in lower case), the Tunis Agenda and a resolution not in the
corpus, HTML alternatives, text attachments (two documents of one message), messages with no
text, body lines starting "From", and the edge cases of reading: an archive that does not
start with a From line, one cut short, a message over ``max_bytes``, a folder of .eml and
.txt files with a hidden one. The large archive is cut into many slices.
"""

from __future__ import annotations

import contextlib
import io
import mailbox
import random
import shutil
import subprocess
import sys
from collections.abc import Iterator
from email.message import EmailMessage
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

import resolex
from resolex.dask import jsonl_line, write_jsonl
from resolex.graph import GraphLevel
from tests.conftest import REPO

if TYPE_CHECKING:
    from distributed import Client

MESSAGES = 3000  # in the large archive
MAX_BYTES = 60_000  # per message, so that one message of the archive is cut
PARTITION_BYTES = 60_000  # the large archive (about 2 MB) in about 30 slices

ORGAN = "Resolution adopted by the General Assembly on {day} December 2035"
VERBS = ("Decides", "Requests", "Invites", "Encourages", "Calls upon", "Welcomes", "Notes")


def resolution(number: int, paragraphs: int, rng: random.Random) -> str:
    """GA resolution 90/``number`` with ``paragraphs`` operative paragraphs citing earlier ones."""
    lines = [ORGAN.format(day=1 + number % 28), "", f"90/{number}. Cooperation, part {number}", ""]
    lines += ["The General Assembly,", ""]
    if number > 1:
        lines += [f"Recalling its resolution 90/{rng.randint(1, number - 1)} of 1 December 2035,", ""]
    lines += ["Recalling also the Tunis Agenda for the Information Society,", ""]
    for n in range(1, paragraphs + 1):
        verb = rng.choice(VERBS)
        if number > 1 and rng.random() < 0.4:
            cited = rng.randint(1, number - 1)
            tail = f"in line with paragraph {rng.randint(1, 12)} of resolution 90/{cited}"
        elif rng.random() < 0.2:
            tail = f"as set out in paragraph {rng.randint(30, 40)} of the Tunis Agenda"
        else:
            tail = f"recalling paragraph {rng.randint(1, paragraphs)} above"
        if rng.random() < 0.2:
            lines += [
                f"{n}. {verb} the Secretary-General:",
                "(a) to prepare a report;",
                f"(b) to act {tail};",
                "",
            ]
        else:
            lines += [f"{n}. {verb} the Secretary-General to act, {tail};", ""]
    return "\n".join(lines)


SECURITY_COUNCIL = {1325: 2000, 1820: 2008, 2242: 2015}


def security_council(number: int, rng: random.Random) -> str:
    """Security Council resolution ``number`` (its title is its citation: "Resolution 2242 (2015)")."""
    year = SECURITY_COUNCIL[number]
    lines = [f"Resolution {number} ({year})", "", f"Adopted by the Security Council on 13 October {year}", ""]
    lines += ["The Security Council,", "", "Recalling its resolutions 1325 (2000) and 1820 (2008),", ""]
    for n in range(1, rng.randint(3, 6)):
        lines += [
            f"{n}. Requests the Secretary-General to report, as in paragraph {n} of resolution 1325;",
            "",
        ]
    return "\n".join(lines)


def posted(rng: random.Random, known: int) -> str:
    """A text posted whole: a GA resolution (sometimes cut short, sometimes quoted in a reply,
    sometimes 90/70 A or B), or a Security Council one."""
    roll = rng.random()
    if roll < 0.1:
        return security_council(rng.choice(list(SECURITY_COUNCIL)), rng)
    if roll < 0.2:
        return resolution(70, 5, random.Random(70)).replace("90/70.", f"90/70 {rng.choice('AB')}.")
    number = rng.randint(1, known)
    full = 4 + number % 9
    text = resolution(number, full if rng.random() < 0.7 else rng.randint(1, full), random.Random(number))
    if roll < 0.35:  # quoted in a reply: its paragraphs are quoted, so an original is preferred to it
        return quoted(text)
    return text


def quoted(text: str) -> str:
    """``text`` quoted whole in a reply ("> " before each line)."""
    return "Dear all,\n\nHere it is:\n\n" + "\n".join("> " + line for line in text.splitlines()) + "\n"


def reply(rng: random.Random, known: int) -> str:
    number = rng.randint(1, known + 3)  # some are not in the corpus
    cites = [
        f"paragraph {rng.randint(1, 14)} of resolution 90/{number}",
        f"General Assembly resolution 90/{rng.randint(1, known + 3)}",
        f"paragraph {rng.randint(30, 40)} of the Tunis Agenda",
        "General Assembly resolution 60/252",
        f"paras. {rng.randint(1, 5)} and {rng.randint(6, 9)} of resolution 90/{number}",
        f"paragraph {rng.randint(1, 6)} of resolution 90/70",  # A or B: ambiguous when both are there
        f"paragraph {rng.randint(1, 6)} of Security Council resolution {rng.choice(list(SECURITY_COUNCIL))}",
        f"paragraph {rng.randint(1, 6)} of a/res/90/{number}",  # matched in any case
    ]
    picked = rng.sample(cites, rng.randint(0, 3))
    body = ["Dear all,", ""]
    body += [f"As {c} says, we should move on." for c in picked]
    if rng.random() < 0.1:
        body += ["", "From the outcome of the forum, nothing follows."]  # mboxo leaves this unescaped
    body += ["", "Best regards,", "Ana"]
    return "\n".join(body) + "\n"


def headers(i: int) -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = f"Member {i % 17} <member{i % 17}@example.org>"
    msg["To"] = "governance@lists.example.org"
    msg["Subject"] = f"Re: [governance] thread {i % 40}"
    msg["Date"] = f"Thu, {1 + i % 28} Nov 2035 10:{i % 60:02d}:12 +0100"
    msg["Message-ID"] = f"<m{i}@lists.example.org>"
    return msg


def message(i: int, rng: random.Random, known: int) -> EmailMessage:
    msg = headers(i)
    roll = rng.random()
    if roll < 0.12:
        msg.set_content(posted(rng, known))
    elif roll < 0.22:
        body = reply(rng, known)
        msg.set_content(body)
        html = "<html><body>" + "".join(f"<p>{line}</p>" for line in body.splitlines()) + "</body></html>"
        msg.add_alternative(html, subtype="html")
    elif roll < 0.27:  # a text attachment: a second document of the message
        msg.set_content(reply(rng, known))
        msg.add_attachment(reply(rng, known).encode(), maintype="text", subtype="plain", filename="notes.txt")
    elif roll < 0.28:  # no text part
        msg.set_content(b"%PDF-1.4 not text", maintype="application", subtype="pdf", filename="draft.pdf")
    else:
        msg.set_content(reply(rng, known), cte=rng.choice(("8bit", "quoted-printable", "base64")))
    return msg


def write_archive(root: Path, messages: int = MESSAGES, seed: int = 11) -> list[Path]:
    """The paths to read: a large mbox, a folder, and archives with reading problems."""
    rng = random.Random(seed)
    known = 60
    large = mailbox.mbox(root / "governance-2035.mbox")
    for i in range(messages):
        large.add(message(i, rng, known))
    huge = headers(messages)
    huge.set_content(reply(rng, known) + ("y" * 70 + "\n") * 1200)  # over MAX_BYTES
    large.add(huge)
    large.close()
    folder = root / "dumps"
    (folder / "2035").mkdir(parents=True)
    for number in (3, 7, 90):
        (folder / "2035" / f"res-{number}.txt").write_text(resolution(number, 6, random.Random(number)))
    (folder / "2035" / ".hidden.txt").write_text(resolution(5, 3, random.Random(5)))
    for i in range(20):
        (folder / f"msg-{i:02d}.eml").write_bytes(bytes(message(10_000 + i, rng, known)))
    small = mailbox.mbox(folder / "small.mbox")
    for i in range(30):
        small.add(message(20_000 + i, rng, known))
    small.close()
    headless = bytes(message(30_000, rng, known)) + b"\n"
    headless += b"From x@example.org Thu Nov 23 10:11:12 2035\n" + bytes(message(30_001, rng, known))
    (root / "headless.mbox").write_bytes(headless)
    cut = b"From x@example.org Thu Nov 23 10:11:12 2035\n" + bytes(message(30_002, rng, known))
    (root / "cut.mbox").write_bytes(cut.rstrip(b"\n") + b"\nA last line cut sho")  # no line feed at the end
    return [root / "headless.mbox", root / "governance-2035.mbox", folder, root / "cut.mbox"]


# -- without Dask --------------------------------------------------------------------------


def test_importing_resolex_does_not_import_dask() -> None:
    code = "import sys, resolex, resolex.dask; assert 'dask' not in sys.modules, sorted(sys.modules)"
    subprocess.run([sys.executable, "-c", code], check=True, timeout=120)


def test_without_the_extra_the_entry_points_name_it(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import resolex.dask as rxd  # noqa: PLC0415 (the module is what is tested here)

    for name in ("dask", "dask.bag"):
        monkeypatch.setitem(sys.modules, name, None)  # makes "import dask.bag" fail, as when not installed
    missing = r"needs Dask, which is not installed: pip install 'resolex\[dask\]'"
    with pytest.raises(resolex.ResolexError, match=missing):
        rxd.read_bag(tmp_path)
    with pytest.raises(resolex.ResolexError, match=missing):
        rxd.to_jsonl(object(), tmp_path / "out.jsonl")  # type: ignore[arg-type]
    with pytest.raises(resolex.ResolexError, match=missing):
        rxd.citation_graph(object())  # type: ignore[arg-type]


def test_serial_jsonl_is_one_dump_per_line_in_reading_order(tmp_path: Path) -> None:
    write_archive(tmp_path, messages=12)
    docs = list(resolex.read(tmp_path / "governance-2035.mbox"))
    assert write_jsonl(docs, tmp_path / "out.jsonl") == len(docs)
    lines = (tmp_path / "out.jsonl").read_bytes().split(b"\n")
    assert lines[-1] == b""
    assert lines[:-1] == [jsonl_line(d) for d in docs]
    assert [resolex.Document.model_validate_json(line) for line in lines[:-1]] == docs
    assert [d.source.message_index for d in docs if d.source] == sorted(
        d.source.message_index for d in docs if d.source and d.source.message_index is not None
    )


# -- with Dask -----------------------------------------------------------------------------


def tricky_mbox(path: Path) -> None:
    """Separators the slicer must see exactly as split_mbox does: CRLF lines, escaped and
    unescaped body lines starting "From", and a "From " line 64 KiB into a long line (where
    split_mbox reads it as the start of a piece, not of a line: no separator)."""
    sep = b"From list@example.org Thu Nov 23 10:11:12 2035"
    body = [
        b"Subject: a",
        b"",
        b"Recalling General Assembly resolution 60/252,",
        b">From the outcome, escaped",
    ]
    long = b"x" * (65536 - 1) + b"\n" + b"y" * 65536 + sep + b" inside a long line"
    messages = [
        b"\n".join([sep, *body, b""]),
        b"\r\n".join(
            [
                sep,
                b"Subject: crlf",
                b"",
                b"From the forum, unescaped 10:11",
                b"paragraph 35 of the Tunis Agenda",
                b"",
            ]
        ),
        b"\n".join([sep, b"Subject: long", b"", long, b""]),
        b"\n".join([sep, *body, b""]),
    ]
    path.write_bytes(b"\n".join(messages * 5))


def test_slices_give_the_serial_documents_at_any_partition_size(tmp_path: Path) -> None:
    pytest.importorskip("dask.bag", reason="Dask is not installed (pip install 'resolex[dask]')")
    import resolex.dask as rxd  # noqa: PLC0415 (imported once Dask is known to be there)

    paths = write_archive(tmp_path, messages=60)
    tricky_mbox(tmp_path / "tricky.mbox")
    (tmp_path / "blank.mbox").write_bytes(b"\n" * 5000)  # no message at all: one RX007, from slice 0
    paths += [tmp_path / "tricky.mbox", tmp_path / "blank.mbox"]
    serial = list(resolex.read(paths, max_bytes=MAX_BYTES))
    partitions = []
    for size in (700, 4000, 30_000, 10**9):
        bag = rxd.read_bag(paths, max_bytes=MAX_BYTES, partition_bytes=size)
        partitions.append(bag.npartitions)
        assert bag.compute(scheduler="sync") == serial, size
    assert partitions == sorted(partitions, reverse=True)
    assert partitions[0] > 200
    blank = [doc for doc in serial if doc.source and doc.source.path == str(tmp_path / "blank.mbox")]
    assert [[d.code for d in doc.diagnostics] for doc in blank] == [["RX007"]]


@pytest.mark.parametrize("level", ["document", "paragraph"])
def test_graph_when_every_text_has_copies_in_other_partitions(tmp_path: Path, level: GraphLevel) -> None:
    pytest.importorskip("dask.bag", reason="Dask is not installed (pip install 'resolex[dask]')")
    import resolex.dask as rxd  # noqa: PLC0415 (imported once Dask is known to be there)

    archive = write_archive(tmp_path, messages=150)[1]
    paths = [
        archive,
        tmp_path / "dumps",
        archive,
    ]  # every message twice: keys "…@2", a preferred copy in each half
    serial = list(resolex.read(paths))
    expected = resolex.citation_graph(serial, level=level)
    assert any("@2" in n.id for n in expected.nodes)
    bag = rxd.read_bag(paths, partition_bytes=20_000)
    assert bag.npartitions > 20
    assert rxd.citation_graph(bag, level=level, scheduler="sync") == expected


def test_any_bag_of_documents_even_without_a_source() -> None:
    db = pytest.importorskip("dask.bag", reason="Dask is not installed (pip install 'resolex[dask]')")
    import resolex.dask as rxd  # noqa: PLC0415 (imported once Dask is known to be there)

    rng = random.Random(3)
    texts = [resolution(n, 5, random.Random(n)) for n in (1, 2, 3, 2)] + [reply(rng, 3) for _ in range(12)]
    docs = [resolex.extract(t) for t in texts]  # no source: identities are symbols or hashes of the text
    for level in ("document", "paragraph"):
        graph = rxd.citation_graph(db.from_sequence(docs, npartitions=5), level=level, scheduler="sync")
        assert graph == resolex.citation_graph(docs, level=level)


def full(paragraphs: int) -> str:
    """GA resolution 90/1 with ``paragraphs`` operative paragraphs and one preambular one."""
    return resolution(1, paragraphs, random.Random(1))


# Copies of resolution 90/1 in corpus order, one per partition, and the key of the copy a
# reference to it reaches by the rule of README, "Which copy a reference reaches" (counted
# by hand: full(n) has n + 1 paragraphs; quoted, none of them is outside quotes). The cases
# are chosen so that each simpler rule picks another copy: the most paragraphs (the rule
# before quotes counted), the most unquoted paragraphs alone, always the first, the last of
# equals.
PREFERRED_COPY = [
    pytest.param([quoted(full(6)), quoted(full(6)), full(3)], "A/RES/90/1@3", id="most-unquoted-paragraphs"),
    pytest.param(
        [quoted(full(3)), quoted(full(6)), quoted(full(6))], "A/RES/90/1@2", id="then-most-paragraphs"
    ),
    pytest.param([full(3), full(6), full(3), full(6)], "A/RES/90/1@2", id="then-the-first"),
]


@pytest.mark.parametrize(("copies", "preferred"), PREFERRED_COPY)
@pytest.mark.parametrize("level", ["document", "paragraph"])
def test_a_reference_reaches_the_copy_the_corpus_prefers(
    copies: list[str], preferred: str, level: GraphLevel
) -> None:
    """Copies in partitions of their own, cited from a partition before them and one after."""
    db = pytest.importorskip("dask.bag", reason="Dask is not installed (pip install 'resolex[dask]')")
    import resolex.dask as rxd  # noqa: PLC0415 (imported once Dask is known to be there)

    texts = [
        "Dear all,\n\nAs paragraph 2 of resolution 90/1 says, we should move on.\n",
        *copies,
        "Dear all,\n\nParagraph 2 of A/RES/90/1 says it too.\n",
    ]
    docs = [resolex.extract(t) for t in texts]
    graph = rxd.citation_graph(db.from_sequence(docs, npartitions=len(docs)), level=level, scheduler="sync")
    target = preferred if level == "document" else f"{preferred}#para_2"
    from_replies = [(e.target, e.status, e.count) for e in graph.edges if e.source.startswith("text:")]
    assert from_replies == [(target, "resolved", 1), (target, "resolved", 1)]
    assert graph == resolex.citation_graph(docs, level=level)


def test_an_empty_folder_gives_an_empty_bag_file_and_graph(tmp_path: Path) -> None:
    pytest.importorskip("dask.bag", reason="Dask is not installed (pip install 'resolex[dask]')")
    import resolex.dask as rxd  # noqa: PLC0415 (imported once Dask is known to be there)

    (tmp_path / "empty").mkdir()
    bag = rxd.read_bag(tmp_path / "empty")
    assert bag.compute(scheduler="sync") == []
    assert rxd.to_jsonl(bag, tmp_path / "out.jsonl", scheduler="sync") == 0
    assert (tmp_path / "out.jsonl").read_bytes() == b""
    assert rxd.citation_graph(bag, scheduler="sync") == resolex.citation_graph([])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty", "out.jsonl"]  # the parts are gone


def test_a_missing_path_raises_before_anything_is_read(tmp_path: Path) -> None:
    pytest.importorskip("dask.bag", reason="Dask is not installed (pip install 'resolex[dask]')")
    import resolex.dask as rxd  # noqa: PLC0415 (imported once Dask is known to be there)

    with pytest.raises(resolex.SourceError, match=r"nowhere\.mbox"):
        rxd.read_bag([tmp_path, tmp_path / "nowhere.mbox"])


def test_readme_example_prints_what_the_readme_shows(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The README's "Scaling out on Dask" example runs (Dask's default local processes) and prints its output."""
    pytest.importorskip("dask.bag", reason="Dask is not installed (pip install 'resolex[dask]')")
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Scaling out on Dask") :]
    code = section[section.index("```python\n") + 10 : section.index("```\n\n```text")]
    shown = section[section.index("```text\n") + 8 :]
    shutil.copytree(REPO / "seeds", tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)  # the example writes seeds.jsonl here
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code, "README.md", "exec"), {})
    assert out.getvalue() == shown[: shown.index("```")]
    assert (tmp_path / "seeds.jsonl").read_bytes() == b"".join(
        jsonl_line(d) + b"\n" for d in resolex.read("seeds/")
    )


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    pytest.importorskip("dask.bag", reason="Dask is not installed (pip install 'resolex[dask]')")
    distributed = pytest.importorskip(
        "distributed", reason="distributed is not installed (pip install 'resolex[dask]')"
    )
    with (
        distributed.LocalCluster(
            n_workers=2, processes=True, threads_per_worker=1, dashboard_address=":0", silence_logs=40
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        yield client


def test_sliced_archive_gives_the_serial_documents_and_graph(tmp_path: Path, client: Client) -> None:
    import resolex.dask as rxd  # noqa: PLC0415 (imported once Dask is known to be there)

    paths = write_archive(tmp_path)
    serial = list(resolex.read(paths, max_bytes=MAX_BYTES))
    write_jsonl(serial, tmp_path / "serial.jsonl")

    bag = rxd.read_bag(paths, max_bytes=MAX_BYTES, partition_bytes=PARTITION_BYTES)
    slices = bag.npartitions - 20 - 3 - 1 - 3  # .eml files, .txt files, small.mbox, headless, cut, ...
    assert slices > 20
    bag = client.persist(bag)  # extracted once, for the JSONL and both graphs
    assert rxd.to_jsonl(bag, tmp_path / "dask.jsonl", scheduler=client) == len(serial)
    assert (tmp_path / "dask.jsonl").read_bytes() == (tmp_path / "serial.jsonl").read_bytes()

    for level in ("document", "paragraph"):
        expected = resolex.citation_graph(serial, level=level)
        graph = rxd.citation_graph(bag, level=level, scheduler=client)
        assert graph == expected
        assert graph.to_json() == expected.to_json()
