"""landstrikes: an annotated, validated corpus of five news articles on US land strikes in Mexico."""

from landstrikes import earlysignals as _earlysignals

_earlysignals.install()  # first: a SIGTERM or Ctrl-C while the command imports is its one line and code (attack69)

__version__ = "2.36.1"
DATASET_VERSION = __version__


def load(table: str, version: str | None = None, as_pandas: bool = False, root=None, pin: str | None = None):
    """A table of a pinned release (default: the newest), verified against its MANIFEST.json, and
    with `pin` (the manifest's sha256 from the CHANGELOG) against that too (see
    landstrikes.releases.loading.load, whose signature this one must keep: a test compares them)."""
    from landstrikes.releases.loading import load as load_release

    return load_release(table, version, as_pandas=as_pandas, root=root, pin=pin)


def versions(root=None) -> list[str]:
    """The release versions there are, oldest first (see landstrikes.releases.loading.versions)."""
    from landstrikes.releases.loading import versions as release_versions

    return release_versions(root)


def validate_tables(tables, name: str = "<memory>"):
    """validate's Report of a folder holding `tables` (table name -> pyarrow Table, pandas DataFrame
    or datasets Dataset), the folder named `name`: see landstrikes.tables_in_memory (eco70)."""
    from landstrikes.tables_in_memory import validate_tables as validate_held

    return validate_held(tables, name)


def _judge_release(folder, pin, report, keep=None) -> None:
    """`landstrikes.schema.validate`'s judge of a release folder's MANIFEST.json (eco39): see
    landstrikes.schema.release_check; imported only when a folder holds a MANIFEST.json. `keep`
    gets the listed files' bytes as they were hashed (eco40)."""
    from landstrikes.releases.copy_check import judge

    judge(folder, pin, report, keep)


def _register_release_judge() -> None:
    from landstrikes.schema import release_check

    release_check.register(_judge_release)


_register_release_judge()
