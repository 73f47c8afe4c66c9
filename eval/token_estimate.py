"""How conservative is the token estimate used without the served model's tokenizer?

    python eval/token_estimate.py TOKENIZER_JSON FOLDER [FOLDER ...]

Counts every sentence of the articles under each FOLDER (*.txt, recursively) with the estimate
(summarize.server.estimate_tokens) and with a real tokenizer file, and prints how often the
estimate is below the real count and the ratio of the totals. Packing needs the estimate to be
at or above the real count: under-counting would overflow a server's context window.
"""

from __future__ import annotations

import sys
from pathlib import Path

from tokenizers import Tokenizer

from summarize.models.server import estimate_tokens
from summarize.pipeline.segment import split_text


def main(tokenizer_file: str, folders: list[str]) -> None:
    tokenizer = Tokenizer.from_file(tokenizer_file)
    tokenizer.no_padding()
    tokenizer.no_truncation()
    sentences = [
        s
        for folder in folders
        for path in sorted(Path(folder).rglob("*.txt"))
        for s in split_text(path.read_text(encoding="utf-8", errors="replace"))
        if s.strip()
    ]
    real = [len(tokenizer.encode(s, add_special_tokens=False).ids) for s in sentences]
    guess = [estimate_tokens(s) for s in sentences]
    under = sum(g < r for g, r in zip(guess, real))
    print(
        f"{len(sentences)} sentences; estimate below the real count for {under} "
        f"({100 * under / max(1, len(sentences)):.2f}%); total estimate / total real = "
        f"{sum(guess) / max(1, sum(real)):.2f}"
    )


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2:])
