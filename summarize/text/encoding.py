"""Bytes to text: which bytes are text at all, and the encoding that reads them."""

from __future__ import annotations

import codecs

# Tried in order after the byte-order marks; latin-1 accepts every byte, so it always ends the chain.
FALLBACK_ENCODINGS = ("cp1252", "latin-1")


def looks_binary(data: bytes) -> bool:
    """True for bytes that are not text in any encoding we read: NULs or many control bytes."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    sample = data[:4096]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return controls > len(sample) * 0.05


def decode(data: bytes) -> tuple[str, str]:
    """Decode bytes to text; returns (text, encoding used)."""
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return data.decode(encoding, errors="replace"), encoding
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    for encoding in FALLBACK_ENCODINGS:
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise AssertionError("latin-1 decodes every byte")  # pragma: no cover
