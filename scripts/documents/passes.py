"""The annotation passes the agreement figures compare (first, second, third pass, the gold
frozen before the third), read as strictly as the build reads the sources (attack15).

`yaml.safe_load` read `occurrence: 010` as 8 (YAML 1.1 octal) and kept the last of two equal
keys; a pass folder that was missing, or held no YAML file, was a pass of no rows, and every
figure computed from it 0.0, written with exit 0. Each is now a one-line BuildError (exit 2)."""

from __future__ import annotations

from pathlib import Path

from landstrikes.annotations.yamlsource import parse_source
from landstrikes.errors import BuildError


def pass_files(folder: Path, pattern: str = "*.yaml") -> list[Path]:
    """The pass's YAML files; a missing folder or one without any is refused, not read as empty."""
    if not folder.is_dir():
        raise BuildError(folder, "annotation pass folder is missing or not a folder; the agreement figures are computed from it",
                         check="source-unreadable")
    files = sorted(folder.glob(pattern))
    if not files:
        raise BuildError(folder, f"annotation pass folder holds no {pattern} file; the agreement figures are computed from it",
                         check="source-unreadable")
    return files


def read_pass_file(path: Path):
    """One pass file's data, by the sources' strict loader (yaml-number, yaml-bool, duplicate keys, anchors)."""
    return parse_source(path).data


def article_of(path: Path, doc, texts: dict) -> tuple[str, str]:
    """(article_id, text) of the article a pass file names; a file naming no article of the table is refused."""
    name = doc.get("article") if isinstance(doc, dict) else None
    if not isinstance(name, str) or name not in texts:
        raise BuildError(path, f"names article {name!r}, which is no source_file of the articles table", check="raw-missing")
    return texts[name]
