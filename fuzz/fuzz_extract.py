"""Coverage-guided fuzzing of ``resolex.extract`` with atheris (libFuzzer for Python).

Run from the repository root (see fuzz/README.md)::

    python fuzz/fuzz_extract.py /tmp/resolex-fuzz seeds/ -dict=fuzz/resolex.dict -max_total_time=600

Each input is read as a choice of how to extract (plain text, HTML, auto, bytes) and the
text itself; the contract is then checked: ``extract`` raises nothing, every span slices to
its text and maps inside the source, the JSON loads back equal, and annotating then removing
the added elements gives the source back. A failed check raises, which libFuzzer reports
with the input that caused it (``crash-...``); an input slower than ``-timeout`` seconds is
reported as a ``timeout-...`` file.
"""

from __future__ import annotations

import html
import sys

import atheris  # type: ignore[import-untyped]  # (not a dependency: see fuzz/README.md)

with atheris.instrument_imports():
    import regex

    import resolex

ADDED = regex.compile(r'<(a|span) class="resolex-ref"[^>]*>(.*?)</\1>', regex.DOTALL)
PRE_OPEN = '<pre class="resolex-source">'
HOW = ("text", "html", "auto", "bytes")


def stripped(annotated: str, doc: resolex.Document) -> str:
    """The annotation without the elements annotate() added (as tests/test_annotate.py strips it)."""
    assert doc.source is not None
    body = ADDED.sub(r"\2", annotated)
    if doc.source.media_type == "text/html":
        return body
    assert body.startswith(PRE_OPEN)
    assert body.endswith("</pre>")
    return html.unescape(body[len(PRE_OPEN) : -len("</pre>")])


def check(doc: resolex.Document) -> None:
    assert doc.source is not None
    text, raw = doc.text, doc.source.raw
    items: list[tuple[str, resolex.Span]] = [(p.text, p.span) for p in doc.paragraphs]
    stack = [s for p in doc.paragraphs for s in p.subparagraphs]
    while stack:
        sub = stack.pop()
        items.append((sub.text, sub.span))
        stack.extend(sub.subparagraphs)
    items += [(r.text, r.span) for r in doc.references]
    items += [(h.text, h.span) for h in doc.headings] + [(e.text, e.span) for e in doc.elisions]
    for item_text, span in items:
        assert text[span.start : span.end] == item_text, (item_text, span)
        start, end = doc.source_span(span)
        assert 0 <= start <= end <= len(raw), (span, start, end)
    for d in doc.diagnostics:
        if d.span is not None:
            assert 0 <= d.span.start <= d.span.end <= len(text)
    assert resolex.Document.model_validate_json(doc.model_dump_json()) == doc
    assert stripped(resolex.annotate(doc), doc) == raw


def test_one_input(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    how = HOW[fdp.ConsumeIntInRange(0, len(HOW) - 1)]
    if how == "bytes":
        doc = resolex.extract(fdp.ConsumeBytes(fdp.remaining_bytes()))
    else:
        doc = resolex.extract(fdp.ConsumeUnicodeNoSurrogates(fdp.remaining_bytes()), format=how)  # type: ignore[arg-type]
    check(doc)


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
