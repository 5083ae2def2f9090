"""Seeded generator of realistic resolution text, Word HTML and mail, of any size, streamed.

Usage::

    python benchmarks/generate.py text 16 -o ga.txt          # 16 MB of plain resolution text
    python benchmarks/generate.py html 4 -o ga.htm           # 4 MB of Word HTML
    python benchmarks/generate.py mbox 1024 -o archive.mbox  # 1 GB mail archive, written as it is made

The same seed gives the same bytes. Resolutions are built as a structure (a title line, an
enacting formula, preambular paragraphs, headings, numbered operative paragraphs with
lettered and roman sub-paragraphs, elisions, a closing line, footnotes) and then written as
plain text (the layout of UN PDF text), as Word HTML (``MsoNormal`` paragraphs, ``<o:p>``,
conditional comments, entities, ``<ol start>`` lists) or as e-mail (plain replies quoting
paragraphs with ``>``, attribution lines and signatures; ``multipart/alternative`` messages
with a Word HTML part). References come in the mix running UN text has: resolutions by
organ and number, lists with years, symbols, pinpoints of named instruments, ranges, the
text's own paragraphs, instruments by name; and the near misses that are not references.

Every function returns an iterator of chunks, so the caller decides whether to join them
(sizes up to 64 MB, for ``extract``) or to write them out one by one (1 GB, never held).
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from email.message import EmailMessage
from pathlib import Path
from typing import Literal

Kind = Literal["text", "html", "mail", "mbox"]
MB = 1_000_000

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")
BODIES = (
    "The General Assembly,",
    "The Economic and Social Council,",
    "The Security Council,",
    "The Human Rights Council,",
)
PREAMBULAR = (
    "Recalling",
    "Recalling also",
    "Reaffirming",
    "Bearing in mind",
    "Noting with concern",
    "Deeply concerned",
    "Welcoming",
    "Acknowledging",
    "Emphasizing",
    "Recognizing",
    "Taking note",
    "Convinced",
    "Mindful",
    "Stressing",
    "Expressing deep concern",
    "Noting",
)
OPERATIVE = (
    "Decides",
    "Requests",
    "Also requests",
    "Further requests",
    "Invites",
    "Encourages",
    "Calls upon",
    "Urges",
    "Welcomes",
    "Reaffirms",
    "Takes note",
    "Emphasizes",
    "Stresses",
    "Recognizes",
    "Notes",
    "Underlines",
    "Further decides",
    "Expresses its appreciation",
)
ACTORS = (
    "the Secretary-General",
    "Member States",
    "all relevant stakeholders",
    "the Commission on Science and Technology for Development",
    "the United Nations system",
    "the regional commissions",
    "Governments, the private sector and civil society",
    "the Internet Governance Forum",
    "the Office of the United Nations High Commissioner for Human Rights",
    "donor countries",
)
ACTIONS = (
    "to continue to strengthen international cooperation",
    "to submit a report on the implementation",
    "to enhance the participation of developing countries",
    "to bridge the digital divides",
    "to give due consideration to the recommendations",
    "to mobilize adequate financial resources",
    "to ensure the full and effective implementation",
    "to promote an open, inclusive and safe use",
    "to support capacity-building in the least developed countries",
    "to protect and promote human rights",
    "to strengthen coordination within the United Nations system",
)
OBJECTS = (
    "of information and communications technologies for development",
    "in all its aspects",
    "at its eighty-first session",
    "within existing resources",
    "in a balanced and coordinated manner",
    "on an equal footing",
    "with the participation of all stakeholders",
    "at the national and regional levels",
    "in line with national priorities",
    "as a matter of priority",
    "in accordance with international law",
    "under the item entitled \u201cInformation and communications technologies for development\u201d",
)
HEADINGS = (
    "Enhanced cooperation",
    "Internet Governance Forum",
    "Follow-up and review",
    "Financing for development",
    "Capacity-building",
    "Human rights and the information society",
)
TITLES = (
    "Information and communications technologies for sustainable development",
    "Scale of assessments for the apportionment of the expenses of the United Nations",
    "Follow-up to the outcome of the World Summit on the Information Society",
    "Women and peace and security",
    "Promotion and protection of human rights",
)
NAMED = (
    "the Tunis Agenda for the Information Society",
    "the Tunis Commitment",
    "the Charter of the United Nations",
    "the Universal Declaration of Human Rights",
    "the 2030 Agenda for Sustainable Development",
    "the Geneva Declaration of Principles and Plan of Action",
    "the United Nations Millennium Declaration",
    "the International Covenant on Civil and Political Rights",
)
NOT_REFERENCES = (
    "the sixty-sixth session of the General Assembly",
    "the resolution of the problem",
    "the draft resolution",
    "paragraph breaks",
    "a contribution of 2.5 million United States dollars",
    "version 2.1 of the guidelines",
    "paragraph 3 of the Rome Statute",
    "the 66th session",
    "on 14 October 2025",
    "resolution of conflicts",
    "tel. +41 22 917 1234",
    "high-level segment of 2019",
)


@dataclass
class Operative:
    number: int
    lead: str
    body: str
    items: list[tuple[str, str, list[tuple[str, str]]]] = field(default_factory=list)


@dataclass
class Resolution:
    symbol: str
    title: str
    body: str
    preamble: list[tuple[str, str]]
    parts: list[tuple[str | None, list[Operative]]]
    elided: set[int]
    meeting: str
    footnotes: list[str]


class Writer:
    """Phrases, references and resolutions from one seeded random source."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)

    def date(self) -> str:
        r = self.rng
        return f"{r.randint(1, 28)} {r.choice(MONTHS)} {r.randint(1990, 2025)}"

    def reference(self) -> str:
        r = self.rng
        n = r.randint(1, 120)
        session, number, year = r.randint(50, 80), r.randint(1, 320), r.randint(1990, 2025)
        serial = r.randint(1000, 2750)
        forms: tuple[Callable[[], str], ...] = (
            lambda: f"paragraph {n} of the Tunis Agenda",
            lambda: f"para {n} of the Tunis Agenda",
            lambda: f"paras. {n} and {n + r.randint(1, 9)} of the Tunis Agenda",
            lambda: f"paragraphs {n} to {n + r.randint(1, 6)} of its resolution {session}/{number}",
            lambda: f"paragraphs {n}\u2013{n + r.randint(1, 6)} of the Geneva Plan of Action",
            lambda: f"General Assembly resolution {session}/{number} of {self.date()}",
            lambda: f"Economic and Social Council resolution {year}/{r.randint(1, 50)}",
            lambda: f"Security Council resolution {r.randint(1000, 2750)} ({year})",
            lambda: f"Human Rights Council resolution {r.randint(1, 58)}/{r.randint(1, 40)}",
            lambda: f"resolutions {r.randint(1000, 2000)} ({year}) and {r.randint(2001, 2750)} ({year})",
            lambda: (
                f"resolutions {r.randint(2700, 2720)}, {r.randint(2721, 2730)} ({year}), "
                f"{r.randint(2731, 2740)} and {r.randint(2741, 2750)} ({year})"
            ),
            lambda: f"its resolution {session}/{number} of {self.date()}",
            lambda: f"its resolutions {session}/{number} of {self.date()} and {session + 1}/{number + 3}",
            lambda: f"operative paragraph {r.randint(1, 20)} of resolution {r.randint(1000, 2750)} ({year})",
            lambda: (
                f"its decisions {session}/{r.randint(500, 560)} of {self.date()} and "
                f"{session + 1}/{r.randint(500, 560)}"
            ),
            lambda: f"A/RES/{session}/{number}",
            lambda: f"document A/{session}/{r.randint(100, 900)}",
            lambda: f"paras. {n}, {n + 1} and {n + 4} (b) of document A/RES/{session}/{number}",
            lambda: f"A/RES/{session}/{number}, para. {r.randint(1, 30)} (b)",
            lambda: f"S/RES/{r.randint(1000, 2750)} ({year})",
            lambda: f"paragraph {r.randint(1, 12)} above",
            lambda: f"paragraph {r.randint(1, 12)} below",
            lambda: f"paragraph {r.randint(1, 12)} of the present resolution",
            lambda: "the present resolution",
            lambda: f"Article {r.randint(1, 110)} of the Charter",
            lambda: f"article {r.randint(1, 30)} of the Universal Declaration of Human Rights",
            lambda: f"section {r.choice(('II', 'IV', 'VI'))} of its resolution {session}/{number} A",
            lambda: f"the {r.choice(ORDINALS)} preambular paragraph of resolution {serial} ({year})",
            lambda: r.choice(NAMED),
        )
        return r.choice(forms)()

    def clause(self, refs: float) -> str:
        """A clause of running text, citing something with probability ``refs``."""
        r = self.rng
        text = f"{r.choice(ACTORS)} {r.choice(ACTIONS)} {r.choice(OBJECTS)}"
        if r.random() < refs:
            text += f", as stated in {self.reference()}"
        if r.random() < 0.15:
            text += f", taking into account {r.choice(NOT_REFERENCES)}"
        if r.random() < refs / 2:
            text += f", and in {self.reference()}"
        return text

    def sentence(self, clauses: int, refs: float) -> str:
        return ", and ".join(self.clause(refs) for _ in range(clauses))

    def resolution(self, index: int) -> Resolution:
        r = self.rng
        session = r.randint(60, 80)
        preamble = [
            (r.choice(PREAMBULAR), f"{self.reference()} and {self.sentence(r.randint(1, 3), 0.2)},")
            for _ in range(r.randint(3, 14))
        ]
        parts: list[tuple[str | None, list[Operative]]] = []
        number = 1
        for part in range(r.randint(1, 4)):
            heading = None if part == 0 and r.random() < 0.5 else r.choice(HEADINGS)
            paragraphs = []
            for _ in range(r.randint(2, 12)):
                op = Operative(number, r.choice(OPERATIVE), self.sentence(r.randint(1, 4), 0.15))
                if r.random() < 0.2:
                    for k in range(r.randint(2, 6)):
                        subs = []
                        if r.random() < 0.2:
                            subs = [
                                (roman, self.clause(0.12)) for roman in ("i", "ii", "iii")[: r.randint(2, 3)]
                            ]
                        op.items.append((chr(ord("a") + k), self.clause(0.12), subs))
                paragraphs.append(op)
                number += 1
            parts.append((heading, paragraphs))
        elided = {r.randint(2, number)} if r.random() < 0.1 else set()
        return Resolution(
            symbol=f"{session}/{index % 400 + 1}",
            title=r.choice(TITLES),
            body=r.choice(BODIES),
            preamble=preamble,
            parts=parts,
            elided=elided,
            meeting=f"{r.randint(10, 90)}th plenary meeting\n{self.date()}",
            footnotes=[f"A/{session}/{r.randint(100, 900)}, para. {r.randint(1, 40)}." for _ in range(2)],
        )


# --- plain text ----------------------------------------------------------------------


def _op_end(op: Operative, last: bool) -> str:
    return "." if last else ";"


def text_of(res: Resolution) -> str:
    """One resolution as UN PDF text reads: blank lines between paragraphs."""
    out = [f"{res.symbol}. {res.title}", "", res.body, ""]
    out += [f"{lead} {body}\n" for lead, body in res.preamble]
    ops = [op for _h, part in res.parts for op in part]
    for heading, part in res.parts:
        if heading:
            out += [heading, ""]
        for op in part:
            if op.number in res.elided:
                out += ["(...)", ""]
                continue
            end = _op_end(op, op is ops[-1])
            if op.items:
                out.append(f"{op.number}. {op.lead} {op.body}:\n")
                for label, text, subs in op.items:
                    out.append(f"({label}) {text}{':' if subs else ';'}\n")
                    out += [f"({roman}) {sub};\n" for roman, sub in subs]
            else:
                out.append(f"{op.number}. {op.lead} {op.body}{end}\n")
    out += [res.meeting, "", "_______________", ""]
    out += [f"{k} {note}" for k, note in enumerate(res.footnotes, start=1)]
    return "\n".join(out) + "\n\n"


# --- Word HTML -----------------------------------------------------------------------

WORD_HEAD = """<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:w="urn:schemas-microsoft-com:office:word" xmlns="http://www.w3.org/TR/REC-html40">
<head>
<meta http-equiv=Content-Type content="text/html; charset=utf-8">
<meta name=ProgId content=Word.Document>
<meta name=Generator content="Microsoft Word 15">
<!--[if gte mso 9]><xml>
 <w:WordDocument><w:View>Normal</w:View><w:Zoom>0</w:Zoom></w:WordDocument>
</xml><![endif]-->
<style>
<!--
 p.MsoNormal, li.MsoNormal, div.MsoNormal {margin:0cm; font-size:12.0pt; font-family:"Times New Roman",serif;}
 span.SpellE {mso-style-name:""; mso-spl-e:yes;}
-->
</style>
</head>
<body lang=EN-GB style='tab-interval:36.0pt'>
<div class=WordSection1>
"""
WORD_TAIL = "</div>\n</body>\n</html>\n"
SPAN = "<span lang=EN-GB style='font-size:10.0pt;font-family:\"Times New Roman\",serif'>"
TAB = "<span style='mso-tab-count:1'>&nbsp;&nbsp;&nbsp; </span>"


def _html_escape(text: str, rng: random.Random) -> str:
    """Escape as Word does, with the odd entity for quotes and dashes."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if rng.random() < 0.3:
        text = text.replace("\u201c", "&#8220;").replace("\u201d", "&#8221;").replace("\u2013", "&ndash;")
    return text


def _wrap(text: str, rng: random.Random) -> str:
    """A paragraph's text broken into Word's runs: ``<span>``, the odd ``<i>``, source line breaks."""
    words = _html_escape(text, rng).split(" ")
    out: list[str] = []
    for k, word in enumerate(words):
        if k and k % 11 == 0:
            out.append("\n")
        elif k:
            out.append(" ")
        if rng.random() < 0.02:
            out.append(f"<span class=SpellE>{word}</span>")
        else:
            out.append(word)
    return "".join(out)


def html_of(res: Resolution, rng: random.Random) -> str:
    """One resolution as Word saves it: ``MsoNormal`` paragraphs; some operative parts as ``<ol>``."""
    p = "<p class=MsoNormal style='margin-bottom:6.0pt;text-align:justify'>"
    out = [f"<p class=MsoNormal><b>{SPAN}{_wrap(f'{res.symbol}. {res.title}', rng)}</span></b></p>"]
    out.append(f"{p}{SPAN}{res.body}<o:p></o:p></span></p>")
    for lead, body in res.preamble:
        out.append(f"{p}{TAB}{SPAN}<i>{lead}</i> {_wrap(body, rng)}<o:p></o:p></span></p>")
    ops = [op for _h, part in res.parts for op in part]
    for heading, part in res.parts:
        if heading:
            out.append(f"<p class=MsoNormal align=center style='text-align:center'><b>{heading}</b></p>")
        listed = rng.random() < 0.2
        if listed:
            out.append(f"<ol start={part[0].number} style='margin-top:0cm'>")
        for op in part:
            if op.number in res.elided:
                out.append(f"{p}{SPAN}(&#8230;)</span></p>")
                continue
            end = ":" if op.items else _op_end(op, op is ops[-1])
            body = f"{TAB}{SPAN}<i>{op.lead}</i> {_wrap(op.body, rng)}{end}</span>"
            if listed:
                out.append(f"<li class=MsoNormal style='margin-bottom:6.0pt'>{body}</li>")
            else:
                out.append(f"{p}{SPAN}{op.number}.</span>{body}<o:p></o:p></p>")
            for label, text, subs in op.items:
                out.append(
                    f"<p class=MsoNormal style='margin-left:36.0pt'>{SPAN}({label}){TAB}{_wrap(text, rng)}"
                    f"{':' if subs else ';'}</span></p>"
                )
                out += [
                    f"<p class=MsoNormal style='margin-left:72.0pt'>({roman}) {_wrap(sub, rng)};</p>"
                    for roman, sub in subs
                ]
        if listed:
            out.append("</ol>")
    meeting = res.meeting.replace("\n", "<br>\n")
    out.append(f"<p class=MsoNormal align=right style='text-align:right'><i>{meeting}</i></p>")
    out.append(
        "<div style='mso-element:footnote-list'><![if !supportFootnotes]><br clear=all><hr align=left "
        'size=1 width="33%"><![endif]>'
    )
    out += [f"<p class=MsoFootnoteText><sup>{k}</sup> {note}</p>" for k, note in enumerate(res.footnotes, 1)]
    out.append("</div>")
    return "\n".join(out) + "\n"


# --- mail ----------------------------------------------------------------------------

SIGNATURE = "\n-- \nAvri Doria\nGovernance Caucus co-coordinator\n"


def mail_of(res: Resolution, rng: random.Random) -> str:
    """A plain-text reply quoting some paragraphs of a resolution, with attribution and signature."""
    ops = [op for _h, part in res.parts for op in part]
    quoted = rng.sample(ops, min(len(ops), rng.randint(1, 4)))
    out = [f"Dear all,\n\nOn {rng.randint(1, 28)}/{rng.randint(1, 12)}/06, Parminder <p@example.org> wrote:"]
    for op in quoted:
        depth = ">" * rng.randint(1, 2) + " "
        line = f"{op.number}. {op.lead} {op.body};"
        out += [depth + chunk for chunk in _lines(line, 72)]
        out.append(depth.strip())
    lead, body = res.preamble[0]
    out.append(f"\nI agree with {lead.lower()} {body[:-1]}, as in the {res.symbol} text.")
    return "\n".join(out) + "\n" + SIGNATURE + "\n"


def _lines(text: str, width: int) -> Iterator[str]:
    line: list[str] = []
    size = 0
    for word in text.split(" "):
        if size + len(word) > width and line:
            yield " ".join(line)
            line, size = [], 0
        line.append(word)
        size += len(word) + 1
    if line:
        yield " ".join(line)


def message_of(res: Resolution, rng: random.Random, index: int) -> bytes:
    """One mbox entry: a reply as ``multipart/alternative`` (text and Word HTML), or plain text alone."""
    msg = EmailMessage()
    msg["From"] = "Avri Doria <avri@example.org>"
    msg["To"] = "governance@lists.example.org"
    msg["Subject"] = f"Re: [governance] {res.title}"
    msg["Date"] = f"Thu, {rng.randint(1, 28)} Nov 2006 10:11:12 +0100"
    msg["Message-ID"] = f"<{index}.{rng.getrandbits(32)}@lists.example.org>"
    cte = rng.choice(("8bit", "quoted-printable", "base64"))
    msg.set_content(mail_of(res, rng) + text_of(res), cte=cte)
    if rng.random() < 0.5:
        msg.add_alternative(WORD_HEAD + html_of(res, rng) + WORD_TAIL, subtype="html", cte=cte)
    return b"From avri@example.org Thu Nov 23 10:11:12 2006\n" + bytes(msg).rstrip(b"\n") + b"\n\n"


# --- streams -------------------------------------------------------------------------


def chunks(kind: Kind, megabytes: float, seed: int = 0) -> Iterator[str]:
    """Pieces of one ``kind`` document of at least ``megabytes`` MB (UTF-8), one resolution each."""
    writer = Writer(seed)
    target = int(megabytes * MB)
    done = 0
    if kind == "html":
        yield WORD_HEAD
        done += len(WORD_HEAD.encode())
    index = 0
    while done < target:
        res = writer.resolution(index)
        if kind == "html":
            piece = html_of(res, writer.rng)
        elif kind == "mail":
            piece = mail_of(res, writer.rng)
        else:
            piece = text_of(res)
        yield piece
        done += len(piece.encode())
        index += 1
    if kind == "html":
        yield WORD_TAIL


def messages(megabytes: float, seed: int = 0) -> Iterator[bytes]:
    """mbox entries until ``megabytes`` MB are written."""
    writer = Writer(seed)
    done = 0
    index = 0
    while done < megabytes * MB:
        data = message_of(writer.resolution(index), writer.rng, index)
        yield data
        done += len(data)
        index += 1


def make(kind: Literal["text", "html", "mail"], megabytes: float, seed: int = 0) -> str:
    """One document in memory (for sizes ``extract`` takes whole)."""
    return "".join(chunks(kind, megabytes, seed))


def write(path: Path, kind: Kind, megabytes: float, seed: int = 0) -> int:
    """Write a document (or an mbox archive) chunk by chunk; returns its size in bytes."""
    with path.open("wb") as f:
        if kind == "mbox":
            for data in messages(megabytes, seed):
                f.write(data)
        else:
            for piece in chunks(kind, megabytes, seed):
                f.write(piece.encode())
        return f.tell()


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("kind", choices=("text", "html", "mail", "mbox"))
    parser.add_argument("mb", type=float, help="size in MB (1 MB = 10^6 bytes)")
    parser.add_argument("-o", "--output", type=Path, help="file to write (default: standard output)")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    if args.output is not None:
        size = write(args.output, args.kind, args.mb, args.seed)
        print(f"{args.output}: {size / MB:.1f} MB", file=sys.stderr)
    elif args.kind == "mbox":
        for data in messages(args.mb, args.seed):
            sys.stdout.buffer.write(data)
    else:
        for piece in chunks(args.kind, args.mb, args.seed):
            sys.stdout.write(piece)


if __name__ == "__main__":
    main()
