"""Where text is generated or embedded: the only place torch, transformers and openai are imported."""
