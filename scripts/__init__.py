"""landstrikes: an annotated, validated corpus of five news articles on US land strikes in Mexico."""

__version__ = "1.0.0"
DATASET_VERSION = __version__


def load(table: str, version: str = DATASET_VERSION, as_pandas: bool = False, root=None):
    """A table of a pinned release, verified against its MANIFEST.json (see landstrikes.loading)."""
    from landstrikes.loading import load as load_release

    return load_release(table, version, as_pandas=as_pandas, root=root)
