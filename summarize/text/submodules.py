"""One module of a large package, loaded without the package's `__init__`.

NLTK's Punkt segmenter and Porter stemmer, scikit-learn's list of English stop words, TextBlob's
English lexicon and tagger, and nameparser's list of titles are all a brief needs of those packages.

`from nltk.tokenize.punkt import ...` runs `nltk/__init__.py` first, which imports nearly all of
NLTK (collocations, and through them scipy.stats and scikit-learn's estimators): 4-5 s of a
brief's start on a loaded machine, for two modules that need none of it; `import sklearn` alike
imports scipy.stats, for a list of words; `import textblob` imports all of NLTK, and `import
nameparser` builds its whole parser (0.4 s), for a word list. Python offers no switch
to import a submodule without its package's `__init__`, so this does it by hand: the module's parent packages
are entered in `sys.modules` unexecuted while it loads, and every entry of that package added is
removed afterwards, so a program that imports NLTK itself later still gets the whole, real package.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
from functools import cache
from types import ModuleType


@cache
def submodule(name: str) -> ModuleType:
    """The module `name` (e.g. "nltk.tokenize.punkt"), without its packages' imports."""
    top = name.split(".")[0]
    if top in sys.modules:  # the package is loaded already: nothing to save
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
            if key == top or key.startswith(top + "."):
                del sys.modules[key]
