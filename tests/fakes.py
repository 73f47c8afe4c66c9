"""Stand-ins for a model: canned replies, and a record of the prompts received."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class FakeGenerator:
    replies: list[str] = field(default_factory=list)
    name: str = "fake-model"
    max_input_tokens: int = 4096
    encoder_decoder: bool = False
    echo: bool = False  # reply with the prompt itself
    prompts: list[str] = field(default_factory=list)

    def count_tokens(self, text: str) -> int:
        return len(text.split())

    def generate(self, prompt: str, max_new_tokens: int) -> str:
        self.prompts.append(prompt)
        if self.echo:
            return prompt
        return self.replies.pop(0) if self.replies else ""
