"""The one exception hierarchy: for misuse and broken configuration, never for bad text."""

from __future__ import annotations


class ResolexError(Exception):
    """Base of every error resolex raises on purpose."""


class DataFileError(ResolexError):
    """A pattern, vocabulary or catalogue file is unreadable or invalid.

    The message names the file, the entry and the field at fault.
    """


class SourceError(ResolexError):
    """A source cannot be read at all (a missing path, a directory given as a file)."""
