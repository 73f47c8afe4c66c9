"""What a wire editor does to a brief's sentences: introduce people, keep out sentences that need
unseen context, hold citations to the facts they promise, keep opinion out of the brief's voice."""
