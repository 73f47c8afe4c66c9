"""Domain errors. The library raises these; only the CLI turns them into messages and exit codes."""

from __future__ import annotations


class SummarizeError(Exception):
    """Base class: a problem the user can act on, with a message that says how."""

    exit_code = 1


class InputError(SummarizeError):
    """The input folder or its files cannot be summarized (missing, empty, unreadable)."""

    exit_code = 2


class ModelError(SummarizeError):
    """A model could not be loaded or run."""

    exit_code = 3
