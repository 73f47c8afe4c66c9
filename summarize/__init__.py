"""summarize: a folder of news articles about one story -> one neutral brief that cites its sources.

    from summarize import summarize_folder, Options, Length
    brief = summarize_folder("seeds/", Options(length=Length.medium))

Exports load lazily, so that `summarize --help` does not pay for NLTK and scikit-learn.
"""

from __future__ import annotations

import logging
from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # what type checkers and editors see; at run time `__getattr__` imports on first use
    from .errors import InputError, ModelError, SummarizeError
    from .options import Format, Length, Mode, Options
    from .output.render import render as render_brief
    from .pipeline.run import summarize_documents, summarize_folder, summarize_inputs, summarize_texts
    from .types import Brief, BriefSentence, Document, RawDocument, Sentence

    __version__: str

# A library only logs; the application that embeds it decides where warnings go (the command line
# installs its own handler). Without this, Python's last-resort handler prints them on stderr.
logging.getLogger(__name__).addHandler(logging.NullHandler())

__all__ = [  # and __version__, which star-imports leave out as usual
    "Brief",
    "BriefSentence",
    "Document",
    "Format",
    "InputError",
    "Length",
    "Mode",
    "ModelError",
    "Options",
    "RawDocument",
    "Sentence",
    "SummarizeError",
    "render_brief",
    "summarize_documents",
    "summarize_folder",
    "summarize_inputs",
    "summarize_texts",
]
_EXPORTS = {
    "summarize_folder": "pipeline.run",
    "summarize_documents": "pipeline.run",
    "summarize_inputs": "pipeline.run",
    "summarize_texts": "pipeline.run",
    "render_brief": "output.render",  # not `render`: that name is the submodule summarize.output.render
    "RawDocument": "types",
    "Options": "options",
    "Length": "options",
    "Mode": "options",
    "Format": "options",
    "Brief": "types",
    "BriefSentence": "types",
    "Document": "types",
    "Sentence": "types",
    "SummarizeError": "errors",
    "InputError": "errors",
    "ModelError": "errors",
}


def __getattr__(name: str) -> Any:
    if name == "__version__":  # read on first use: importlib.metadata is a tenth of `--help`'s start
        return _version()
    if name in _EXPORTS:
        return getattr(import_module(f".{_EXPORTS[name]}", __name__), "render" if name == "render_brief" else name)
    raise AttributeError(f"module 'summarize' has no attribute {name!r}")


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        found = version("summarize")
    except PackageNotFoundError:  # a source tree on PYTHONPATH that was never installed
        found = "0+unknown"
    globals()["__version__"] = found
    return found
