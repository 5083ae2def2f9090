"""Sources: .eml files, mbox archives and folders, built here with the standard library.

One reply is written in every way mail carries it: text and HTML, alternative and related
parts, 8bit, quoted-printable and base64, UTF-8, latin-1 and cp1252, with its charset
declared rightly, wrongly or not at all. Read by hand, each gives the same thing:

- the attribution "On 11/23/06, Parminder … wrote:" and the signature after "-- " (which
  names "resolution 61/16") give nothing;
- quoted once: paragraph 24 ("Invites"), citing paragraph 35 of the Tunis Agenda;
- quoted twice: paragraph 25 ("Requests"), citing General Assembly resolution 60/252;
- the sender's own line cites paragraphs 67 to 72 of the Tunis Agenda.
"""

from __future__ import annotations

import contextlib
import io
import mailbox
import os
import random
from collections.abc import Callable
from email.message import EmailMessage
from pathlib import Path

import pytest

import resolex
from tests.conftest import REPO
from tests.test_load import assert_round_trip

TEXT = "\n".join(
    [
        "Dear all,",
        "",
        "On 11/23/06, Parminder <parminder@itforchange.net> wrote:",
        "> 24. Invites the Secretary-General, as stated in paragraph 35 of the Tunis Agenda;",
        ">> 25. Requests a report under General Assembly resolution 60/252;",
        "",
        "I agree with paragraphs 67\u201372 of the Tunis Agenda, as said in \u201cGen\u00e8ve\u201d.",
        "",
        "-- ",
        "Avri Doria",
        "resolution 61/16 working group",
        "",
    ]
)
LATIN = TEXT.replace("\u2013", "-").replace("\u201c", '"').replace("\u201d", '"')
HTML = (
    '<html><head><meta charset="utf-8"><style>p.MsoNormal {margin: 0}</style></head><body>'
    "<p>Dear all,</p>\n"
    '<div class="gmail_attr">On 11/23/06, Parminder &lt;parminder@itforchange.net&gt; wrote:<br></div>\n'
    '<blockquote class="gmail_quote"><p>24. <i>Invites</i> the Secretary-General, as stated in '
    "para&shy;graph&nbsp;35 of the <b>Tunis <span>Agenda</span></b>;</p>\n"
    "<blockquote><p>25. <i>Requests</i> a report under General Assembly resolution 60/<b>252</b>;</p>"
    "</blockquote></blockquote>\n"
    "<p>I agree with paragraphs 67&ndash;72 of the Tunis Agenda, as said in &ldquo;Gen&egrave;ve&rdquo;.</p>\n"
    "<div>-- <br>Avri Doria<br>resolution 61/16 working group</div></body></html>"
)

PARAGRAPHS = [("para_24", "Invites", 1), ("para_25", "Requests", 2)]
REFERENCES = [
    ("paragraph 35 of the Tunis Agenda", "tunis-agenda", ["35"], 1),
    ("General Assembly resolution 60/252", "ga-60-252", [], 2),
    ("paragraphs 67-72 of the Tunis Agenda", "tunis-agenda", ["67", "68", "69", "70", "71", "72"], 0),
]
HEADERS = {
    "From": "Avri Doria <avri@acm.org>",
    "To": "governance@lists.cpsr.org",
    "Subject": "Re: [governance] CSTD draft",
    "Date": "Thu, 23 Nov 2006 10:11:12 +0100",
    "Message-ID": "<4565A1B0.1@acm.org>",
}


def found(
    doc: resolex.Document,
) -> tuple[list[tuple[str, str, int]], list[tuple[str, str | None, list[str], int]]]:
    paragraphs = [(p.id, p.lead, p.quote_depth) for p in doc.paragraphs]
    references = [
        (r.text, r.document.id if r.document else None, [str(x) for x in r.pinpoints], r.quote_depth)
        for r in doc.references
    ]
    return paragraphs, references


def message() -> EmailMessage:
    msg = EmailMessage()
    for name, value in HEADERS.items():
        msg[name] = value
    return msg


def mime(body: str, subtype: str = "plain", cte: str = "8bit") -> bytes:
    msg = message()
    msg.set_content(body, subtype=subtype, cte=cte)
    return bytes(msg)


def alternative(*, related: bool = False) -> bytes:
    msg = message()
    msg.set_content(TEXT)
    msg.add_alternative(HTML, subtype="html")
    if related:
        payload = msg.get_payload()
        assert isinstance(payload, list)
        html_part = payload[1]
        assert isinstance(html_part, EmailMessage)
        html_part.add_related(b"\x89PNG\r\n\x1a\n\x00\x00", "image", "png", cid="<logo@acm.org>")
    return bytes(msg)


def raw_mail(body: bytes, content_type: str) -> bytes:
    """A message with exactly these body bytes and this Content-Type (charset as given, right or wrong)."""
    head = "".join(f"{name}: {value}\n" for name, value in HEADERS.items())
    head += f"MIME-Version: 1.0\nContent-Type: {content_type}\nContent-Transfer-Encoding: 8bit\n\n"
    return head.encode("ascii") + body


# (id, message bytes, part read, media type, encoding, diagnostic codes)
VARIANTS: list[tuple[str, Callable[[], bytes], str, str, str, list[str]]] = [
    ("text-8bit-utf-8", lambda: mime(TEXT), "1", "text/plain", "utf-8", []),
    ("text-quoted-printable", lambda: mime(TEXT, cte="quoted-printable"), "1", "text/plain", "utf-8", []),
    ("text-base64", lambda: mime(TEXT, cte="base64"), "1", "text/plain", "utf-8", []),
    (
        "html-only-quoted-printable",
        lambda: mime(HTML, "html", "quoted-printable"),
        "1",
        "text/html",
        "utf-8",
        [],
    ),
    ("html-only-base64", lambda: mime(HTML, "html", "base64"), "1", "text/html", "utf-8", []),
    ("multipart-alternative", alternative, "2", "text/html", "utf-8", []),
    ("alternative-with-related-html", lambda: alternative(related=True), "2.1", "text/html", "utf-8", []),
    (
        "latin-1",
        lambda: raw_mail(LATIN.encode("latin-1"), "text/plain; charset=iso-8859-1"),
        "1",
        "text/plain",
        "iso-8859-1",
        [],
    ),
    (
        "cp1252",
        lambda: raw_mail(TEXT.encode("cp1252"), "text/plain; charset=windows-1252"),
        "1",
        "text/plain",
        "windows-1252",
        [],
    ),
    (
        "cp1252-labelled-latin-1",
        lambda: raw_mail(TEXT.encode("cp1252"), 'text/plain; charset="ISO-8859-1"'),
        "1",
        "text/plain",
        "cp1252",
        [],
    ),
    (
        "broken-charset-utf-8-on-cp1252",
        lambda: raw_mail(TEXT.encode("cp1252"), "text/plain; charset=utf-8"),
        "1",
        "text/plain",
        "cp1252",
        ["RX001", "RX002"],
    ),
    (
        "unknown-charset",
        lambda: raw_mail(TEXT.encode("utf-8"), "text/plain; charset=x-no-such-charset"),
        "1",
        "text/plain",
        "utf-8",
        ["RX001"],
    ),
    ("no-charset", lambda: raw_mail(TEXT.encode("utf-8"), "text/plain"), "1", "text/plain", "utf-8", []),
]


def check_reply(doc: resolex.Document, part: str, media: str, encoding: str, codes: list[str]) -> None:
    assert found(doc) == (PARAGRAPHS, REFERENCES)
    assert "Genève" in doc.text
    source = doc.source
    assert source is not None
    assert (source.part, source.media_type, source.encoding) == (part, media, encoding)
    assert (source.sender, source.subject, source.message_id, source.date) == (
        "Avri Doria <avri@acm.org>",
        "Re: [governance] CSTD draft",
        "<4565A1B0.1@acm.org>",
        "2006-11-23T10:11:12+01:00",
    )
    assert [d.code for d in doc.diagnostics] == codes
    assert all(d.message.startswith(f"{source.path}") for d in doc.diagnostics)
    assert_round_trip(doc)


@pytest.mark.parametrize(
    ("build", "part", "media", "encoding", "codes"), [v[1:] for v in VARIANTS], ids=[v[0] for v in VARIANTS]
)
def test_eml(  # noqa: PLR0917 - pytest passes the table's columns by name, one argument each
    tmp_path: Path, build: Callable[[], bytes], part: str, media: str, encoding: str, codes: list[str]
) -> None:
    path = tmp_path / "reply.eml"
    path.write_bytes(build())
    (doc,) = resolex.read(path)
    check_reply(doc, part, media, encoding, codes)
    assert doc.source is not None
    assert (doc.source.path, doc.source.message_index, doc.source.byte_offset) == (str(path), None, None)


def test_mbox_of_every_variant_gives_the_same_documents_in_order(tmp_path: Path) -> None:
    path = tmp_path / "governance-2006.mbox"
    box = mailbox.mbox(path)
    for _id, build, *_rest in VARIANTS:
        box.add(build())
    box.close()
    docs = list(resolex.read(str(path)))
    assert len(docs) == len(VARIANTS)
    data = path.read_bytes()
    for index, (doc, (_id, _build, part, media, encoding, codes)) in enumerate(
        zip(docs, VARIANTS, strict=True)
    ):
        check_reply(doc, part, media, encoding, codes)
        assert doc.source is not None
        assert doc.source.message_index == index
        assert doc.source.byte_offset is not None
        assert data[doc.source.byte_offset :].startswith(b"From ")
        assert all(f"message {index}" in d.message for d in doc.diagnostics)


def test_mbox_from_lines_in_bodies_are_unescaped_and_do_not_split(tmp_path: Path) -> None:
    path = tmp_path / "list.mbox"
    box = mailbox.mbox(path)
    box.add(mime("From the outset, see the Tunis Agenda.\n\nFrom 2006 on, as well.\n"))
    box.add(mime("Second message.\n"))
    box.close()
    assert b"\n>From the outset" in path.read_bytes()
    docs = list(resolex.read(path))
    assert [d.source.raw if d.source else None for d in docs] == [
        "From the outset, see the Tunis Agenda.\n\nFrom 2006 on, as well.\n",
        "Second message.\n",
    ]
    assert [r.text for r in docs[0].references] == ["the Tunis Agenda"]


def test_mailman_text_archive_is_read_as_mbox(tmp_path: Path) -> None:
    path = tmp_path / "2006-November.txt"
    path.write_bytes(
        b"From avri at psg.com  Thu Nov 23 10:11:12 2006\n"
        b"From: avri at psg.com (Avri Doria)\nDate: Thu, 23 Nov 2006 10:11:12 +0100\n"
        b"Subject: [governance] draft\nMessage-ID: <a1@psg.com>\n\nSee the Tunis Agenda.\n\n"
        b"From parminder at itforchange.net  Thu Nov 23 11:00:00 2006\n"
        b"From: parminder at itforchange.net (Parminder)\nSubject: Re: [governance] draft\n"
        b"Message-ID: <b2@itforchange.net>\n\nAnd General Assembly resolution 60/252.\n"
    )
    docs = list(resolex.read(path))
    assert [(d.source.message_index, d.source.message_id) for d in docs if d.source] == [
        (0, "<a1@psg.com>"),
        (1, "<b2@itforchange.net>"),
    ]
    assert [[r.text for r in d.references] for d in docs] == [
        ["the Tunis Agenda"],
        ["General Assembly resolution 60/252"],
    ]


# --- attachments, forwards, parts without text ---------------------------------------------

DRAFT = "<p>1. <i>Decides</i> to act in accordance with paragraph 35 of the Tunis Agenda;</p>"


def test_text_attachments_are_documents_of_their_own(tmp_path: Path) -> None:
    msg = message()
    msg.set_content("Draft attached; see also General Assembly resolution 60/252.\n")
    msg.add_attachment(DRAFT, subtype="html", filename="draft.html")
    msg.add_attachment(b"\x89PNG\r\n\x1a\n\x00\x00", maintype="image", subtype="png", filename="logo.png")
    msg.add_attachment(
        b"2. Requests the Secretary-General to report.\n",
        maintype="application",
        subtype="octet-stream",
        filename="op2.txt",
    )
    path = tmp_path / "with-draft.eml"
    path.write_bytes(bytes(msg))
    docs = list(resolex.read(path))
    assert [(d.source.part, d.source.filename, d.source.media_type) for d in docs if d.source] == [
        ("1", None, "text/plain"),
        ("2", "draft.html", "text/html"),
        ("4", "op2.txt", "text/plain"),
    ]
    assert [[r.text for r in d.references] for d in docs] == [
        ["General Assembly resolution 60/252"],
        ["paragraph 35 of the Tunis Agenda"],
        [],
    ]
    assert [[p.id for p in d.paragraphs] for d in docs] == [[], ["para_1"], ["para_2"]]
    assert all(d.source and d.source.message_id == "<4565A1B0.1@acm.org>" for d in docs)


def test_forwarded_message_body_is_part_n_1(tmp_path: Path) -> None:
    inner = message()
    inner.set_content(TEXT)
    outer = EmailMessage()
    outer["From"] = "Bertrand <b@example.org>"
    outer["Subject"] = "Fwd: CSTD draft"
    outer.set_content("FYI, below.\n")
    outer.add_attachment(inner)
    path = tmp_path / "fwd.eml"
    path.write_bytes(bytes(outer))
    first, forwarded = resolex.read(path)
    assert first.source is not None
    assert forwarded.source is not None
    assert (first.source.part, forwarded.source.part) == ("1", "2.1")
    assert forwarded.source.sender == "Bertrand <b@example.org>"  # the message read, not the one forwarded
    assert found(forwarded) == (PARAGRAPHS, REFERENCES)


def test_message_without_text_gives_one_empty_document(tmp_path: Path) -> None:
    msg = message()
    msg.add_attachment(b"%PDF-1.4\x00\x01", maintype="application", subtype="pdf", filename="a.pdf")
    path = tmp_path / "pdf-only.eml"
    path.write_bytes(bytes(msg))
    (doc,) = resolex.read(path)
    assert doc.text == ""
    assert [(d.code, d.severity) for d in doc.diagnostics] == [("RX004", "warning")]
    assert "application/pdf" in doc.diagnostics[0].message
    assert doc.source is not None
    assert doc.source.subject == "Re: [governance] CSTD draft"


# --- bad input -------------------------------------------------------------------------------


def junk(n: int, seed: int = 4) -> bytes:
    rng = random.Random(seed)
    return bytes(rng.randrange(256) for _ in range(n))


BAD_MESSAGES = [
    pytest.param(b"", ["RX007"], id="empty-file"),
    pytest.param(junk(3000), ["RX003", "RX006"], id="binary-junk"),
    pytest.param(
        raw_mail(b"", "text/plain; charset=utf-8"),
        ["RX007"],
        id="headers-only",
    ),
    pytest.param(
        b"From: a@b\nContent-Type: text/plain\nContent-Transfer-Encoding: base64\n\nU2VlIHRoZSBUdW5pcyBBZ2VuZGEu!!!x\n",
        ["RX003"],
        id="broken-base64",
    ),
    pytest.param(
        b"From: a@b\nContent-Type: multipart/mixed; boundary=XX\n\n--XX\nContent-Type: text/plain\n\n"
        b"See the Tunis Agenda.\n",
        ["RX003"],
        id="multipart-cut-short",
    ),
    pytest.param(
        b"From: a@b\nContent-Type: text/plain; charset=utf-8\n\n" + b"\x00\x01\x02\x03binary" * 50,
        ["RX006"],
        id="binary-body",
    ),
]


@pytest.mark.parametrize(("data", "codes"), BAD_MESSAGES)
def test_bad_messages_become_diagnostics(tmp_path: Path, data: bytes, codes: list[str]) -> None:
    path = tmp_path / "bad.eml"
    path.write_bytes(data)
    (doc,) = resolex.read(path)
    assert sorted({d.code for d in doc.diagnostics}) == codes
    assert all(str(path) in d.message for d in doc.diagnostics)


def test_bad_messages_in_an_archive_keep_their_index(tmp_path: Path) -> None:
    path = tmp_path / "bad.mbox"
    with path.open("wb") as f:
        for i, param in enumerate(BAD_MESSAGES):
            f.write(f"From sender{i}@example.org Thu Nov 23 10:11:12 2006\n".encode())
            f.write(param.values[0] + b"\n\n")  # type: ignore[operator]
    docs = list(resolex.read(path))
    assert [d.source.message_index for d in docs if d.source] == list(range(len(BAD_MESSAGES)))
    for i, (doc, param) in enumerate(zip(docs, BAD_MESSAGES, strict=True)):
        assert sorted({d.code for d in doc.diagnostics}) == param.values[1], param.id
        assert all(f"{path}, message {i}" in d.message for d in doc.diagnostics)


def test_truncated_archive_keeps_its_last_message(tmp_path: Path) -> None:
    path = tmp_path / "cut.mbox"
    box = mailbox.mbox(path)
    box.add(mime(TEXT))
    box.add(mime(TEXT))
    box.close()
    data = path.read_bytes()
    path.write_bytes(data[: data.rindex(b"Tunis Agenda,") + len(b"Tunis Ag")])  # cut inside a line
    first, last = resolex.read(path)
    assert [d.code for d in first.diagnostics] == []
    assert [d.code for d in last.diagnostics] == ["RX009"]
    assert "message 1" in last.diagnostics[0].message
    assert found(last)[0] == PARAGRAPHS  # what was read before the cut is still read


def test_archive_that_does_not_start_with_a_from_line(tmp_path: Path) -> None:
    path = tmp_path / "headless.mbox"
    path.write_bytes(
        mime("See the Tunis Agenda.\n") + b"\nFrom a@b Thu Nov 23 10:11:12 2006\n" + mime("Two.\n")
    )
    first, second = resolex.read(path)
    assert [d.code for d in first.diagnostics] == ["RX009"]
    assert [r.text for r in first.references] == ["the Tunis Agenda"]
    assert second.source is not None
    assert second.source.raw == "Two.\n"


def test_oversized_message_is_read_up_to_the_limit(tmp_path: Path) -> None:
    body = TEXT + "\n".join(f"Line {i} of a very long appendix." for i in range(3000)) + "\n"
    path = tmp_path / "huge.mbox"
    box = mailbox.mbox(path)
    box.add(mime(body))
    box.add(mime("Small one; the Tunis Agenda.\n"))
    box.close()
    huge, small = resolex.read(path, max_bytes=20_000)
    assert [d.code for d in huge.diagnostics] == ["RX008"]
    assert "message 0" in huge.diagnostics[0].message
    assert found(huge) == (PARAGRAPHS, REFERENCES[:2] + REFERENCES[2:])  # the start is read
    assert huge.source is not None
    assert len(huge.source.raw) < 20_000
    assert [r.text for r in small.references] == ["the Tunis Agenda"]
    eml = tmp_path / "huge.eml"
    eml.write_bytes(mime(body))
    (doc,) = resolex.read(eml, max_bytes=20_000)
    assert [d.code for d in doc.diagnostics] == ["RX008"]
    assert found(doc) == (PARAGRAPHS, REFERENCES)
    txt = tmp_path / "long.txt"
    txt.write_text(TEXT * 50, encoding="utf-8")
    (doc,) = resolex.read(txt, max_bytes=300)  # less than the 4 KiB read to tell what a file is
    assert [d.code for d in doc.diagnostics] == ["RX008"]
    assert doc.source is not None
    assert 0 < len(doc.source.raw.encode()) <= 300
    assert doc.source.raw.endswith("\n")  # cut at a line break
    with pytest.raises(ValueError, match="max_bytes"):
        resolex.read(txt, max_bytes=0)


def test_missing_path_raises_source_error_naming_it(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.mbox"
    with pytest.raises(resolex.SourceError, match=r"nowhere\.mbox"):
        resolex.read(missing)
    (tmp_path / "here.txt").write_text("See the Tunis Agenda.")
    with pytest.raises(resolex.ResolexError, match=r"nowhere\.mbox"):  # before anything is read
        resolex.read([tmp_path / "here.txt", missing])


def test_format_overrides_the_content_type(tmp_path: Path) -> None:
    path = tmp_path / "page.eml"
    path.write_bytes(mime(HTML, "html"))
    (as_html,) = resolex.read(path)
    (as_text,) = resolex.read(path, format="text")
    assert (as_html.source and as_html.source.media_type, as_text.source and as_text.source.media_type) == (
        "text/html",
        "text/plain",
    )
    assert "<blockquote" in as_text.text  # the markup read as text


def test_format_other_than_auto_text_html_is_misuse(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="format"):
        resolex.read(tmp_path, format="mbox")  # type: ignore[arg-type]


# --- folders ----------------------------------------------------------------------------------


def test_folder_is_read_recursively_and_every_problem_is_a_document(tmp_path: Path) -> None:
    root = tmp_path / "mail"
    (root / "b" / "c").mkdir(parents=True)
    (root / "cur").mkdir()
    (root / "1.txt").write_text(TEXT, encoding="utf-8")
    (root / "empty.txt").write_bytes(b"")
    (root / "junk.txt").write_bytes(junk(2000))
    (root / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + junk(100))
    (root / ".hidden.txt").write_text("See the Tunis Agenda.")
    (root / "gone.txt").symlink_to(root / "no-such-target.txt")
    box = mailbox.mbox(root / "list.mbox")
    box.add(mime(TEXT))
    box.add(alternative())
    box.close()
    (root / "b" / "page.html").write_text(HTML, encoding="utf-8")
    (root / "b" / "c" / "reply.eml").write_bytes(mime(TEXT, cte="base64"))
    (root / "cur" / "1164273072.M1P2.mail:2,S").write_bytes(mime(HTML, "html"))  # a Maildir file
    docs = list(resolex.read(root))
    rows = [
        (
            Path(d.source.path).relative_to(root).as_posix() if d.source and d.source.path else None,
            d.source.message_index if d.source else None,
            [x.code for x in d.diagnostics],
        )
        for d in docs
    ]
    assert rows == [
        ("1.txt", None, []),
        ("empty.txt", None, ["RX007"]),
        ("gone.txt", None, ["RX005"]),
        ("junk.txt", None, ["RX006"]),
        ("list.mbox", 0, []),
        ("list.mbox", 1, []),
        ("b/page.html", None, []),
        ("b/c/reply.eml", None, []),
        ("cur/1164273072.M1P2.mail:2,S", None, []),
    ]
    for doc in (docs[0], *docs[4:]):
        assert found(doc) == (PARAGRAPHS, REFERENCES)
        assert_round_trip(doc)
    assert "gone.txt: cannot read the file" in docs[2].diagnostics[0].message


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")
def test_named_pipe_is_reported_not_opened(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe.txt"
    os.mkfifo(pipe)
    (tmp_path / "a.txt").write_text("See the Tunis Agenda.", encoding="utf-8")
    assert [d.source.path for d in resolex.read(tmp_path) if d.source] == [str(tmp_path / "a.txt")]
    (doc,) = resolex.read(pipe)
    assert [d.code for d in doc.diagnostics] == ["RX005"]
    assert "not a regular file" in doc.diagnostics[0].message


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads files without permission"
)
def test_file_without_read_permission(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("See the Tunis Agenda.")
    path.chmod(0)
    (doc,) = resolex.read(tmp_path)
    assert [(d.code, d.severity) for d in doc.diagnostics] == [("RX005", "error")]


def test_reading_streams_one_document_at_a_time(tmp_path: Path) -> None:
    path = tmp_path / "growing.mbox"
    box = mailbox.mbox(path)
    box.add(mime(TEXT))
    box.add(mime("Second.\n"))
    box.close()
    docs = resolex.read(path)
    assert found(next(docs)) == (PARAGRAPHS, REFERENCES)
    with path.open("ab") as f:  # the rest of the file is read as the iterator advances, not up front
        f.write(b"From x Thu Nov 23 10:11:12 2006\n" + mime("Appended later.\n"))
    assert [d.source.raw for d in docs if d.source] == ["Second.\n", "Appended later.\n"]


# --- a large archive -----------------------------------------------------------------------------

BROKEN_KINDS: list[tuple[str, bytes]] = [
    ("utf-8 declared on cp1252", raw_mail(TEXT.encode("cp1252"), "text/plain; charset=utf-8")),
    ("unknown charset", raw_mail(TEXT.encode(), "text/plain; charset=x-no-such-charset")),
    ("binary body", raw_mail(junk(600, seed=7), "text/plain; charset=utf-8")),
    ("empty", b""),
    ("headers only", raw_mail(b"", "text/plain; charset=utf-8")),
    ("broken base64", b"From: a@b\nContent-Transfer-Encoding: base64\n\nU2VlIHRoZSBUdW5pcyBBZ2VuZGEu!!!x\n"),
    ("binary junk", junk(1500, seed=8).replace(b"\nFrom ", b"\nfrom ")),
]


def test_ten_thousand_messages_one_percent_broken(tmp_path: Path) -> None:
    """Documents out = messages in; each broken message carries a loading diagnostic, no clean one does."""
    rng = random.Random(2006)
    count = 10_000
    broken = dict(zip(sorted(rng.sample(range(count), count // 100)), range(count // 100), strict=True))
    clean = [mime(TEXT), mime(TEXT, cte="quoted-printable"), mime(HTML, "html"), alternative()]
    path = tmp_path / "archive.mbox"
    with path.open("wb") as f:
        for i in range(count):
            f.write(f"From sender{i}@example.org Thu Nov 23 10:11:12 2006\n".encode())
            data = BROKEN_KINDS[broken[i] % len(BROKEN_KINDS)][1] if i in broken else clean[i % len(clean)]
            f.write(data.rstrip(b"\n") + b"\n\n")
    seen: list[int] = []
    references = 0
    for doc in resolex.read(path):
        assert doc.source is not None
        assert doc.source.message_index is not None
        index = doc.source.message_index
        seen.append(index)
        loading = [d for d in doc.diagnostics if d.code.startswith("RX00")]
        if index in broken:
            kind = BROKEN_KINDS[broken[index] % len(BROKEN_KINDS)][0]
            assert loading, f"message {index} ({kind}) has no diagnostic"
            assert all(f"message {index}" in d.message for d in loading)
        else:
            assert loading == [], f"message {index}: {loading}"
            references += len(doc.references)
    assert seen == list(range(count))
    assert references == len(REFERENCES) * (count - len(broken))


def test_readme_example_prints_what_the_readme_shows() -> None:
    """The README's "Reading files, mail and archives" example runs and prints its output block."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Reading files, mail and archives") :]
    code = section[section.index("```python\n") + 10 : section.index("```\n\n```text")]
    shown = section[section.index("```text\n") + 8 :]
    shown = shown[: shown.index("```")]
    out = io.StringIO()
    cwd = os.getcwd()
    try:
        os.chdir(REPO)
        with contextlib.redirect_stdout(out):
            exec(compile(code, "README.md", "exec"), {})
    finally:
        os.chdir(cwd)
    assert out.getvalue() == shown
