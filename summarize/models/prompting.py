"""Prompt templates (prompts/*.txt, `$name` variables) and packing source sentences into them."""

from __future__ import annotations

import string
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from ..errors import SummarizeError
from ..text.quality import instruction_like
from ..text.sparse import SparseRows
from ..types import ScoredGroup

VARIABLES = {"words": "the target length in words", "sources": "the numbered source sentences"}
REQUIRED = ("sources",)


class PromptError(SummarizeError):
    """A prompt template is missing or uses variables the tool does not fill."""

    exit_code = 2  # the user's file: bad input, like a missing folder


def load_template(path: Path | None = None, task: str = "brief") -> string.Template:
    """`path`, or the packaged template for `task`; checked for unknown and missing variables."""
    if path is not None:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except OSError as err:
            raise PromptError(f"{path}: cannot read the prompt template ({err.strerror or err})") from err
        where = str(path)
    else:
        text, where = _packaged(task)
    template = string.Template(text)
    if not template.is_valid():
        raise PromptError(f"{where}: a `$` that is not a variable; write `$$` for a dollar sign")
    used = set(template.get_identifiers())
    unknown = sorted(used - set(VARIABLES))
    if unknown:
        known = ", ".join(f"${k} ({v})" for k, v in VARIABLES.items())
        raise PromptError(f"{where}: unknown variable(s) {', '.join('$' + u for u in unknown)}; the tool fills {known}")
    missing = [f"${name}" for name in REQUIRED if name not in used]
    if missing:
        raise PromptError(f"{where}: the template never uses {', '.join(missing)}, so the model would see no sources")
    return template


def _packaged(task: str) -> tuple[str, str]:
    name = f"{task}.txt"
    packaged = resources.files("summarize").joinpath("prompts", name)
    if packaged.is_file():  # an installed wheel carries prompts/ inside the package
        return packaged.read_text(encoding="utf-8"), f"prompts/{name}"
    source_tree = Path(__file__).resolve().parents[2] / "prompts" / name  # editable install
    if source_tree.is_file():
        return source_tree.read_text(encoding="utf-8"), str(source_tree)
    raise PromptError(f"no packaged prompt template {name}")


MAX_CANDIDATES = 600  # the best-scored groups considered for the prompt


@dataclass(frozen=True, slots=True)
class Packed:
    sources: str  # the numbered lines
    groups: tuple[ScoredGroup, ...]  # in the order they were numbered
    left_out: int  # candidate sentences that did not fit
    withheld: int  # instruction-like sentences kept from the model


def pack(
    scored: Sequence[ScoredGroup],
    vectors: SparseRows,
    cost: Callable[[str], int],
    budget: int,
    redundant: float,
    max_words: int,
) -> Packed:
    """Number the groups in salience order, whole sentences only, while their `cost` (tokens)
    stays within `budget`.

    Near-repeats of a sentence already packed are skipped: the model needs each fact once.
    `max_words` caps the sources, so a model with a long context still answers in seconds.
    """
    order = sorted(range(len(scored)), key=lambda i: -scored[i].score)[:MAX_CANDIDATES]
    position = {i: k for k, i in enumerate(order)}
    top = vectors.take(order)
    similarity = top.matmul(top.transposed()).toarray()
    lines: list[str] = []
    chosen: list[int] = []
    words = withheld = spent = 0
    for i in order:
        text = scored[i].group.representative.text
        if instruction_like(text):
            withheld += 1
            continue
        if any(similarity[position[i], position[j]] >= redundant for j in chosen):
            continue
        line = f"[{len(lines) + 1}] ({', '.join(scored[i].group.doc_ids)}) {text}"
        tokens = cost(line + "\n")
        if words + len(text.split()) > max_words or spent + tokens > budget:
            break
        spent += tokens
        lines.append(line)
        chosen.append(i)
        words += len(text.split())
    left_out = len(scored) - len(chosen) - withheld
    return Packed("\n".join(lines), tuple(scored[i] for i in chosen), left_out, withheld)


def render_prompt(template: string.Template, **values: object) -> str:
    return template.substitute({k: str(v) for k, v in values.items()})
