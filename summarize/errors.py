"""Domain errors. The library raises these; only the CLI turns them into messages and exit codes."""

from __future__ import annotations


class SummarizeError(Exception):
    """Base class: a problem the user can act on, with a message that says how.

    Attributes:
        exit_code: what the command line exits with (1; subclasses 2 and 3).
    """

    exit_code = 1


class InputError(SummarizeError):
    """The input folder or its files cannot be summarized (missing, empty, unreadable); exit 2."""

    exit_code = 2


class ModelError(SummarizeError):
    """A model could not be loaded or run, or a model server cannot be used; exit 3."""

    exit_code = 3
