"""Replace a file's whole content in one rename, so a full disk or a kill leaves the old file whole.

`stats` rewrites README.md and DATASHEET.md, whose hand-written text is the only copy: writing in
place truncated them on a full disk (attack5). The new content goes to a new temporary file beside
the target (never a fixed name a symlink could be planted at), keeps the target's permissions, and
replaces it only once written in full.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def replace_file(path: Path, data: bytes) -> None:
    """Write `data` to `path` atomically; on OSError the target is untouched and the error raised."""
    path = Path(path)
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".landstrikes-tmp", dir=path.parent)
    temporary = Path(name)
    try:
        try:
            mode = path.stat().st_mode & 0o777
        except FileNotFoundError:
            mask = os.umask(0)
            os.umask(mask)
            mode = 0o666 & ~mask
        os.fchmod(fd, mode)
        with open(fd, "wb") as handle:
            handle.write(data)
        temporary.replace(path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def replace_text(path: Path, text: str) -> None:
    replace_file(path, text.encode("utf-8"))
