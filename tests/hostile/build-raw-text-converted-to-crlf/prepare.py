"""A raw text converted to CRLF line ends outside git (a zip unpacked by a Windows tool)."""

from pathlib import Path


def prepare(folder: Path) -> None:
    p = folder / 'raw' / '002_f6c5fed12bcb1118.txt'; p.write_bytes(p.read_bytes().replace(b'\n', b'\r\n'))
