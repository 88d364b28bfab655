"""A source nested 200,000 lists deep (libyaml's C composer would crash the process)."""

from pathlib import Path


def prepare(folder: Path) -> None:
    (folder / 'annotations' / 'claim_clusters.yaml').write_text('[' * 200_000)
