"""NLTK's Punkt segmenter and Porter stemmer, loaded without the rest of NLTK.

`from nltk.tokenize.punkt import ...` runs `nltk/__init__.py` first, which imports nearly all of
NLTK (collocations, and through them scipy.stats and scikit-learn's estimators): 4-5 s of a
brief's start on a loaded machine, for two modules that need none of it. Python offers no switch
to import a submodule without its package's `__init__`, so this does it by hand: NLTK's packages
are entered in `sys.modules` unexecuted while the two modules load, and every NLTK entry added is
removed afterwards, so a program that imports NLTK itself later still gets the whole, real package.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
from functools import cache
from types import ModuleType


@cache
def nltk_module(name: str) -> ModuleType:
    """The NLTK module `name` (e.g. "nltk.tokenize.punkt"), without NLTK's package imports."""
    if "nltk" in sys.modules:  # NLTK is loaded already: nothing to save
        return importlib.import_module(name)
    before = set(sys.modules)
    try:
        for depth in range(name.count("."), 0, -1):  # parents first: find_spec of a child imports its parent
            package = name.rsplit(".", depth)[0]
            spec = importlib.util.find_spec(package)
            if spec is None:
                raise ModuleNotFoundError(f"No module named {package!r}", name=package)
            sys.modules[package] = importlib.util.module_from_spec(spec)
        return importlib.import_module(name)
    finally:
        for key in set(sys.modules) - before:
            if key == "nltk" or key.startswith("nltk."):
                del sys.modules[key]
