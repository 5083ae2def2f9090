"""Quickstart: extract paragraphs and references from a user's e-mail.

Run from the repository root: ``python examples/quickstart.py``.
"""

from __future__ import annotations

from pathlib import Path

import resolex

SEED = Path(__file__).resolve().parent.parent / "seeds" / "002_5910fbf75990ef28.txt"


def main() -> None:
    doc = resolex.extract(SEED.read_text(encoding="utf-8"))
    for p in doc.paragraphs:
        print(p.number, p.kind, p.lead, p.section)
    for r in doc.references:
        target = r.document.id if r.document else "self"
        print(r.text, target, [str(x) for x in r.pinpoints])


if __name__ == "__main__":
    main()
