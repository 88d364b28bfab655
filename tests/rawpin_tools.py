"""Pin a raw text changed on purpose in its annotation source (rawpins), as the `raw-text-changed`
error asks: a test that edits a raw text builds another dataset, and says so here."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path


def repin(dataset: Path, article: str) -> str:
    """Write raw/<article>.txt's sha256 and length into annotations/articles/<article>.yaml; the new line."""
    text = (dataset / "raw" / f"{article}.txt").read_bytes()
    pin = f"raw: {{sha256: {hashlib.sha256(text).hexdigest()}, n_chars: {len(text.decode('utf-8'))}}}"
    source = dataset / "annotations" / "articles" / f"{article}.yaml"
    old = source.read_text(encoding="utf-8")
    new, count = re.subn(r"^raw: .*$", lambda _: pin, old, count=1, flags=re.M)
    assert count == 1, f"{source} pins no raw text"
    source.write_text(new, encoding="utf-8")
    return pin
