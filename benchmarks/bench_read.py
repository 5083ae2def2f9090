"""Throughput and memory of ``resolex.read`` on a generated mbox archive.

Usage: ``python benchmarks/bench_read.py [--mb 200] [--keep DIR]``. An archive of at
least ``--mb`` megabytes is written to a temporary folder (deleted afterwards), then read
with ``resolex.read`` document by document. At 50, 100, 200 … MB of archive read, the
script prints the archive read so far, the text parts extracted from it (the MIME parts
chosen, decoded), MB/s of each, the resident set size now and its peak so far: if
reading streams, RSS stays flat as the archive grows.

The archive mixes what a mailing list holds: Word-HTML and Gmail replies (the seeds) as
``multipart/alternative`` with a plain-text copy, plain-text replies quoting a resolution
with a signature, quoted-printable and base64 bodies, and one message in twenty with a
200 KB PDF attachment (not text: skipped). Every 1,000th message is broken (a wrong
charset). The mix is seeded, so runs are comparable.
"""

from __future__ import annotations

import argparse
import random
import resource
import shutil
import sys
import tempfile
import time
from email.message import EmailMessage
from pathlib import Path

import resolex

REPO = Path(__file__).resolve().parent.parent
MB = 1_000_000

REPLY = """Dear all,

On 11/23/06, Parminder <parminder@itforchange.net> wrote:
> 24. Invites the Secretary-General, as stated in paragraph 35 of the Tunis Agenda,
> to convene open and inclusive consultations involving all member states;
>> 25. Requests a report under General Assembly resolution 60/252 and Economic and
>> Social Council resolution 2006/46, in line with paras. 72 and 78 of the Tunis Agenda;

I agree with paragraphs 67\u201372 of the Tunis Agenda, and with operative paragraph 4
of resolution 2242 (2015). The Geneva Declaration of Principles and Plan of Action
says as much.

--\x20
Avri Doria
"""


def templates(rng: random.Random) -> list[bytes]:
    """Messages to repeat, each with a {n} placeholder in its Message-ID."""
    seeds = [p.read_text(encoding="utf-8") for p in sorted((REPO / "seeds").glob("*.txt"))]
    out: list[bytes] = []
    for i, html in enumerate(seeds):
        for cte in ("8bit", "quoted-printable"):
            msg = header(f"Re: [governance] seed {i}")
            msg.set_content(REPLY, cte=cte)
            msg.add_alternative(html, subtype="html", cte=cte)
            out.append(bytes(msg))
    for cte in ("8bit", "quoted-printable", "base64"):
        msg = header("Re: [governance] CSTD draft")
        msg.set_content(REPLY * 3, cte=cte)
        out.append(bytes(msg))
    msg = header("Draft with PDF")
    msg.set_content(REPLY)
    msg.add_attachment(rng.randbytes(200_000), maintype="application", subtype="pdf", filename="draft.pdf")
    out.append(bytes(msg))
    return out


def header(subject: str) -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = "Avri Doria <avri@acm.org>"
    msg["To"] = "governance@lists.cpsr.org"
    msg["Subject"] = subject
    msg["Date"] = "Thu, 23 Nov 2006 10:11:12 +0100"
    msg["Message-ID"] = "<MSGID@lists.cpsr.org>"
    return msg


def generate(path: Path, megabytes: float) -> int:
    """Write an archive of at least ``megabytes``; returns the number of messages."""
    rng = random.Random(2006)
    plain = templates(rng)
    pdf = plain.pop()
    broken = plain[-1].replace(b'charset="utf-8"', b'charset="x-no-such-charset"')
    count = 0
    with path.open("wb") as f:
        while f.tell() < megabytes * MB:
            if count % 1000 == 999:
                data = broken
            elif count % 20 == 19:
                data = pdf
            else:
                data = plain[count % len(plain)]
            f.write(b"From avri@acm.org Thu Nov 23 10:11:12 2006\n")
            f.write(data.replace(b"MSGID", str(count).encode()).rstrip(b"\n") + b"\n\n")
            count += 1
    return count


def rss_now() -> float:
    """Resident set size of this process now, in MB (Linux; 0 where /proc is absent)."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, IndexError, ValueError):
        return 0.0
    return pages * resource.getpagesize() / MB


def rss_peak() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux, bytes on macOS
    return peak * 1024 / MB if sys.platform != "darwin" else peak / MB


def measure(path: Path, messages: int) -> None:
    size = path.stat().st_size
    marks = [m * MB for m in (50, 100, 200, 400, 800) if m * MB <= size] + [size]
    print(f"archive: {size / MB:.1f} MB, {messages} messages; RSS before reading {rss_now():.0f} MB")
    columns = [("read", 9), ("docs", 7), ("refs", 8), ("diags", 6), ("text", 8), ("seconds", 8), ("MB/s", 6)]
    columns += [("text MB/s", 9), ("RSS now", 8), ("RSS peak", 9)]
    print(" ".join(f"{name:>{width}}" for name, width in columns))
    docs = references = diagnostics = text = 0
    start = time.perf_counter()
    done = 0
    for doc in resolex.read(path):
        docs += 1
        references += len(doc.references)
        diagnostics += sum(1 for d in doc.diagnostics if d.code.startswith("RX00"))
        assert doc.source is not None
        text += len(doc.source.raw.encode("utf-8"))
        done = doc.source.byte_offset or 0
        while marks and done >= marks[0]:
            show(marks.pop(0), (docs, references, diagnostics), text, time.perf_counter() - start)
    if marks:
        show(size, (docs, references, diagnostics), text, time.perf_counter() - start)


def show(at: int, counts: tuple[int, int, int], text: int, elapsed: float) -> None:
    docs, references, diagnostics = counts
    print(
        f"{at / MB:7.1f}MB {docs:7d} {references:8d} {diagnostics:6d} {text / MB:6.1f}MB {elapsed:8.1f}"
        f" {at / MB / elapsed:6.2f} {text / MB / elapsed:9.2f} {rss_now():6.0f}MB {rss_peak():7.0f}MB",
        flush=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--mb", type=float, default=200.0, help="archive size in MB (default 200)")
    parser.add_argument("--keep", type=Path, help="write the archive here and keep it")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="resolex-bench-")) if args.keep is None else args.keep
    folder.mkdir(parents=True, exist_ok=True)
    try:
        path = folder / "archive.mbox"
        began = time.perf_counter()
        messages = generate(path, args.mb)
        print(f"generated in {time.perf_counter() - began:.1f} s")
        measure(path, messages)
    finally:
        if args.keep is None:
            shutil.rmtree(folder)


if __name__ == "__main__":
    main()
