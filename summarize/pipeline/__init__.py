"""One story's articles -> one brief, one module per stage; `run` is the only module that wires them."""
