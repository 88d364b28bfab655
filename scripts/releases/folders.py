"""Where releases live: a dataset's releases folder and the X.Y.Z folders in it.

Apart from `release.py` so that `verify` (and anything else that only looks releases up) does
not import what making a release needs: the build, validation and pandas.
"""

from __future__ import annotations

from pathlib import Path

from landstrikes.releases.semver import Version, folder_version

RELEASES = "releases"


def releases_dir(dataset_dir: Path) -> Path:
    return Path(dataset_dir) / RELEASES


def find_releases(folder: Path) -> dict[Version, Path]:
    """Every X.Y.Z folder under a releases folder, by version."""
    if not folder.is_dir():
        return {}
    found = {}
    for path in folder.iterdir():
        version = folder_version(path.name)
        if version is not None and path.is_dir():
            found[version] = path
    return dict(sorted(found.items()))


def is_release_folder(path: Path) -> bool:
    """An X.Y.Z folder in a releases folder: what `find_releases` lists, however the path names it.
    Such a folder is a release whether or not its MANIFEST.json is still there (attack11: diff
    compared a release whose manifest was deleted without verifying it)."""
    try:
        path = Path(path).resolve()
    except (OSError, RuntimeError):
        return False
    return path.parent.name == RELEASES and folder_version(path.name) is not None
