"""What loading gives the pipeline: a source and the diagnostics raised reading it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from resolex.models import Diagnostic, Severity, Source


@dataclass(frozen=True, slots=True)
class Loaded:
    """One text to extract: its source and what loading it raised."""

    source: Source
    diagnostics: tuple[Diagnostic, ...] = ()


def note(code: str, severity: Severity, message: str) -> Diagnostic:
    return Diagnostic(code=code, severity=severity, message=message)


def located(diagnostics: tuple[Diagnostic, ...], where: str) -> tuple[Diagnostic, ...]:
    """Diagnostics of decoding, their message prefixed with where they arose."""
    return tuple(d.model_copy(update={"message": f"{where}: {d.message}"}) for d in diagnostics)


def failed(
    source: Source, code: str, severity: Severity, message: str, notes: Iterable[Diagnostic] = ()
) -> Loaded:
    """A source that gives no text, with why."""
    return Loaded(source, (*notes, note(code, severity, message)))


def megabytes(size: int) -> str:
    return f"{size / 1e6:.1f} MB"
